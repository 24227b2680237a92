// ARG_MIN float32: index of the first smallest element, as int32 or int64.
#include <cstdint>

#include "ops/arg_min/arg_min.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void arg_min_float32(const ArgMinMaxParams& p, const void* input, void* output) {
  reduce::arg_select(p, static_cast<const float*>(input), output, [](float x, float best) { return x < best; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(arg_min_float32,
                      {&kArgMinOp, "arg_min_float32", KernelChoice::kReference, signature({kF32}, kI32),
                       kernel_entry<kernels::ArgMinFn, kernels::reference::arg_min_float32>(), nullptr},
                      {&kArgMinOp, "arg_min_float32", KernelChoice::kReference, signature({kF32}, kI64),
                       kernel_entry<kernels::ArgMinFn, kernels::reference::arg_min_float32>(), nullptr});

}  // namespace tinyinfer
