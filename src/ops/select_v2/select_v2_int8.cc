// Reference SELECT_V2 int8: condition ? x : y with the three-way broadcast.
#include "ops/select_v2/select_v2.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void select_v2_int8(const SelectShape& shape, const bool* condition, const int8_t* x, const int8_t* y, int8_t* output) {
  select_v2(shape, condition, x, y, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(select_v2_int8,
                      {&kSelectV2Op, "select_v2_int8", KernelChoice::kReference, signature({kBool, kI8, kI8}, kI8),
                       kernel_entry<kernels::SelectV2Fn<int8_t>, kernels::reference::select_v2_int8>(), nullptr});

}  // namespace tinyinfer
