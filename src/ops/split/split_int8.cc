// SPLIT int8: the shared split walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/split/split.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void split_int8(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int8_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(split_int8, {&kSplitOp, "split_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                   kernel_entry<kernels::SplitFn, kernels::reference::split_int8>(), nullptr});

}  // namespace tinyinfer
