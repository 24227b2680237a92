// CONCATENATION float32: the shared concat walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/concatenation/concatenation.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void concatenation_float32(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<float>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(concatenation_float32,
                      {&kConcatenationOp, "concatenation_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ConcatenationFn, kernels::reference::concatenation_float32>(), nullptr});

}  // namespace tinyinfer
