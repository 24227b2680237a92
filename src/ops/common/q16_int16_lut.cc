#include "ops/common/q16_int16_lut.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tinyinfer::quant {

void populate_int16_lut(float (*transform)(float), float input_scale, int32_t input_zero_point, float output_scale,
                        int32_t output_zero_point, int16_t* lut) {
  constexpr int32_t kMin = std::numeric_limits<int16_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int16_t>::max();
  constexpr int kSteps = kInt16LutSize - 1;
  // Every step in float, in TFLite's order of operations.
  const float input_min = input_scale * static_cast<float>(kMin - input_zero_point);
  const float input_max = input_scale * static_cast<float>(kMax - input_zero_point);
  const float output_min = output_scale * static_cast<float>(kMin - output_zero_point);
  const float output_max = output_scale * static_cast<float>(kMax - output_zero_point);
  const float step = (input_max - input_min) / static_cast<float>(kSteps);
  const float half_step = step / 2;
  const float output_scaling_inv = static_cast<float>(kMax - kMin + 1) / (output_max - output_min);
  const auto saturate = [](float v) {
    return static_cast<int16_t>(std::min(std::max(v, static_cast<float>(kMin)), static_cast<float>(kMax)));
  };
  for (int i = 0; i < kSteps; ++i) {
    const float x = input_min + static_cast<float>(i) * step;
    const float val = transform(x);
    const float val_midpoint = transform(x + half_step);
    const float val_next = transform(input_min + static_cast<float>(i + 1) * step);
    const float sample_val = std::round(val * output_scaling_inv);
    const float midpoint_interp_val = std::round((val_next * output_scaling_inv + sample_val) / 2);
    const float midpoint_val = std::round(val_midpoint * output_scaling_inv);
    const float bias = std::round((midpoint_interp_val - midpoint_val) / 2);
    lut[i] = saturate(sample_val - bias);
  }
  lut[kSteps] = saturate(std::round(transform(input_max) * output_scaling_inv));
}

}  // namespace tinyinfer::quant
