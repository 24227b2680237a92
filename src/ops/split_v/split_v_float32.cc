// SPLIT_V float32: the shared split walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/split_v/split_v.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void split_v_float32(const ConcatRuns& p, const void* input, void* const* outputs) {
  move::split<float>(p, input, outputs);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(split_v_float32,
                      {&kSplitVOp, "split_v_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::SplitVFn, kernels::reference::split_v_float32>(), nullptr});

}  // namespace tinyinfer
