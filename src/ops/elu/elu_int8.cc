// Reference ELU int8: one table lookup per element.
#include "ops/elu/elu.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void elu_int8(const int8_t* table, int64_t count, const int8_t* input, int8_t* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = table[static_cast<uint8_t>(input[i])];
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(elu_int8, {&kEluOp, "elu_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                 kernel_entry<kernels::EluInt8Fn, kernels::reference::elu_int8>(), nullptr});

}  // namespace tinyinfer
