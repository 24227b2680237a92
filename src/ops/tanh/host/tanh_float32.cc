// Host SIMD TANH float32: Highway's tanh (within 4 ULP), not byte for byte
// with std::tanh; checked against the reference within a few ULP and against
// the conformance tolerance. Highway's tanh turns a NaN into a number, so NaNs
// pass through here. One copy per target, picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/tanh/host/tanh_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/contrib/math/math-inl.h"
#include "hwy/highway.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct TanhLanes {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const {
    return hn::IfThenElse(hn::IsNaN(x), x, hn::Tanh(d, x));
  }
};

void tanh_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<TanhLanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "ops/tanh/tanh.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(tanh_float_map, tanh_float)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(tanh_float32_host,
                      {&kTanhOp, "tanh_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                       kernel_entry<kernels::TanhFloatFn, kernels::host::tanh_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
