// MIRROR_PAD int16: the shared mirror walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/mirror_pad/mirror_pad.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mirror_pad_int16(const MirrorPadGeometry& g, const void* input, void* output) {
  move::mirror_pad<int16_t>(g, static_cast<const int16_t*>(input), static_cast<int16_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mirror_pad_int16,
                      {&kMirrorPadOp, "mirror_pad_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::MirrorPadFn, kernels::reference::mirror_pad_int16>(), nullptr});

}  // namespace tinyinfer
