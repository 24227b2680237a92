// Reference SELECT_V2 float32: condition ? x : y with the three-way broadcast.
#include "ops/select_v2/select_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void select_v2_float(const SelectShape& shape, const bool* condition, const float* x, const float* y, float* output) {
  select_v2(shape, condition, x, y, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(select_v2_float32,
                      {&kSelectV2Op, "select_v2_float32", KernelChoice::kReference,
                       signature({kBool, kF32, kF32}, kF32),
                       kernel_entry<kernels::SelectV2Fn<float>, kernels::reference::select_v2_float>(), nullptr});

}  // namespace tinyinfer
