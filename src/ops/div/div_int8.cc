// Reference DIV int8 with broadcasting: TFLite's quantized division per
// element (div.h), clamped to the fused activation.
#include "ops/div/div.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void div_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int8_t a, int8_t b) {
    return static_cast<int8_t>(clamp_to(div_quantized(params, a, b), params.act_min, params.act_max));
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(div_int8, {&kDivOp, "div_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
                                 kernel_entry<kernels::BinaryFn<int8_t>, kernels::reference::div_int8>(), nullptr});

}  // namespace tinyinfer
