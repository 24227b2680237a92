// Reference GREATER int32 with broadcasting: the raw values compared.
#include "ops/greater/greater.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void greater_int32(const BinaryParams& /*params*/, const BroadcastShape& shape, const int32_t* input1,
                   const int32_t* input2, bool* output) {
  compare_raw(shape, input1, input2, output, [](int32_t a, int32_t b) { return a > b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(greater_int32,
                      {&kGreaterOp, "greater_int32", KernelChoice::kReference, signature({kI32, kI32}, kBool),
                       kernel_entry<kernels::CompareFn<int32_t>, kernels::reference::greater_int32>(), nullptr});

}  // namespace tinyinfer
