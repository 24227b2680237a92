// REVERSE_V2 float32: the shared strided walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/reverse_v2/reverse_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reverse_v2_float32(const StridedCopy& p, const void* input, void* output) {
  move::strided_copy<float>(p, static_cast<const float*>(input), static_cast<float*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reverse_v2_float32,
                      {&kReverseV2Op, "reverse_v2_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ReverseV2Fn, kernels::reference::reverse_v2_float32>(), nullptr});

}  // namespace tinyinfer
