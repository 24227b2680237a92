// Reference CAST int32 -> int16 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_int32_to_int16,
                      {&kCastOp, "cast_int32_to_int16", KernelChoice::kReference, signature({kI32}, kI16),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<int32_t, int16_t>>(), nullptr});

}  // namespace tinyinfer
