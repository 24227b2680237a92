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

}  // namespace tinyinfer::cli
