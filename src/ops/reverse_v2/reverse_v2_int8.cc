// REVERSE_V2 int8: the shared strided walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/reverse_v2/reverse_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reverse_v2_int8(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int8_t>(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reverse_v2_int8,
                      {&kReverseV2Op, "reverse_v2_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::ReverseV2Fn, kernels::reference::reverse_v2_int8>(), nullptr});

}  // namespace tinyinfer
