// Reference FLOOR_MOD float32: TFLite's FloorMod<float>, a float fmod moved to the
// divisor's sign when the signs differ.
#include <cmath>

#include "ops/floor_mod/floor_mod.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void floor_mod_float(const BinaryParams& /*params*/, const BroadcastShape& shape, const float* input1,
                     const float* input2, float* output) {
  binary_broadcast(shape, input1, input2, output, [](float a, float b) {
    const float trunc_mod = std::fmod(a, b);
    return (trunc_mod != 0.0f && ((b < 0.0f) != (trunc_mod < 0.0f))) ? trunc_mod + b : trunc_mod;
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(floor_mod_float32,
                      {&kFloorModOp, "floor_mod_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::reference::floor_mod_float>(), nullptr});

}  // namespace tinyinfer
