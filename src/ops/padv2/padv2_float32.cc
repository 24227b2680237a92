// PADV2 float32: the shared pad walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/padv2/padv2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void padv2_float32(const PadGeometry& p, const void* input, void* output, const void* value) {
  move::pad<float>(p, static_cast<const float*>(input), static_cast<float*>(output), *static_cast<const float*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(padv2_float32, {&kPadv2Op, "padv2_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                      kernel_entry<kernels::Padv2Fn, kernels::reference::padv2_float32>(), nullptr});

}  // namespace tinyinfer
