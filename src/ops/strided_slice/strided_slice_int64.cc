// STRIDED_SLICE int64: the shared strided walk of move_kernels.h for int64_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/strided_slice/strided_slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void strided_slice_int64(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int64_t>(p, static_cast<const int64_t*>(input), static_cast<int64_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(strided_slice_int64,
                      {&kStridedSliceOp, "strided_slice_int64", KernelChoice::kReference, signature({kI64}, kI64),
                       kernel_entry<kernels::StridedSliceFn, kernels::reference::strided_slice_int64>(), nullptr});

}  // namespace tinyinfer
