// MAX_POOL_2D: its kernels (kernel types: common/pooling.h).
#pragma once

#include <cstdint>
#include <limits>

#include "ops/common/pooling.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kMaxPool2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                    const Dims4& out, float* output);
void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output);
void max_pool_int16(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int16_t* input,
                    const Dims4& out, int16_t* output);

// The int8/int16 math: the largest value of the clipped window (the type's
// lowest for an empty one, as TFLite starts), clamped to the activation range.
template <typename T>
void max_pool_quantized(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const T* input,
                        const Dims4& out, T* output) {
  using namespace pooling;
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
                    const int32_t max_value =
                        fold_window(in, input, n, y0, x0, ys, xs, c, int32_t{std::numeric_limits<T>::lowest()},
                                    [](int32_t acc, T v) { return v > acc ? int32_t{v} : acc; });
                    output[out_index] = static_cast<T>(clamp_int(max_value, act_min, act_max));
                  });
}
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output);
}  // namespace cortex_m7

// FPv5 float/hybrid variants (cortex_m7/), equal to the reference within float
// rounding; `scratch` as above (none where there is no size function).
namespace cortex_m7 {
void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                    const Dims4& out, float* output);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
