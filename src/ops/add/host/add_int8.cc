// Host SIMD ADD int8: both inputs rescaled to a common scale (left shift 20),
// summed, requantized and clamped, lane for lane as reference::add_int8.
// Highway, one copy per target; the best one the CPU runs is picked at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/add/host/add_int8.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// foreach_target.h must come first.
#include "hwy/highway.h"
#include "ops/add/add.h"
#include "ops/common/host/binary_rows-inl.h"
#include "ops/common/host/fixed_point_lanes-inl.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

struct AddInt8Op {
  using Params = AddInt8Params;
  template <class D, class V>
  HWY_INLINE V operator()(D d, V a, V b, const Params& p) const {
    return add_sub_requantized_lanes<false>(d, a, b, p);
  }
};

void add_int8_rows(const BinaryRowsCall<int8_t, AddInt8Params>& call) { binary_rows<Int8Lanes<AddInt8Op>>(call); }

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(add_int8_rows);

void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output, void* /*scratch*/) {
  if (!run_binary_rows(HWY_DYNAMIC_DISPATCH(add_int8_rows), params, shape, input1, input2, output))
    reference::add_int8(params, shape, input1, input2, output);
}

}  // namespace tinyinfer::kernels::host

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_int8_host,
                      {&kAddOp, "add_int8_host", KernelChoice::kOptimized, signature({kI8, kI8}, kI8),
                       kernel_entry<kernels::AddInt8Fn, kernels::host::add_int8>(), nullptr, KernelTarget::kHostSimd});

}  // namespace tinyinfer
#endif  // HWY_ONCE
