// PACK int64: the shared concat walk of move_kernels.h for int64_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/pack/pack.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void pack_int64(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<int64_t>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(pack_int64, {&kPackOp, "pack_int64", KernelChoice::kReference, signature({kI64}, kI64),
                                   kernel_entry<kernels::PackFn, kernels::reference::pack_int64>(), nullptr});

}  // namespace tinyinfer
