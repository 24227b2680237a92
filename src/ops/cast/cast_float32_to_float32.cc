// Reference CAST float32 -> float32 (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(cast_float32_to_float32,
                      {&kCastOp, "cast_float32_to_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::CastFn, kernels::reference::cast_elements<float, float>>(), nullptr});

}  // namespace tinyinfer
