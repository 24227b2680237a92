// Reference SELECT_V2 int16: condition ? x : y with the three-way broadcast.
#include "ops/select_v2/select_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void select_v2_int16(const SelectShape& shape, const bool* condition, const int16_t* x, const int16_t* y,
                     int16_t* output) {
  select_v2(shape, condition, x, y, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(select_v2_int16,
                      {&kSelectV2Op, "select_v2_int16", KernelChoice::kReference, signature({kBool, kI16, kI16}, kI16),
                       kernel_entry<kernels::SelectV2Fn<int16_t>, kernels::reference::select_v2_int16>(), nullptr});

}  // namespace tinyinfer
