// Reference LOGICAL_NOT bool: out = !in. Bytes are read as bytes, so a
// non-canonical true (a byte other than 1) still negates to 0.
#include <cstdint>

#include "ops/logical_not/logical_not.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void logical_not_bool(int64_t count, const uint8_t* input, uint8_t* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = input[i] == 0 ? 1 : 0;
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(logical_not_bool,
                      {&kLogicalNotOp, "logical_not_bool", KernelChoice::kReference, signature({kBool}, kBool),
                       kernel_entry<kernels::UnaryBoolFn, kernels::reference::logical_not_bool>(), nullptr});

}  // namespace tinyinfer
