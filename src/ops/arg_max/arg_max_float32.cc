// ARG_MAX float32: index of the first largest element, as int32 or int64.
#include <cstdint>

#include "ops/arg_max/arg_max.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void arg_max_float32(const ArgMinMaxParams& p, const void* input, void* output) {
  reduce::arg_select(p, static_cast<const float*>(input), output, [](float x, float best) { return x > best; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(arg_max_float32,
                      {&kArgMaxOp, "arg_max_float32", KernelChoice::kReference, signature({kF32}, kI32),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_float32>(), nullptr},
                      {&kArgMaxOp, "arg_max_float32", KernelChoice::kReference, signature({kF32}, kI64),
                       kernel_entry<kernels::ArgMaxFn, kernels::reference::arg_max_float32>(), nullptr});

}  // namespace tinyinfer
