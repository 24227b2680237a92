// REVERSE_V2 int32: the shared strided walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/reverse_v2/reverse_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reverse_v2_int32(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<int32_t>(p, static_cast<const int32_t*>(input), static_cast<int32_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reverse_v2_int32,
                      {&kReverseV2Op, "reverse_v2_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ReverseV2Fn, kernels::reference::reverse_v2_int32>(), nullptr});

}  // namespace tinyinfer
