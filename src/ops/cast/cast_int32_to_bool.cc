// Reference CAST int32 -> bool (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_int32_to_bool,
                      {&kCastOp, "cast_int32_to_bool", KernelChoice::kReference, signature({kI32}, kBool),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<int32_t, kernels::CastBool>>(),
                       nullptr});

}  // namespace tinyinfer
