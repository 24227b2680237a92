// Reference GREATER_EQUAL int8: both inputs rescaled to a common real scale (TFLite's
// ComparisonWithScaling), then compared.
#include "ops/greater_equal/greater_equal.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void greater_equal_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1,
                        const int8_t* input2, bool* output) {
  compare_scaled(params, shape, input1, input2, output, [](int32_t a, int32_t b) { return a >= b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(greater_equal_int8,
                      {&kGreaterEqualOp, "greater_equal_int8", KernelChoice::kReference, signature({kI8, kI8}, kBool),
                       kernel_entry<kernels::CompareFn<int8_t>, kernels::reference::greater_equal_int8>(), nullptr});

}  // namespace tinyinfer
