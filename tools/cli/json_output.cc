#include "json_output.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace tinyinfer::cli {
namespace {

std::string scalar_text(const Json& value) {
  return value.dump(-1, ' ', true, nlohmann::ordered_json::error_handler_t::replace);
}

bool all_scalars(const Json& array) {
  for (const Json& element : array)
    if (element.is_structured()) return false;
  return true;
}

void append(const Json& value, int depth, std::string* out) {
  const std::string inner(static_cast<std::size_t>(depth + 1) * 2, ' ');
  if (value.is_object() && !value.empty()) {
    *out += "{";
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      *out += first ? "\n" : ",\n";
      first = false;
      *out += inner + scalar_text(Json(it.key())) + ": ";
      append(it.value(), depth + 1, out);
    }
    *out += "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' ') + "}";
  } else if (value.is_array() && !value.empty() && !all_scalars(value)) {
    *out += "[";
    bool first = true;
    for (const Json& element : value) {
      *out += first ? "\n" : ",\n";
      first = false;
      *out += inner;
      append(element, depth + 1, out);
    }
    *out += "\n" + std::string(static_cast<std::size_t>(depth) * 2, ' ') + "]";
  } else if (value.is_array()) {
    // Shapes, tensor values, confusion rows: short and read better on one line.
    *out += "[";
    bool first = true;
    for (const Json& element : value) {
      if (!first) *out += ", ";
      first = false;
      *out += scalar_text(element);
    }
    *out += "]";
  } else {
    *out += scalar_text(value);
  }
}

}  // namespace

Json json_real(double value) {
  if (!std::isfinite(value)) return nullptr;
  char text[40];
  std::snprintf(text, sizeof(text), "%.9g", value);
  return std::strtod(text, nullptr);
}

Json json_shape(const Shape& shape) {
  Json dims = Json::array();
  for (int32_t i = 0; i < shape.rank && i < kMaxRank; ++i) dims.push_back(shape.dims[i]);
  return dims;
}

Json json_quantization(const Quantization& q) {
  if (!q.is_quantized()) return nullptr;
  Json doc = {{"per_channel", q.per_channel()}, {"count", q.count}, {"quantized_dimension", q.quantized_dimension}};
  if (q.per_channel()) {
    Json scales = Json::array(), zero_points = Json::array();
    for (int32_t i = 0; i < q.count; ++i) {
      scales.push_back(json_real(static_cast<double>(q.scales[i])));
      zero_points.push_back(q.zero_points != nullptr ? int64_t{q.zero_points[i]} : int64_t{0});
    }
    doc["scales"] = std::move(scales);
    doc["zero_points"] = std::move(zero_points);
  } else {
    doc["scale"] = json_real(static_cast<double>(q.scale()));
    doc["zero_point"] = q.zero_point();
  }
  return doc;
}

void print_json(const Json& doc, std::FILE* out) {
  std::string text;
  append(doc, 0, &text);
  text += "\n";
  std::fputs(text.c_str(), out);
}

}  // namespace tinyinfer::cli
