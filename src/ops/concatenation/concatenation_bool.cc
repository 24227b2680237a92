// CONCATENATION bool: the shared concat walk of move_kernels.h for bool elements (copied as bytes:
// a bool byte need not hold 0 or 1).
#include <cstddef>
#include <cstdint>

#include "ops/concatenation/concatenation.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void concatenation_bool(const ConcatRuns& p, const void* const* inputs, void* output) {
  move::concat<uint8_t>(p, inputs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(concatenation_bool,
                      {&kConcatenationOp, "concatenation_bool", KernelChoice::kReference, signature({kBool}, kBool),
                       kernel_entry<kernels::ConcatenationFn, kernels::reference::concatenation_bool>(), nullptr});

}  // namespace tinyinfer
