// TRANSPOSE int8: the shared strided walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/transpose/transpose.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void transpose_int8(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int8_t>(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(transpose_int8,
                      {&kTransposeOp, "transpose_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::TransposeFn, kernels::reference::transpose_int8>(), nullptr});

}  // namespace tinyinfer
