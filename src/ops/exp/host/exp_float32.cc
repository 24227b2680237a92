// Host SIMD EXP float32: Highway's exp (within 1 ULP), not byte for byte with
// std::exp; checked against the reference within a few ULP and against the
// conformance tolerance. Highway, one copy per target, picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/exp/host/exp_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/exp_lanes-inl.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct ExpLanes {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const {
    return exp_lanes(d, x);
  }
};

void exp_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<ExpLanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "ops/exp/exp.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(exp_float_map, exp_float32)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(exp_float32_host, {&kExpOp, "exp_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                                         kernel_entry<kernels::UnaryFloatFn, kernels::host::exp_float32>(), nullptr,
                                         KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
