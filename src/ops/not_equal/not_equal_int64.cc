// Reference NOT_EQUAL int64 with broadcasting: the raw values compared.
#include "ops/not_equal/not_equal.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void not_equal_int64(const BinaryParams& /*params*/, const BroadcastShape& shape, const int64_t* input1,
                     const int64_t* input2, bool* output) {
  compare_raw(shape, input1, input2, output, [](int64_t a, int64_t b) { return a != b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(not_equal_int64,
                      {&kNotEqualOp, "not_equal_int64", KernelChoice::kReference, signature({kI64, kI64}, kBool),
                       kernel_entry<kernels::CompareFn<int64_t>, kernels::reference::not_equal_int64>(), nullptr});

}  // namespace tinyinfer
