// MIRROR_PAD float32: the shared mirror walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/mirror_pad/mirror_pad.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mirror_pad_float32(const MirrorPadGeometry& g, const void* input, void* output) {
  move::mirror_pad<float>(g, static_cast<const float*>(input), static_cast<float*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mirror_pad_float32,
                      {&kMirrorPadOp, "mirror_pad_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::MirrorPadFn, kernels::reference::mirror_pad_float32>(), nullptr});

}  // namespace tinyinfer
