// MIRROR_PAD int32: the shared mirror walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/mirror_pad/mirror_pad.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mirror_pad_int32(const MirrorPadGeometry& g, const void* input, void* output) {
  move::mirror_pad<int32_t>(g, static_cast<const int32_t*>(input), static_cast<int32_t*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mirror_pad_int32,
                      {&kMirrorPadOp, "mirror_pad_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::MirrorPadFn, kernels::reference::mirror_pad_int32>(), nullptr});

}  // namespace tinyinfer
