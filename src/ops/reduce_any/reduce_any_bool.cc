// REDUCE_ANY bool: logical or (any non-zero byte is true; writes 0 or 1).
#include <cstdint>

#include "ops/reduce_any/reduce_any.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void reduce_any_bool(const ReduceParams& p, const void* input, void* output, void* /*scratch*/) {
  reduce::fold(p, static_cast<const uint8_t*>(input), static_cast<uint8_t*>(output), uint8_t{0},
               [](uint8_t a, uint8_t x) { return static_cast<uint8_t>(a != 0 || x != 0); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(reduce_any_bool,
                      {&kReduceAnyOp, "reduce_any_bool", KernelChoice::kReference, signature({kBool}, kBool),
                       kernel_entry<kernels::ReduceAnyFn, kernels::reference::reduce_any_bool>(), nullptr});

}  // namespace tinyinfer
