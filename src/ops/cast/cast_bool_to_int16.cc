// Reference CAST bool -> int16 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_bool_to_int16,
                      {&kCastOp, "cast_bool_to_int16", KernelChoice::kReference, signature({kBool}, kI16),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<kernels::CastBool, int16_t>>(),
                       nullptr});

}  // namespace tinyinfer
