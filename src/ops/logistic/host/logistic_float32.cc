// Host SIMD LOGISTIC float32: the reference's cut-offs (1 above ~16.6, e^x
// below -9, else 1 / (1 + e^-x)) with Highway's exp (within 1 ULP): not byte
// for byte with std::exp; checked against the reference within a few ULP and
// against the conformance tolerance. One copy per target, picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/logistic/host/logistic_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/exp_lanes-inl.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct LogisticLanes {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const {
    const V one = hn::Set(d, 1.0f);
    const auto above = hn::Gt(x, hn::Set(d, 16.619047164916992188f));
    const auto below = hn::Lt(x, hn::Set(d, -9.0f));
    // One exp per lane: e^x below the lower cut-off, e^-x elsewhere.
    const V e = exp_lanes(d, hn::IfThenElse(below, x, hn::Neg(x)));
    const V middle = hn::Div(one, hn::Add(one, e));
    return hn::IfThenElse(above, one, hn::IfThenElse(below, e, middle));
  }
};

void logistic_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<LogisticLanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "ops/logistic/logistic.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(logistic_float_map, logistic_float)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(logistic_float32_host,
                      {&kLogisticOp, "logistic_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                       kernel_entry<kernels::LogisticFloatFn, kernels::host::logistic_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
