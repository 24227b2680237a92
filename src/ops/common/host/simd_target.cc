// Which Highway target the host SIMD kernels run on this CPU (for the
// benchmark's report and `tinyinfer ops`).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "ops/common/host/simd_target.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
// clang-format: foreach_target.h must come first.
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace tinyinfer::kernels::host::HWY_NAMESPACE {

const char* this_target_name() { return hwy::TargetName(HWY_TARGET); }

}  // namespace tinyinfer::kernels::host::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "ops/common/host/host_kernels.h"

namespace tinyinfer::kernels::host {

HWY_EXPORT(this_target_name);

const char* simd_target_name() { return HWY_DYNAMIC_DISPATCH(this_target_name)(); }

}  // namespace tinyinfer::kernels::host
#endif  // HWY_ONCE
