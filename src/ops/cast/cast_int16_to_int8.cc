// Reference CAST int16 -> int8 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_int16_to_int8,
                      {&kCastOp, "cast_int16_to_int8", KernelChoice::kReference, signature({kI16}, kI8),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<int16_t, int8_t>>(), nullptr});

}  // namespace tinyinfer
