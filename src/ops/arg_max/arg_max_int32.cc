// ARG_MAX int32: index of the first largest element, as int32 or int64.
#include <cstdint>

#include "ops/arg_max/arg_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void arg_max_int32(const ArgMinMaxParams& p, const void* input, void* output) {
  reduce::arg_select(p, static_cast<const int32_t*>(input), output, [](int32_t x, int32_t best) { return x > best; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(arg_max_int32,
                      {&kArgMaxOp, "arg_max_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_int32>(), nullptr},
                      {&kArgMaxOp, "arg_max_int32", KernelChoice::kReference, signature({kI32}, kI64),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_int32>(), nullptr});

}  // namespace tinyinfer
