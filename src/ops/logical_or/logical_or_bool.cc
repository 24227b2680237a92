// Reference LOGICAL_OR with broadcasting.
#include "ops/logical_or/logical_or.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void logical_or_bool(const BinaryParams& /*params*/, const BroadcastShape& shape, const bool* input1,
                     const bool* input2, bool* output) {
  binary_broadcast(shape, input1, input2, output, [&](bool a, bool b) { return a || b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(logical_or_bool,
                      {&kLogicalOrOp, "logical_or_bool", KernelChoice::kReference, signature({kBool, kBool}, kBool),
                       kernel_entry<kernels::BinaryFn<bool>, kernels::reference::logical_or_bool>(), nullptr});

}  // namespace tinyinfer
