// PAD int8: the shared pad walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/pad/pad.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void pad_int8(const PadGeometry& p, const void* input, void* output, const void* value) {
  move::pad<int8_t>(p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output),
                    *static_cast<const int8_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(pad_int8, {&kPadOp, "pad_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                 kernel_entry<kernels::PadFn, kernels::reference::pad_int8>(), nullptr});

}  // namespace tinyinfer
