// MIRROR_PAD int8: the shared mirror walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/mirror_pad/mirror_pad.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mirror_pad_int8(const MirrorPadGeometry& g, const void* input, void* output) {
  move::mirror_pad<int8_t>(g, static_cast<const int8_t*>(input), static_cast<int8_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mirror_pad_int8,
                      {&kMirrorPadOp, "mirror_pad_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::MirrorPadFn, kernels::reference::mirror_pad_int8>(), nullptr});

}  // namespace tinyinfer
