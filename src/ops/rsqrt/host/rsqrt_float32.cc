// Host SIMD RSQRT float32: 1 / sqrt(x), both correctly rounded as the reference (not the approximate reciprocal square
// root instruction). Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/rsqrt/host/rsqrt_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct RsqrtLanes {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V v) const {
    return hn::Div(hn::Set(d, 1.0f), hn::Sqrt(v));
  }
};

void rsqrt_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<RsqrtLanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "ops/rsqrt/rsqrt.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(rsqrt_float_map, rsqrt_float32)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(rsqrt_float32_host,
                      {&kRsqrtOp, "rsqrt_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                       kernel_entry<kernels::UnaryFloatFn, kernels::host::rsqrt_float32>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
