// Reference CAST bool -> bool (cast.h: TFLite's static_cast per element).
#include <cstdint>

#include "ops/cast/cast.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    cast_bool_to_bool,
    {&kCastOp, "cast_bool_to_bool", KernelChoice::kReference, signature({kBool}, kBool),
     kernel_entry<kernels::CastFn, kernels::reference::cast_elements<kernels::CastBool, kernels::CastBool>>(),
     nullptr});

}  // namespace tinyinfer
