// Reference SQUARED_DIFFERENCE int32 with broadcasting (wrapping, as TFLite's
// int32 arithmetic in practice).
#include "ops/squared_difference/squared_difference.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squared_difference_int32(const BinaryParams& /*params*/, const BroadcastShape& shape, const int32_t* input1,
                              const int32_t* input2, int32_t* output) {
  binary_broadcast(shape, input1, input2, output, [](int32_t a, int32_t b) {
    const int32_t d = wrapping_sub(a, b);
    return wrapping_mul(d, d);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squared_difference_int32,
                      {&kSquaredDifferenceOp, "squared_difference_int32", KernelChoice::kReference,
                       signature({kI32, kI32}, kI32),
                       kernel_entry<kernels::BinaryFn<int32_t>, kernels::reference::squared_difference_int32>(),
                       nullptr});

}  // namespace tinyinfer
