// REVERSE_V2 int16: the shared strided walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/reverse_v2/reverse_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reverse_v2_int16(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int16_t>(p, static_cast<const int16_t*>(input), static_cast<int16_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reverse_v2_int16,
                      {&kReverseV2Op, "reverse_v2_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::ReverseV2Fn, kernels::reference::reverse_v2_int16>(), nullptr});

}  // namespace tinyinfer
