// Reference SQUARED_DIFFERENCE float32 with broadcasting.
#include "ops/squared_difference/squared_difference.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squared_difference_float(const BinaryParams& /*params*/, const BroadcastShape& shape, const float* input1,
                              const float* input2, float* output) {
  binary_broadcast(shape, input1, input2, output, [](float a, float b) {
    const float d = a - b;
    return d * d;
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squared_difference_float32,
                      {&kSquaredDifferenceOp, "squared_difference_float32", KernelChoice::kReference,
                       signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::reference::squared_difference_float>(),
                       nullptr});

}  // namespace tinyinfer
