// Host SIMD MINIMUM float32: a < b ? a : b (the
// reference's choice for NaN and signed zeros, which Highway's Min does not promise).
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/minimum/host/minimum_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/binary_rows-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct MinimumOp {
  static constexpr bool kClamps = false;
  template <class V>
  HWY_INLINE V operator()(V a, V b) const {
    return hn::IfThenElse(hn::Lt(a, b), a, b);
  }
};

void minimum_float_rows(const BinaryRowsCall<float, FloatClamp>& call) { binary_rows<FloatLanes<MinimumOp>>(call); }

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/minimum/minimum.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(minimum_float_rows);

void minimum_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                   float* output) {
  if (!run_binary_rows(HWY_DYNAMIC_DISPATCH(minimum_float_rows), FloatClamp{}, shape, input1, input2, output))
    reference::minimum_float(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::host

namespace tinyinfer {

TINYINFER_KERNEL_LIST(minimum_float32_host,
                      {&kMinimumOp, "minimum_float32_host", KernelChoice::kOptimized, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::host::minimum_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
