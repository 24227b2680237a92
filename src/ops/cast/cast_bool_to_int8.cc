// Reference CAST bool -> int8 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_bool_to_int8,
                      {&kCastOp, "cast_bool_to_int8", KernelChoice::kReference, signature({kBool}, kI8),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<kernels::CastBool, int8_t>>(),
                       nullptr});

}  // namespace tinyinfer
