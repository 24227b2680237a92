// UNPACK float32: the shared split walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/unpack/unpack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unpack_float32(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<float>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unpack_float32, {&kUnpackOp, "unpack_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                       kernel_entry<kernels::UnpackFn, kernels::reference::unpack_float32>(), nullptr});

}  // namespace tinyinfer
