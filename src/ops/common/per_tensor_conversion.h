// What QUANTIZE and DEQUANTIZE share: the quantized side's (scale, zero
// point) pairs, checked and kept at prepare: one per tensor, or one per slice
// along its quantized_dimension (TFLite's per-channel DEQUANTIZE of weights).
#pragma once

#include <cstddef>
#include <cstdint>

#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

class PrepareContext;
struct Node;
struct TensorSlot;

struct ConversionData {
  float scale;
  int32_t zero_point;
  // Per channel: `channels` pairs (into the model), each for runs of `inner`
  // elements, `outer` times; 0 channels: the one pair above.
  const float* scales = nullptr;
  const int64_t* zero_points = nullptr;  // null: all zero
  int32_t channels = 0;
  int64_t outer = 0, inner = 0;
};

// `quantized`: the int8 side (DEQUANTIZE's input, QUANTIZE's output).
Status prepare_per_tensor_conversion(PrepareContext& ctx, bool input_is_quantized);

// Runs a per-tensor conversion kernel fn(scale, zero point, count, in, out)
// over the whole tensor, one call per channel run when per channel.
template <typename Fn, typename In, typename Out>
void run_conversion(const ConversionData& d, Fn fn, int64_t count, const In* input, Out* output) {
  if (d.channels == 0) {
    fn(d.scale, d.zero_point, count, input, output);
    return;
  }
  for (int64_t o = 0; o < d.outer; ++o) {
    for (int32_t c = 0; c < d.channels; ++c) {
      const int64_t at = (o * d.channels + c) * d.inner;
      const int32_t zero_point = d.zero_points != nullptr ? static_cast<int32_t>(d.zero_points[c]) : 0;
      fn(d.scales[c], zero_point, d.inner, input + at, output + at);
    }
  }
}
void describe_conversion(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer
