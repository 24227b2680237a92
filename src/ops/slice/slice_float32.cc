// SLICE float32: the shared strided walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/slice/slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void slice_float32(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<float>(p, static_cast<const float*>(input), static_cast<float*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(slice_float32, {&kSliceOp, "slice_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                      kernel_entry<kernels::SliceFn, kernels::reference::slice_float32>(), nullptr});

}  // namespace tinyinfer
