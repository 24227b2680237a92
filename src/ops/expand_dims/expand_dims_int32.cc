// EXPAND_DIMS int32: the shared copy walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/expand_dims/expand_dims.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void expand_dims_int32(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(int32_t));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(expand_dims_int32,
                      {&kExpandDimsOp, "expand_dims_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ExpandDimsFn, kernels::reference::expand_dims_int32>(), nullptr});

}  // namespace tinyinfer
