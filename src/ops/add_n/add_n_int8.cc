// ADD_N int8: TFLite's rescaled int32 sum of the inputs (reduce_rescale.h).
#include <cstdint>

#include "ops/add_n/add_n.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void add_n_int8(const AddNParams& p, const void* const* inputs, void* output) {
  const SumRescale& r = p.rescale;
  reduce::add_n(
      p, inputs, static_cast<int8_t*>(output), reduce::rescale_in(r, 0), reduce::add_wrapping,
      [&r](int8_t x) { return reduce::rescale_in(r, x); }, [&r](int32_t a) { return reduce::rescale_out(r, a); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_n_int8, {&kAddNOp, "add_n_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                   kernel_entry<kernels::AddNFn, kernels::reference::add_n_int8>(), nullptr});

}  // namespace tinyinfer
