// Reference LESS int64 with broadcasting: the raw values compared.
#include "ops/less/less.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void less_int64(const BinaryParams& /*params*/, const BroadcastShape& shape, const int64_t* input1,
                const int64_t* input2, bool* output) {
  compare_raw(shape, input1, input2, output, [](int64_t a, int64_t b) { return a < b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(less_int64,
                      {&kLessOp, "less_int64", KernelChoice::kReference, signature({kI64, kI64}, kBool),
                       kernel_entry<kernels::CompareFn<int64_t>, kernels::reference::less_int64>(), nullptr});

}  // namespace tinyinfer
