// Reference FLOOR_DIV float32: the quotient in double, floored, as TFLite's
// FloorDiv<float> (a zero divisor gives +-inf or NaN; TFLite refuses it at eval).
#include <cmath>

#include "ops/floor_div/floor_div.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void floor_div_float(const BinaryParams& /*params*/, const BroadcastShape& shape, const float* input1,
                     const float* input2, float* output) {
  binary_broadcast(shape, input1, input2, output, [&](float a, float b) {
    return static_cast<float>(std::floor(static_cast<double>(a) / static_cast<double>(b)));
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(floor_div_float32,
                      {&kFloorDivOp, "floor_div_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
                       kernel_entry<kernels::BinaryFn<float>, kernels::reference::floor_div_float>(), nullptr});

}  // namespace tinyinfer
