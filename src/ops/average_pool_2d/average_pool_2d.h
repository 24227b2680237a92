// AVERAGE_POOL_2D: its kernels (kernel types: common/pooling.h).
#pragma once

#include <cstdint>

#include "ops/common/pooling.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kAveragePool2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void average_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                        const Dims4& out, float* output);
void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output);
void average_pool_int16(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int16_t* input,
                        const Dims4& out, int16_t* output);

// The int8/int16 math: the mean of the real cells in int32, rounded half away
// from zero as TFLite, clamped to the activation range. The int32 sum wraps
// (done unsigned, defined) as TFLite's does for windows too large for it.
template <typename T>
void average_pool_quantized(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const T* input,
                            const Dims4& out, T* output) {
  using namespace pooling;
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c, int64_t out_index) {
                    const uint32_t sum = fold_window(in, input, n, y0, x0, ys, xs, c, uint32_t{0},
                                                     [](uint32_t acc, T v) { return acc + static_cast<uint32_t>(v); });
                    const int32_t count = window_cells(ys, xs);
                    // C++ division truncates, so bias by half the count toward the sign.
                    int32_t average = 0;
                    if (count > 0) {
                      const auto half = static_cast<uint32_t>(count / 2);
                      const bool positive = static_cast<int32_t>(sum) > 0;
                      average = static_cast<int32_t>(positive ? sum + half : sum - half) / count;
                    }
                    output[out_index] = static_cast<T>(clamp_int(average, act_min, act_max));
                  });
}
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
