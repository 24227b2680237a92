// CONCATENATION int32: the shared concat walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/concatenation/concatenation.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void concatenation_int32(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<int32_t>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(concatenation_int32,
                      {&kConcatenationOp, "concatenation_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ConcatenationFn, kernels::reference::concatenation_int32>(), nullptr});

}  // namespace tinyinfer
