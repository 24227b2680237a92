// PACK float32: the shared concat walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/pack/pack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void pack_float32(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<float>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(pack_float32, {&kPackOp, "pack_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::PackFn, kernels::reference::pack_float32>(), nullptr});

}  // namespace tinyinfer
