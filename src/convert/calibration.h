// Calibration for int8: runs the float model on the samples and records each
// float tensor's range (and, for percentile ranges, a histogram).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "convert/quantize_graph.h"

namespace tinyinfer::quant::internal {

constexpr int32_t kHistogramBins = 4096;

struct TensorStats {
  bool seen = false;
  float min = std::numeric_limits<float>::infinity();
  float max = -std::numeric_limits<float>::infinity();
  bool non_finite = false;
  std::vector<uint64_t> histogram;  // second pass (percentile)
  uint64_t count = 0;

  void observe_range(const float* v, int64_t n) {
    seen = true;
    for (int64_t i = 0; i < n; ++i) {
      if (!std::isfinite(v[i])) {
        non_finite = true;
        continue;
      }
      min = std::min(min, v[i]);
      max = std::max(max, v[i]);
    }
  }
  void observe_histogram(const float* v, int64_t n) {
    if (histogram.empty()) histogram.assign(kHistogramBins, 0);
    const double width = (static_cast<double>(max) - min) / kHistogramBins;
    for (int64_t i = 0; i < n; ++i) {
      if (!std::isfinite(v[i])) continue;
      int64_t bin = width > 0 ? static_cast<int64_t>((v[i] - static_cast<double>(min)) / width) : 0;
      bin = std::clamp<int64_t>(bin, 0, kHistogramBins - 1);
      ++histogram[static_cast<std::size_t>(bin)];
      ++count;
    }
  }
  // [lower, upper] holding `percentile` percent at each tail's side.
  void percentile_range(double percentile, float* lower, float* upper) const {
    *lower = min;
    *upper = max;
    if (histogram.empty() || count == 0) return;
    const double width = (static_cast<double>(max) - min) / kHistogramBins;
    const double tail = (100.0 - percentile) / 100.0 * static_cast<double>(count);
    double cumulative = 0;
    for (int32_t b = 0; b < kHistogramBins; ++b) {
      cumulative += static_cast<double>(histogram[static_cast<std::size_t>(b)]);
      if (cumulative > tail) {
        *lower = static_cast<float>(min + width * b);
        break;
      }
    }
    cumulative = 0;
    for (int32_t b = kHistogramBins - 1; b >= 0; --b) {
      cumulative += static_cast<double>(histogram[static_cast<std::size_t>(b)]);
      if (cumulative > tail) {
        *upper = static_cast<float>(min + width * (b + 1));
        break;
      }
    }
    *upper = std::min(*upper, max);
  }
};

// Observes every float tensor of `float_model` over `samples` (two passes for
// percentile ranges): stats has one entry per tensor.
Status calibrate(const format::ModelBytes& float_model, const QuantizeOptions& options,
                 const std::vector<CalibrationSample>& samples, std::vector<TensorStats>* stats);

}  // namespace tinyinfer::quant::internal
