// Text and JSON formatting shared by `tinyinfer info` and `tinyinfer run`:
// shapes, quantization, thousands separators, and a small streaming JSON
// writer (escaping, commas, no NaN/Inf in the output).
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
std::string with_commas(int64_t value);            // 2794240 -> "2,794,240"
std::string json_string(const std::string& text);  // quoted and escaped
std::string json_number(double value);             // null for NaN/Inf

class JsonWriter {
 public:
  explicit JsonWriter(std::FILE* out) : out_(out) {}
  void begin_object(const char* key = nullptr);
  void end_object();
  void begin_array(const char* key = nullptr);
  void end_array();
  void field(const char* key, const std::string& value);
  void field(const char* key, const char* value);
  void field(const char* key, double value);
  void field(const char* key, int64_t value);
  void field(const char* key, int value) { field(key, static_cast<int64_t>(value)); }
  void field(const char* key, uint64_t value) { field(key, static_cast<int64_t>(value)); }
  void field(const char* key, bool value);
  void null_field(const char* key);
  // Array elements.
  void element(double value);
  void element(int64_t value);
  void element(const std::string& value);
  void shape(const char* key, const Shape& shape);
  // A numeric array on one line (tensor values).
  void numbers(const char* key, const std::vector<double>& values);
  // Writes the trailing newline; call once at the end.
  void finish();

 private:
  void prefix(const char* key);
  std::FILE* out_;
  std::vector<bool> first_;  // per open container: no element written yet
};

// Adds a JSON object describing `quant` under key "quantization" (null when
// the tensor is not quantized).
void json_quantization(JsonWriter& json, const Quantization& quant);

}  // namespace tinyinfer::cli
