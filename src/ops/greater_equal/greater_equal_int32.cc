// Reference GREATER_EQUAL int32 with broadcasting: the raw values compared.
#include "ops/greater_equal/greater_equal.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void greater_equal_int32(const BinaryParams& /*params*/, const BroadcastShape& shape, const int32_t* input1,
                         const int32_t* input2, bool* output) {
  compare_raw(shape, input1, input2, output, [](int32_t a, int32_t b) { return a >= b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(greater_equal_int32,
                      {&kGreaterEqualOp, "greater_equal_int32", KernelChoice::kReference,
                       signature({kI32, kI32}, kBool),
                       kernel_entry<kernels::CompareFn<int32_t>, kernels::reference::greater_equal_int32>(), nullptr});

}  // namespace tinyinfer
