// SLICE bool: the shared strided walk of move_kernels.h for bool elements (copied as bytes:
// a bool byte need not hold 0 or 1).
#include <cstddef>
#include <cstdint>

#include "ops/slice/slice.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void slice_bool(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<uint8_t>(p, static_cast<const uint8_t*>(input), static_cast<uint8_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(slice_bool, {&kSliceOp, "slice_bool", KernelChoice::kReference, signature({kBool}, kBool),
                                   kernel_entry<kernels::SliceFn, kernels::reference::slice_bool>(), nullptr});

}  // namespace tinyinfer
