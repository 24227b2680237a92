// Reference NOT_EQUAL bool with broadcasting: the raw values compared.
#include "ops/not_equal/not_equal.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void not_equal_bool(const BinaryParams& /*params*/, const BroadcastShape& shape, const bool* input1, const bool* input2,
                    bool* output) {
  compare_raw(shape, input1, input2, output, [](bool a, bool b) { return a != b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(not_equal_bool,
                      {&kNotEqualOp, "not_equal_bool", KernelChoice::kReference, signature({kBool, kBool}, kBool),
                       kernel_entry<kernels::CompareFn<bool>, kernels::reference::not_equal_bool>(), nullptr});

}  // namespace tinyinfer
