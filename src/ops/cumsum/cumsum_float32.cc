// CUMSUM float32: running float sums along the axis.
#include <cstdint>

#include "ops/cumsum/cumsum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void cumsum_float32(const CumsumParams& p, const void* input, void* output) {
  reduce::cumsum_lines(
      p, static_cast<const float*>(input), static_cast<float*>(output), 0.0f, [](float a, float x) { return a + x; },
      [](float x) { return x; }, [](float a) { return a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cumsum_float32, {&kCumsumOp, "cumsum_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                       kernel_entry<kernels::CumsumFn, kernels::reference::cumsum_float32>(), nullptr});

}  // namespace tinyinfer
