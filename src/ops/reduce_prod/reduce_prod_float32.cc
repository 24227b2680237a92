// REDUCE_PROD float32: the product in TFLite's order.
#include <cstdint>

#include "ops/reduce_prod/reduce_prod.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_prod_float32(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const float*>(input), static_cast<float*>(output), 1.0f,
               [](float a, float x) { return a * x; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_prod_float32,
                      {&kReduceProdOp, "reduce_prod_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ReduceProdFn, kernels::reference::reduce_prod_float32>(), nullptr});

}  // namespace tinyinfer
