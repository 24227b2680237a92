// Host SIMD SQUARE float32: x * x, one rounding as the reference.
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/square/host/square_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct SquareLanes {
  template <class D, class V>
  HWY_INLINE V operator()(D /*d*/, V v) const {
    return hn::Mul(v, v);
  }
};

void square_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<SquareLanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "ops/square/square.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(square_float_map, square_float32)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(square_float32_host,
                      {&kSquareOp, "square_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                       kernel_entry<kernels::UnaryFloatFn, kernels::host::square_float32>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
