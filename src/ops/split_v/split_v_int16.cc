// SPLIT_V int16: the shared split walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/split_v/split_v.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void split_v_int16(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int16_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(split_v_int16, {&kSplitVOp, "split_v_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                      kernel_entry<kernels::SplitVFn, kernels::reference::split_v_int16>(), nullptr});

}  // namespace tinyinfer
