// Reference DIV int32 with broadcasting: C++'s truncating quotient (TFLite's
// a / b), clamped to the fused activation. Where TFLite would trap, a zero
// divisor gives 0 and INT32_MIN / -1 wraps to INT32_MIN.
#include "ops/div/div.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void div_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int32_t a, int32_t b) {
    int32_t quotient = 0;
    if (b == -1) {
      quotient = wrapping_sub(0, a);
    } else if (b != 0) {
      quotient = a / b;
    }
    return clamp_to(quotient, params.act_min, params.act_max);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(div_int32, {&kDivOp, "div_int32", KernelChoice::kReference, signature({kI32, kI32}, kI32),
                                  kernel_entry<kernels::BinaryFn<int32_t>, kernels::reference::div_int32>(), nullptr});

}  // namespace tinyinfer
