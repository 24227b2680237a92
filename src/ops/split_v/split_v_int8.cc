// SPLIT_V int8: the shared split walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/split_v/split_v.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void split_v_int8(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int8_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(split_v_int8, {&kSplitVOp, "split_v_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                     kernel_entry<kernels::SplitVFn, kernels::reference::split_v_int8>(), nullptr});

}  // namespace tinyinfer
