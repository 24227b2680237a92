// Reference ROUND float32: TFLite's RoundToNearest, i.e. banker's rounding
// (ties to the even neighbour), not std::round's ties away from zero.
#include <cmath>
#include <cstdint>

#include "ops/round/round.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void round_float32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float value = input[i];
    const float floor_value = std::floor(value);
    const float diff = value - floor_value;
    // TFLite tests evenness through an int cast; fmod gives the same answer
    // without overflowing for |value| >= 2^31 (where diff is 0 anyway).
    const bool floor_is_even = std::fmod(floor_value, 2.0f) == 0.0f;
    // NaN and infinities fall through to floor + 1, which keeps them.
    output[i] = (diff < 0.5f || (diff == 0.5f && floor_is_even)) ? floor_value : floor_value + 1.0f;
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(round_float32,
                      {&kRoundOp, "round_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::UnaryFloatFn, kernels::reference::round_float32>(), nullptr});

}  // namespace tinyinfer
