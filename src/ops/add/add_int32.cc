// Reference ADD int32 with broadcasting: wrapping sum, clamped to the range
// prepare set (the whole int32 range, as TFLite Micro).
#include "ops/add/add.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void add_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int32_t a, int32_t b) {
    const auto sum = static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
    return clamp_to(sum, params.act_min, params.act_max);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_int32, {&kAddOp, "add_int32", KernelChoice::kReference, signature({kI32, kI32}, kI32),
                                  kernel_entry<kernels::BinaryFn<int32_t>, kernels::reference::add_int32>(), nullptr});

}  // namespace tinyinfer
