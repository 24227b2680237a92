// STRIDED_SLICE float32: the shared strided walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/strided_slice/strided_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void strided_slice_float32(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<float>(p, static_cast<const float*>(input), static_cast<float*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(strided_slice_float32,
                      {&kStridedSliceOp, "strided_slice_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::StridedSliceFn, kernels::reference::strided_slice_float32>(), nullptr});

}  // namespace tinyinfer
