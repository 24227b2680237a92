// TFLite's 513-entry int16 lookup tables (LUTPopulate<int16_t> and
// LUTLookup): a function sampled at 512 steps over the input's int16 range,
// each entry biased so that linear interpolation between neighbours hits the
// function at the step's midpoint; the lookup interpolates with the low 7 bits.
// Built at prepare in float exactly as TFLite, so the tables match its bit for bit.
#pragma once

#include <cstdint>

namespace tinyinfer::quant {

constexpr int kInt16LutSize = 513;

// lut[0..512] of transform() from input quantization (input_scale,
// input_zero_point) to output quantization (output_scale, output_zero_point).
void populate_int16_lut(float (*transform)(float), float input_scale, int32_t input_zero_point, float output_scale,
                        int32_t output_zero_point, int16_t* lut);

// TFLite's interpolated lookup of `value` in a 513-entry table.
inline int16_t int16_lut_lookup(int16_t value, const int16_t* lut) {
  const int32_t index = 256 + (value >> 7);  // the top 9 bits, 0..511
  const int32_t offset = value & 0x7f;       // the low 7 bits interpolate
  const int32_t base = lut[index];
  // The slope is kept in int16 (wrapping on steep tables), as TFLite's.
  const int32_t slope = static_cast<int16_t>(lut[index + 1] - lut[index]);
  return static_cast<int16_t>(base + ((slope * offset + 64) >> 7));
}

}  // namespace tinyinfer::quant
