// Text formatting shared by the CLI's reports: shapes, quantization,
// thousands separators (JSON output: json_output.h).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "tinyinfer/tensor.h"

namespace tinyinfer::cli {

std::string shape_text(const Shape& shape);  // "[1,28,28,1]"
// "scale 0.0039 zp -128"; per channel: "per-channel (16) on dim 0, scale 0.001..0.02 zp 0"
// (zero points as "a..b" when they differ); "" when not quantized.
std::string quant_text(const Quantization& quant);
std::string with_commas(int64_t value);  // 2794240 -> "2,794,240"

}  // namespace tinyinfer::cli
