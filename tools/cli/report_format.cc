#include "report_format.h"

#include <algorithm>
#include <cmath>

namespace tinyinfer::cli {

std::string shape_text(const Shape& shape) {
  std::string s = "[";
  for (int32_t i = 0; i < shape.rank && i < kMaxRank; ++i) {
    if (i > 0) s += ",";
    s += std::to_string(shape.dims[i]);
  }
  return s + "]";
}

std::string quant_text(const Quantization& q) {
  if (!q.is_quantized()) return "";
  char buf[160];
  if (q.per_channel()) {
    // The range of the scales and the zero point(s): enough to see a dead
    // channel (a tiny scale) or an asymmetric weight tensor at a glance.
    float lo = q.scales[0], hi = q.scales[0];
    int64_t zp_lo = q.zero_points != nullptr ? q.zero_points[0] : 0, zp_hi = zp_lo;
    for (int32_t i = 1; i < q.count; ++i) {
      lo = std::min(lo, q.scales[i]);
      hi = std::max(hi, q.scales[i]);
      const int64_t zp = q.zero_points != nullptr ? q.zero_points[i] : 0;
      zp_lo = std::min(zp_lo, zp);
      zp_hi = std::max(zp_hi, zp);
    }
    std::string zp = std::to_string(zp_lo);
    if (zp_hi != zp_lo) zp += ".." + std::to_string(zp_hi);
    std::snprintf(buf, sizeof(buf), "per-channel (%d) on dim %d, scale %.6g..%.6g zp %s", q.count,
                  q.quantized_dimension, static_cast<double>(lo), static_cast<double>(hi), zp.c_str());
    return buf;
  }
  std::snprintf(buf, sizeof(buf), "scale %.6g zp %d", static_cast<double>(q.scale()), q.zero_point());
  return buf;
}

std::string with_commas(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        // Control bytes and non-ASCII bytes (names in a model are not
        // guaranteed UTF-8) are escaped so the output is always valid JSON.
        if (c < 0x20 || c >= 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.9g", value);
  return buf;
}

void JsonWriter::prefix(const char* key) {
  if (!first_.empty()) {
    if (!first_.back()) std::fputc(',', out_);
    first_.back() = false;
    std::fputc('\n', out_);
    for (std::size_t i = 0; i < first_.size(); ++i) std::fputs("  ", out_);
  }
  if (key != nullptr) std::fprintf(out_, "%s: ", json_string(key).c_str());
}

void JsonWriter::begin_object(const char* key) {
  prefix(key);
  std::fputc('{', out_);
  first_.push_back(true);
}

void JsonWriter::end_object() {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) {
    std::fputc('\n', out_);
    for (std::size_t i = 0; i < first_.size(); ++i) std::fputs("  ", out_);
  }
  std::fputc('}', out_);
}

void JsonWriter::begin_array(const char* key) {
  prefix(key);
  std::fputc('[', out_);
  first_.push_back(true);
}

void JsonWriter::end_array() {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) {
    std::fputc('\n', out_);
    for (std::size_t i = 0; i < first_.size(); ++i) std::fputs("  ", out_);
  }
  std::fputc(']', out_);
}

void JsonWriter::field(const char* key, const std::string& value) {
  prefix(key);
  std::fputs(json_string(value).c_str(), out_);
}
void JsonWriter::field(const char* key, const char* value) { field(key, std::string(value == nullptr ? "" : value)); }
void JsonWriter::field(const char* key, double value) {
  prefix(key);
  std::fputs(json_number(value).c_str(), out_);
}
void JsonWriter::field(const char* key, int64_t value) {
  prefix(key);
  std::fprintf(out_, "%lld", static_cast<long long>(value));
}
void JsonWriter::field(const char* key, bool value) {
  prefix(key);
  std::fputs(value ? "true" : "false", out_);
}
void JsonWriter::null_field(const char* key) {
  prefix(key);
  std::fputs("null", out_);
}
void JsonWriter::element(double value) { field(nullptr, value); }
void JsonWriter::element(int64_t value) { field(nullptr, value); }
void JsonWriter::element(const std::string& value) { field(nullptr, value); }

void JsonWriter::shape(const char* key, const Shape& s) {
  // Shapes stay on one line: they are short and read better that way.
  prefix(key);
  std::fputc('[', out_);
  for (int32_t i = 0; i < s.rank && i < kMaxRank; ++i) {
    std::fprintf(out_, i > 0 ? ", %d" : "%d", s.dims[i]);
  }
  std::fputc(']', out_);
}

void JsonWriter::numbers(const char* key, const std::vector<double>& values) {
  prefix(key);
  std::fputc('[', out_);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) std::fputs(", ", out_);
    std::fputs(json_number(values[i]).c_str(), out_);
  }
  std::fputc(']', out_);
}

void JsonWriter::finish() { std::fputc('\n', out_); }

void json_quantization(JsonWriter& json, const Quantization& q) {
  if (!q.is_quantized()) {
    json.null_field("quantization");
    return;
  }
  json.begin_object("quantization");
  json.field("per_channel", q.per_channel());
  json.field("count", q.count);
  json.field("quantized_dimension", q.quantized_dimension);
  if (q.per_channel()) {
    json.begin_array("scales");
    for (int32_t i = 0; i < q.count; ++i) json.element(static_cast<double>(q.scales[i]));
    json.end_array();
    json.begin_array("zero_points");
    for (int32_t i = 0; i < q.count; ++i) {
      json.element(q.zero_points != nullptr ? q.zero_points[i] : int64_t{0});
    }
    json.end_array();
  } else {
    json.field("scale", static_cast<double>(q.scale()));
    json.field("zero_point", q.zero_point());
  }
  json.end_object();
}

}  // namespace tinyinfer::cli
