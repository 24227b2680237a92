// Reference GREATER float32 with broadcasting: the raw values compared.
#include "ops/greater/greater.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void greater_float(const BinaryParams& /*params*/, const BroadcastShape& shape, const float* input1,
                   const float* input2, bool* output) {
  compare_raw(shape, input1, input2, output, [](float a, float b) { return a > b; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(greater_float32,
                      {&kGreaterOp, "greater_float32", KernelChoice::kReference, signature({kF32, kF32}, kBool),
                       kernel_entry<kernels::CompareFn<float>, kernels::reference::greater_float>(), nullptr});

}  // namespace tinyinfer
