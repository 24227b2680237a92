// Reference FULLY_CONNECTED: output[b, u] = sum_d input[b, d] * filter[u, d]
// (+ bias[u]), filter row-major [units, depth].
#include <algorithm>
#include <cstddef>

#include "kernels/reference/reference.h"
#include "quant/fixed_point.h"

namespace tinyinfer::kernels::reference {
namespace {

std::ptrdiff_t row_index(int32_t row, int32_t row_length, int32_t column) {
  return static_cast<std::ptrdiff_t>(row) * row_length + column;
}

}  // namespace

void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth,
                           int32_t units, const float* input, const float* filter,
                           const float* bias, float* output) {
  for (int32_t b = 0; b < batches; ++b) {
    for (int32_t u = 0; u < units; ++u) {
      float acc = 0.0f;
      for (int32_t d = 0; d < depth; ++d) {
        acc += input[row_index(b, depth, d)] * filter[row_index(u, depth, d)];
      }
      const float with_bias = acc + (bias ? bias[u] : 0.0f);
      output[row_index(b, units, u)] = std::min(std::max(with_bias, clamp.min), clamp.max);
    }
  }
}

void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                          const int8_t* input, const int8_t* filter, const int32_t* bias,
                          int8_t* output) {
  for (int32_t b = 0; b < batches; ++b) {
    for (int32_t u = 0; u < units; ++u) {
      int32_t acc = 0;
      for (int32_t d = 0; d < depth; ++d) {
        const int32_t input_value = input[row_index(b, depth, d)];
        const int32_t filter_value = filter[row_index(u, depth, d)];
        acc += (input_value + rq.input_offset) * (filter_value + rq.filter_offset);
      }
      if (bias) acc += bias[u];
      acc = quant::multiply_by_quantized_multiplier(acc, rq.multiplier(u), rq.shift(u));
      acc += rq.output_offset;
      acc = std::min(std::max(acc, rq.act_min), rq.act_max);
      output[row_index(b, units, u)] = static_cast<int8_t>(acc);
    }
  }
}

void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth,
                            int32_t units, const float* input, const int8_t* filter,
                            const float* filter_scales, const float* bias, float* output) {
  for (int32_t b = 0; b < batches; ++b) {
    for (int32_t u = 0; u < units; ++u) {
      float acc = 0.0f;
      for (int32_t d = 0; d < depth; ++d) {
        acc += input[row_index(b, depth, d)] * static_cast<float>(filter[row_index(u, depth, d)]);
      }
      // The per-unit scale factors out of the sum: apply it once.
      const float value = acc * filter_scales[u] + (bias ? bias[u] : 0.0f);
      output[row_index(b, units, u)] = std::min(std::max(value, clamp.min), clamp.max);
    }
  }
}

}  // namespace tinyinfer::kernels::reference
