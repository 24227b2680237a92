// Reference CAST int32 -> int32 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_int32_to_int32,
                      {&kCastOp, "cast_int32_to_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<int32_t, int32_t>>(), nullptr});

}  // namespace tinyinfer
