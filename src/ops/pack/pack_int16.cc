// PACK int16: the shared concat walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/pack/pack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void pack_int16(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<int16_t>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(pack_int16, {&kPackOp, "pack_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                   kernel_entry<kernels::PackFn, kernels::reference::pack_int16>(), nullptr});

}  // namespace tinyinfer
