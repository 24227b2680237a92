// CUMSUM int32: running sums along the axis, wrapping on overflow.
#include <cstdint>

#include "ops/cumsum/cumsum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void cumsum_int32(const CumsumParams& p, const void* input, void* output) {
  reduce::cumsum_lines(
      p, static_cast<const int32_t*>(input), static_cast<int32_t*>(output), int32_t{0}, reduce::add_wrapping,
      [](int32_t x) { return x; }, [](int32_t a) { return a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cumsum_int32, {&kCumsumOp, "cumsum_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                     kernel_entry<kernels::CumsumFn, kernels::reference::cumsum_int32>(), nullptr});

}  // namespace tinyinfer
