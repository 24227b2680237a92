// Reference EQUAL bool with broadcasting: the raw values compared.
#include "ops/equal/equal.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void equal_bool(const BinaryParams& /*params*/, const BroadcastShape& shape, const bool* input1, const bool* input2,
                bool* output) {
  compare_raw(shape, input1, input2, output, [](bool a, bool b) { return a == b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(equal_bool, {&kEqualOp, "equal_bool", KernelChoice::kReference, signature({kBool, kBool}, kBool),
                                   kernel_entry<kernels::CompareFn<bool>, kernels::reference::equal_bool>(), nullptr});

}  // namespace tinyinfer
