// Host SIMD MUL int8: the product of the zero-point-free inputs requantized
// once and clamped, lane for lane as reference::mul_int8.
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/mul/host/mul_int8.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/common/host/binary_rows-inl.h"
#include "ops/common/host/fixed_point_lanes-inl.h"
#include "ops/mul/mul.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct MulInt8Op {
  using Params = MulInt8Params;
  template <class D, class V>
  HWY_INLINE V operator()(D d, V a, V b, const Params& p) const {
    const V product = hn::Mul(hn::Add(a, hn::Set(d, p.input1_offset)), hn::Add(b, hn::Set(d, p.input2_offset)));
    return hn::Add(multiply_by_quantized_multiplier_lanes(d, product, p.output_multiplier, p.output_shift),
                   hn::Set(d, p.output_offset));
  }
};

void mul_int8_rows(const BinaryRowsCall<int8_t, MulInt8Params>& call) { binary_rows<Int8Lanes<MulInt8Op>>(call); }

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(mul_int8_rows);

void mul_int8(const MulInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output) {
  if (!run_binary_rows(HWY_DYNAMIC_DISPATCH(mul_int8_rows), params, shape, input1, input2, output))
    reference::mul_int8(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::host

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mul_int8_host,
                      {&kMulOp, "mul_int8_host", KernelChoice::kOptimized, signature({kI8, kI8}, kI8),
                       kernel_entry<kernels::MulInt8Fn, kernels::host::mul_int8>(), nullptr, KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
