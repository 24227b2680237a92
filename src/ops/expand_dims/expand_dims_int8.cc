// EXPAND_DIMS int8: the shared copy walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/expand_dims/expand_dims.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void expand_dims_int8(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(int8_t));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(expand_dims_int8,
                      {&kExpandDimsOp, "expand_dims_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::ExpandDimsFn, kernels::reference::expand_dims_int8>(), nullptr});

}  // namespace tinyinfer
