// PADV2 int8: the shared pad walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/padv2/padv2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void padv2_int8(const PadGeometry& p, const void* input, void* output, const void* value) {
  move::pad<int8_t>(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output),
                    *static_cast<const int8_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(padv2_int8, {&kPadv2Op, "padv2_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                   kernel_entry<kernels::Padv2Fn, kernels::reference::padv2_int8>(), nullptr});

}  // namespace tinyinfer
