// Host SIMD MAXIMUM float32: a > b ? a : b (the
// reference's choice for NaN and signed zeros, which Highway's Max does not promise).
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/maximum/host/maximum_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/binary_rows-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct MaximumOp {
  static constexpr bool kClamps = false;
  template <class V>
  HWY_INLINE V operator()(V a, V b) const {
    return hn::IfThenElse(hn::Gt(a, b), a, b);
  }
};

void maximum_float_rows(const BinaryRowsCall<float, FloatClamp>& call) { binary_rows<FloatLanes<MaximumOp>>(call); }

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/maximum/maximum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(maximum_float_rows);

void maximum_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                   float* output) {
  if (!run_binary_rows(HWY_DYNAMIC_DISPATCH(maximum_float_rows), FloatClamp{}, shape, input1, input2, output))
    reference::maximum_float(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::host

namespace tinyinfer {

TINYINFER_KERNEL_LIST(maximum_float32_host,
                      {&kMaximumOp, "maximum_float32_host", KernelChoice::kOptimized, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::host::maximum_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
