// ARG_MAX int16: index of the first largest element, as int32 or int64.
#include <cstdint>

#include "ops/arg_max/arg_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void arg_max_int16(const ArgMinMaxParams& p, const void* input, void* output) {
  reduce::arg_select(p, static_cast<const int16_t*>(input), output, [](int16_t x, int16_t best) { return x > best; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(arg_max_int16,
                      {&kArgMaxOp, "arg_max_int16", KernelChoice::kReference, signature({kI16}, kI32),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_int16>(), nullptr},
                      {&kArgMaxOp, "arg_max_int16", KernelChoice::kReference, signature({kI16}, kI64),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_int16>(), nullptr});

}  // namespace tinyinfer
