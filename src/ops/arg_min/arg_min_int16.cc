// ARG_MIN int16: index of the first smallest element, as int32 or int64.
#include <cstdint>

#include "ops/arg_min/arg_min.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void arg_min_int16(const ArgMinMaxParams& p, const void* input, void* output) {
  reduce::arg_select(p, static_cast<const int16_t*>(input), output, [](int16_t x, int16_t best) { return x < best; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(arg_min_int16,
                      {&kArgMinOp, "arg_min_int16", KernelChoice::kReference, signature({kI16}, kI32),
                       kernel_entry<kernels::ArgMinFn, kernels::reference::arg_min_int16>(), nullptr},
                      {&kArgMinOp, "arg_min_int16", KernelChoice::kReference, signature({kI16}, kI64),
                       kernel_entry<kernels::ArgMinFn, kernels::reference::arg_min_int16>(), nullptr});

}  // namespace tinyinfer
