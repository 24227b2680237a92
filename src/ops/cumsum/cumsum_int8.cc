// CUMSUM int8: TFLite's rescaled int32 running sums (reduce_rescale.h).
#include <cstdint>

#include "ops/cumsum/cumsum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void cumsum_int8(const CumsumParams& p, const void* input, void* output) {
  const SumRescale& r = p.rescale;
  reduce::cumsum_lines(
      p, static_cast<const int8_t*>(input), static_cast<int8_t*>(output), reduce::rescale_in(r, 0),
      reduce::add_wrapping, [&r](int8_t x) { return reduce::rescale_in(r, x); },
      [&r](int32_t a) { return reduce::rescale_out(r, a); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cumsum_int8, {&kCumsumOp, "cumsum_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                    kernel_entry<kernels::CumsumFn, kernels::reference::cumsum_int8>(), nullptr});

}  // namespace tinyinfer
