// SLICE int64: the shared strided walk of move_kernels.h for int64_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/slice/slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void slice_int64(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int64_t>(p, static_cast<const int64_t*>(input), static_cast<int64_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(slice_int64, {&kSliceOp, "slice_int64", KernelChoice::kReference, signature({kI64}, kI64),
                                    kernel_entry<kernels::SliceFn, kernels::reference::slice_int64>(), nullptr});

}  // namespace tinyinfer
