// REDUCE_PROD int32: the product, wrapping on overflow.
#include <cstdint>

#include "ops/reduce_prod/reduce_prod.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_prod_int32(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(
      p, static_cast<const int32_t*>(input), static_cast<int32_t*>(output), int32_t{1},
      [](int32_t a, int32_t x) { return static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(x)); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_prod_int32,
                      {&kReduceProdOp, "reduce_prod_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ReduceProdFn, kernels::reference::reduce_prod_int32>(), nullptr});

}  // namespace tinyinfer
