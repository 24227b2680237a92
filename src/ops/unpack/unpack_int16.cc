// UNPACK int16: the shared split walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/unpack/unpack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unpack_int16(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int16_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unpack_int16, {&kUnpackOp, "unpack_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                     kernel_entry<kernels::UnpackFn, kernels::reference::unpack_int16>(), nullptr});

}  // namespace tinyinfer
