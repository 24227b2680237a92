// Reference FLOOR float32: out = largest integer <= in (std::floor, as TFLite's reference_ops::Floor).
#include <cmath>
#include <cstdint>

#include "ops/floor/floor.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void floor_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::floor(input[i]);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(floor_float32,
                      {&kFloorOp, "floor_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::UnaryFloatFn, kernels::reference::floor_float32>(), nullptr});

}  // namespace tinyinfer
