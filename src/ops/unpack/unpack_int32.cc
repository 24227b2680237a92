// UNPACK int32: the shared split walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/unpack/unpack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unpack_int32(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int32_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unpack_int32, {&kUnpackOp, "unpack_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                     kernel_entry<kernels::UnpackFn, kernels::reference::unpack_int32>(), nullptr});

}  // namespace tinyinfer
