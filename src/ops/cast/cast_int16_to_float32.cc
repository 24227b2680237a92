// Reference CAST int16 -> float32 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_int16_to_float32,
                      {&kCastOp, "cast_int16_to_float32", KernelChoice::kReference, signature({kI16}, kF32),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<int16_t, float>>(), nullptr});

}  // namespace tinyinfer
