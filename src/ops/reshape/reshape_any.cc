// RESHAPE of any type: the bytes move unchanged (in place when the planner
// gave input and output the same bytes).
#include <cstring>

#include "ops/reshape/reshape.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void copy_bytes(const void* input, void* output, std::size_t bytes) {
  if (output != input) std::memmove(output, input, bytes);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reshape_any,
                      {&kReshapeOp, "reshape_any", KernelChoice::kReference, signature({kAnyType}, kAnyType),
                       kernel_entry<kernels::CopyFn, kernels::reference::copy_bytes>(), nullptr});

}  // namespace tinyinfer
