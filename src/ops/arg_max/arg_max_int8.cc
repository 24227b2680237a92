// ARG_MAX int8: index of the first largest element, as int32 or int64.
#include <cstdint>

#include "ops/arg_max/arg_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void arg_max_int8(const ArgMinMaxParams& p, const void* input, void* output) {
  reduce::arg_select(p, static_cast<const int8_t*>(input), output, [](int8_t x, int8_t best) { return x > best; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(arg_max_int8,
                      {&kArgMaxOp, "arg_max_int8", KernelChoice::kReference, signature({kI8}, kI32),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_int8>(), nullptr},
                      {&kArgMaxOp, "arg_max_int8", KernelChoice::kReference, signature({kI8}, kI64),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_int8>(), nullptr});

}  // namespace tinyinfer
