// Host SIMD ABS float32: |x|: the sign bit cleared, NaN included, as std::abs.
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/abs/host/abs_float32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/unary_map-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct AbsLanes {
  template <class D, class V>
  HWY_INLINE V operator()(D /*d*/, V v) const {
    return hn::Abs(v);
  }
};

void abs_float_map(int64_t count, const float* input, float* output) {
  unary_float_map<AbsLanes>(count, input, output);
}

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/abs/abs.h"
#include "ops/common/host/host_kernels.h"
#include "ops/common/host/unary_dispatch.h"
#include "runtime/op_kernel.h"

TINYINFER_HOST_UNARY_FLOAT_DISPATCH(abs_float_map, abs_float32)

namespace tinyinfer {

TINYINFER_KERNEL_LIST(abs_float32_host, {&kAbsOp, "abs_float32_host", KernelChoice::kOptimized, signature({kF32}, kF32),
                                         kernel_entry<kernels::UnaryFloatFn, kernels::host::abs_float32>(), nullptr,
                                         KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
