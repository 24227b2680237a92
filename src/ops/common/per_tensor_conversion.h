// What QUANTIZE and DEQUANTIZE share: one (scale, zero point) pair per
// tensor, checked and kept at prepare.
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
};

// `quantized`: the int8 side (DEQUANTIZE's input, QUANTIZE's output).
Status prepare_per_tensor_conversion(PrepareContext& ctx, bool input_is_quantized);
void describe_conversion(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer
