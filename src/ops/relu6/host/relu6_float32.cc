// Host SIMD RELU6 float32: x > 6 ? 6 : (x < 0 ? 0 : x), the reference's comparisons.
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/relu6/host/relu6_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct Relu6Lanes {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V v) const {
    const V zero = hn::Zero(d), six = hn::Set(d, 6.0f);
    return hn::IfThenElse(hn::Gt(v, six), six, hn::IfThenElse(hn::Lt(v, zero), zero, v));
  }
};

void relu6_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<Relu6Lanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "ops/relu6/relu6.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(relu6_float_map, relu6_float)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(relu6_float32_host,
                      {&kRelu6Op, "relu6_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                       kernel_entry<kernels::Relu6FloatFn, kernels::host::relu6_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
