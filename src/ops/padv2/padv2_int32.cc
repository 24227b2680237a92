// PADV2 int32: the shared pad walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/padv2/padv2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void padv2_int32(const PadGeometry& p, const void* input, void* output, const void* value) {
  move::pad<int32_t>(p, static_cast<const int32_t*>(input), static_cast<int32_t*>(output),
                     *static_cast<const int32_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(padv2_int32, {&kPadv2Op, "padv2_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                    kernel_entry<kernels::Padv2Fn, kernels::reference::padv2_int32>(), nullptr});

}  // namespace tinyinfer
