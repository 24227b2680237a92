// SLICE int16: the shared strided walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/slice/slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void slice_int16(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int16_t>(p, static_cast<const int16_t*>(input), static_cast<int16_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(slice_int16, {&kSliceOp, "slice_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                    kernel_entry<kernels::SliceFn, kernels::reference::slice_int16>(), nullptr});

}  // namespace tinyinfer
