// UNPACK int8: the shared split walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/unpack/unpack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unpack_int8(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int8_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unpack_int8, {&kUnpackOp, "unpack_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                    kernel_entry<kernels::UnpackFn, kernels::reference::unpack_int8>(), nullptr});

}  // namespace tinyinfer
