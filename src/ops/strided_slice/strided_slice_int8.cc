// STRIDED_SLICE int8: the shared strided walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/strided_slice/strided_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void strided_slice_int8(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int8_t>(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(strided_slice_int8,
                      {&kStridedSliceOp, "strided_slice_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::StridedSliceFn, kernels::reference::strided_slice_int8>(), nullptr});

}  // namespace tinyinfer
