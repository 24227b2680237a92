// Host SIMD SQUARED_DIFFERENCE float32: (a - b)^2, the
// difference rounded, then squared (no fused multiply-add: built with -ffp-contract=off).
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/squared_difference/host/squared_difference_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/binary_rows-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct SquaredDifferenceOp {
  static constexpr bool kClamps = false;
  template <class V>
  HWY_INLINE V operator()(V a, V b) const {
    const V difference = hn::Sub(a, b);
    return hn::Mul(difference, difference);
  }
};

void squared_difference_float_rows(const BinaryRowsCall<float, FloatClamp>& call) {
  binary_rows<FloatLanes<SquaredDifferenceOp>>(call);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/squared_difference/squared_difference.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(squared_difference_float_rows);

void squared_difference_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1,
                              const float* input2, float* output) {
  if (!run_binary_rows(HWY_DYNAMIC_DISPATCH(squared_difference_float_rows), FloatClamp{}, shape, input1, input2,
                       output))
    reference::squared_difference_float(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::host

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squared_difference_float32_host,
                      {&kSquaredDifferenceOp, "squared_difference_float32_host", KernelChoice::kOptimized,
                       signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::host::squared_difference_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
