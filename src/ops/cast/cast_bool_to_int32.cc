// Reference CAST bool -> int32 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_bool_to_int32,
                      {&kCastOp, "cast_bool_to_int32", KernelChoice::kReference, signature({kBool}, kI32),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<kernels::CastBool, int32_t>>(),
                       nullptr});

}  // namespace tinyinfer
