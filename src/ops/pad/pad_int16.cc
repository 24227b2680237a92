// PAD int16: the shared pad walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/pad/pad.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void pad_int16(const PadGeometry& p, const void* input, void* output, const void* value) {
  move::pad<int16_t>(p, static_cast<const int16_t*>(input), static_cast<int16_t*>(output),
                     *static_cast<const int16_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(pad_int16, {&kPadOp, "pad_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                  kernel_entry<kernels::PadFn, kernels::reference::pad_int16>(), nullptr});

}  // namespace tinyinfer
