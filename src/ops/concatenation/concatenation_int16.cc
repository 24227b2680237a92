// CONCATENATION int16: the shared concat walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/concatenation/concatenation.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void concatenation_int16(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<int16_t>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(concatenation_int16,
                      {&kConcatenationOp, "concatenation_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::ConcatenationFn, kernels::reference::concatenation_int16>(), nullptr});

}  // namespace tinyinfer
