// JSON output of the host commands (--json): documents are built with
// nlohmann::ordered_json (fields keep the order they are written in, which
// scripts such as tools/train/train.sh rely on) and printed by print_json().
#pragma once

#include <cstdio>

#include <nlohmann/json.hpp>

#include "tinyinfer/tensor.h"

namespace tinyinfer::cli {

using Json = nlohmann::ordered_json;

// A real number as the old writer printed it: 9 significant digits (enough
// for every float32), null for NaN/Inf (JSON has neither).
Json json_real(double value);
Json json_shape(const Shape& shape);  // [1, 28, 28, 1]
// {"per_channel", "count", "quantized_dimension", "scale"/"scales",
// "zero_point"/"zero_points"}, or null when the tensor is not quantized.
Json json_quantization(const Quantization& quant);

// Two-space indentation, arrays of numbers/strings on one line, a newline at
// the end. Non-ASCII is escaped and invalid UTF-8 (tensor names are not
// guaranteed UTF-8) replaced, so the output is always valid JSON.
void print_json(const Json& doc, std::FILE* out = stdout);

}  // namespace tinyinfer::cli
