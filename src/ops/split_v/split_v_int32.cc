// SPLIT_V int32: the shared split walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/split_v/split_v.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void split_v_int32(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<int32_t>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(split_v_int32, {&kSplitVOp, "split_v_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                      kernel_entry<kernels::SplitVFn, kernels::reference::split_v_int32>(), nullptr});

}  // namespace tinyinfer
