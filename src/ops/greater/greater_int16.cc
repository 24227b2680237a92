// Reference GREATER int16: both inputs rescaled to a common real scale (TFLite's
// ComparisonWithScaling), then compared.
#include "ops/greater/greater.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void greater_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1,
                   const int16_t* input2, bool* output) {
  compare_scaled(params, shape, input1, input2, output, [](int32_t a, int32_t b) { return a > b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(greater_int16,
                      {&kGreaterOp, "greater_int16", KernelChoice::kReference, signature({kI16, kI16}, kBool),
                       kernel_entry<kernels::CompareFn<int16_t>, kernels::reference::greater_int16>(), nullptr});

}  // namespace tinyinfer
