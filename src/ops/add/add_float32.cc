// Reference ADD float32 with broadcasting, clamped to the fused activation.
#include "ops/add/add.h"
#include "ops/common/broadcast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void add_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output) {
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const float sum = input1[i1] + input2[i2];
    output[o] = sum < clamp.min ? clamp.min : (sum > clamp.max ? clamp.max : sum);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_float32, {&kAddOp, "add_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                                    kernel_entry<kernels::AddFloatFn, kernels::reference::add_float>(), nullptr});

}  // namespace tinyinfer
