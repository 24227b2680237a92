// Host SIMD SUB float32: a - b, clamped to the fused activation.
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/sub/host/sub_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/binary_rows-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct SubOp {
  static constexpr bool kClamps = true;
  template <class V>
  HWY_INLINE V operator()(V a, V b) const {
    return hn::Sub(a, b);
  }
};

void sub_float_rows(const BinaryRowsCall<float, FloatClamp>& call) { binary_rows<FloatLanes<SubOp>>(call); }

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "ops/sub/sub.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(sub_float_rows);

void sub_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output) {
  if (!run_binary_rows(HWY_DYNAMIC_DISPATCH(sub_float_rows), params.clamp, shape, input1, input2, output))
    reference::sub_float(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::host

namespace tinyinfer {

TINYINFER_KERNEL_LIST(sub_float32_host,
                      {&kSubOp, "sub_float32_host", KernelChoice::kOptimized, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::host::sub_float>(), nullptr,
                       KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
