// PACK int8: the shared concat walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/pack/pack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void pack_int8(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<int8_t>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(pack_int8, {&kPackOp, "pack_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                  kernel_entry<kernels::PackFn, kernels::reference::pack_int8>(), nullptr});

}  // namespace tinyinfer
