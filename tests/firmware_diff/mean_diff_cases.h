// Differential cases of the optimized MEAN kernels (int8, int16, float32)
// against their reference twins, through the geometry prepare_reduce
// builds (build_reduce_geometry, fold_mean_count): ranks 0-5, random and
// global-average-pooling shapes (NHWC, axes {1, 2} written every way), any
// axis list (negative and repeated entries, none, all), empty tensors,
// input scale equal to or far from the output's, zero points at the
// extremes, and rows enough to carry the int8 lanes past 256 rows of
// extreme values. Counts how many cases took the per-channel path, so a
// dispatch that silently falls back shows. Header-only, heap-free and
// printf-free: run on the host (tests/unit/arm_int8_diff_test.cc) and on the
// emulated Cortex-M7 (tests/firmware_diff/diff_main.cc), bit for bit.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <type_traits>

#include "int8_diff_cases.h"
#include "ops/common/reduce_params.h"
#include "ops/mean/cortex_m7/channel_mean.h"
#include "ops/mean/mean.h"

namespace tinyinfer::diff {

constexpr KernelUnderTest kMeanInt8{&kMeanOp, signature({kI8}, kI8)};
constexpr KernelUnderTest kMeanInt16{&kMeanOp, signature({DataType::kInt16}, DataType::kInt16)};
constexpr KernelUnderTest kMeanFloat{&kMeanOp, signature({kF32}, kF32)};

inline const char* first_missing_mean_kernel() {
  if (optimized_kernel(kMeanInt8) == nullptr) return "mean_int8";
  if (optimized_kernel(kMeanInt16) == nullptr) return "mean_int16";
  if (optimized_kernel(kMeanFloat) == nullptr) return "mean_float32";
  return nullptr;
}

struct MeanDiffResult : DiffResult {
  int32_t channel_path = 0;  // cases whose geometry the optimized kernel handles itself
};

// The dispatch check: at least a quarter of the cases took each path.
inline bool covers_both_paths(const MeanDiffResult& r) {
  return r.channel_path > r.cases / 4 && r.channel_path < r.cases - r.cases / 4;
}

constexpr int32_t kMaxMeanInputBytes = 16 * 1024;
constexpr int32_t kMaxMeanOutputs = 1024;

struct MeanScratch {
  alignas(8) unsigned char input[kMaxMeanInputBytes];
  alignas(8) unsigned char expected[(kMaxMeanOutputs + kGuard) * 4];
  alignas(8) unsigned char actual[(kMaxMeanOutputs + kGuard) * 4];
  int32_t reference_sums[kMaxMeanOutputs];
};

inline MeanScratch& mean_scratch() {
  static MeanScratch s;
  return s;
}

// One MEAN node as the converter writes it.
struct MeanCase {
  Shape shape;
  int32_t axes[6] = {};
  int32_t axis_count = 0;
  bool keep_dims = false;
};

// Global average pooling (NHWC, axes {1, 2} in any spelling) or any shape
// and axis list; pooling cases fit their channels into `max_elements`, the
// caller skips other inputs too big for its buffer.
inline MeanCase random_mean_case(Rng& rng, int32_t max_elements) {
  MeanCase m;
  m.keep_dims = rng.chance(50);
  if (rng.chance(45)) {
    m.shape.rank = 4;
    m.shape.dims[0] = rng.chance(80) ? 1 : rng.range(2, 3);
    const int32_t side = rng.chance(30) ? rng.range(12, 40) : rng.range(1, 10);
    m.shape.dims[1] = side;
    m.shape.dims[2] = rng.chance(70) ? side : rng.range(1, 12);
    const int32_t pixels = m.shape.dims[0] * m.shape.dims[1] * m.shape.dims[2];
    int32_t max_channels = max_elements / pixels;
    max_channels = max_channels < 1 ? 1 : max_channels > 300 ? 300 : max_channels;
    const int32_t few_channels = max_channels < 20 ? max_channels : 20;
    m.shape.dims[3] = rng.range(1, rng.chance(50) ? few_channels : max_channels);
    const int32_t spellings[][3] = {{1, 2, 0}, {2, 1, 0}, {-3, -2, 0}, {1, -2, 0}, {1, 2, 1}, {-2, -3, 2}};
    const auto& spelling = spellings[rng.range(0, 5)];
    m.axis_count = spelling[2] != 0 || rng.chance(20) ? 3 : 2;
    for (int32_t i = 0; i < m.axis_count; ++i) m.axes[i] = spelling[i];
  } else {
    m.shape.rank = rng.chance(5) ? 0 : rng.range(1, 5);
    for (int32_t d = 0; d < m.shape.rank; ++d) {
      m.shape.dims[d] = rng.chance(3) ? 0 : rng.chance(25) ? 1 : rng.range(1, rng.chance(50) ? 24 : 6);
    }
    m.axis_count = m.shape.rank == 0 ? rng.range(0, 1) : rng.range(0, 6);
    for (int32_t i = 0; i < m.axis_count; ++i)
      m.axes[i] = m.shape.rank == 0 ? 0 : rng.range(-m.shape.rank, m.shape.rank - 1);
  }
  return m;
}

// prepare_reduce's parameters for the case: geometry, output count and
// (quantized) the rescale with 1/count folded in.
inline kernels::ReduceParams mean_params(const MeanCase& m, double input_scale, int32_t input_zero_point,
                                         double output_scale, int32_t output_zero_point) {
  bool reduced[kMaxRank] = {};
  for (int32_t i = 0; i < m.axis_count && m.shape.rank > 0; ++i)
    reduced[m.axes[i] < 0 ? m.axes[i] + m.shape.rank : m.axes[i]] = true;
  kernels::ReduceParams p;
  build_reduce_geometry(m.shape, reduced, &p);
  p.outputs = 1;
  for (int32_t d = 0; d < m.shape.rank; ++d)
    if (!reduced[d]) p.outputs *= m.shape.dims[d];
  int shift = 0;
  quant::quantize_multiplier(input_scale / output_scale, &p.multiplier, &shift);
  p.shift = shift;
  fold_mean_count(p.count, &p.multiplier, &p.shift);
  p.input_zero_point = input_zero_point;
  p.output_zero_point = output_zero_point;
  return p;
}

// A zero point at either end of the type, 0 or anywhere.
inline int32_t extreme_or_random(Rng& rng, int32_t lo, int32_t hi) {
  const int32_t pick = rng.range(0, 9);
  return pick == 0 ? lo : pick == 1 ? hi : pick == 2 ? 0 : rng.range(lo, hi);
}

// Inputs: uniform, small, or one extreme everywhere (the sums' worst case).
template <typename T>
void fill_mean_input(Rng& rng, T* data, int64_t count) {
  if constexpr (std::is_floating_point<T>::value) {
    const double magnitude = rng.chance(50) ? 1.0 : 1e4;
    for (int64_t i = 0; i < count; ++i) data[i] = static_cast<T>((2.0 * rng.unit() - 1.0) * magnitude);
  } else {
    const int32_t lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
    const int32_t pick = rng.range(0, 9);
    for (int64_t i = 0; i < count; ++i) {
      const int32_t v = pick == 0 ? lo : pick == 1 ? hi : pick == 2 ? rng.range(-3, 3) : rng.range(lo, hi);
      data[i] = static_cast<T>(v);
    }
  }
}

template <typename T>
MeanDiffResult run_mean_cases(const KernelUnderTest& kernel, kernels::MeanFn reference_kernel, int32_t count,
                              uint64_t seed) {
  Rng rng(seed);
  MeanScratch& s = mean_scratch();
  constexpr int32_t kMaxElements = kMaxMeanInputBytes / static_cast<int32_t>(sizeof(T));
  auto* in = reinterpret_cast<T*>(s.input);
  auto* expected = reinterpret_cast<T*>(s.expected);
  auto* actual = reinterpret_cast<T*>(s.actual);
  // Zero points of the quantized types (the float kernel ignores them).
  using ZeroPoint = std::conditional_t<std::is_integral<T>::value, T, int8_t>;
  const int32_t lo = std::numeric_limits<ZeroPoint>::min(), hi = std::numeric_limits<ZeroPoint>::max();
  MeanDiffResult r;
  while (r.cases < count) {
    const MeanCase m = random_mean_case(rng, kMaxElements);
    if (m.shape.elements() > kMaxElements) continue;
    // Scales: equal, output coarser or finer by up to 2^8.
    const double input_scale = std::exp(std::log(1e-4) + (std::log(1.0) - std::log(1e-4)) * rng.unit());
    const double output_scale = rng.chance(30) ? input_scale : input_scale * std::exp((2.0 * rng.unit() - 1.0) * 5.5);
    const kernels::ReduceParams p =
        mean_params(m, input_scale, extreme_or_random(rng, lo, hi), output_scale, extreme_or_random(rng, lo, hi));
    if (p.outputs > kMaxMeanOutputs) continue;
    fill_mean_input(rng, in, m.shape.elements());
    for (int64_t i = 0; i < (p.outputs + kGuard) * static_cast<int64_t>(sizeof(T)); ++i)
      s.expected[i] = s.actual[i] = static_cast<unsigned char>(rng.next());
    kernels::ScratchQuery query;
    query.out = dims(1, 1, 1, static_cast<int32_t>(p.outputs));
    void* work = optimized_work(kernel, query);
    if (work == nullptr) continue;
    reference_kernel(p, in, expected, s.reference_sums);
    optimized<kernels::MeanFn>(kernel)(p, in, actual, work);
    kernels::cortex_m7::ChannelMeanShape shape;
    if (kernels::cortex_m7::as_channel_mean(p, &shape)) ++r.channel_path;
    int64_t at = -1;
    for (int64_t i = 0; i < (p.outputs + kGuard) * static_cast<int64_t>(sizeof(T)) && at < 0; ++i)
      if (s.expected[i] != s.actual[i]) at = i / static_cast<int64_t>(sizeof(T));
    if (!kernel_work().guard_intact()) {
      record_failure(r, "mean wrote past its scratch", kernel_work().size, 0, 0);
    } else if (at >= 0) {
      char what[120];
      std::snprintf(
          what, sizeof what, "mean rank %d dims %d,%d,%d,%d,%d axes %d (%d,%d,%d) zp %d,%d",
          static_cast<int>(m.shape.rank), static_cast<int>(m.shape.dims[0]), static_cast<int>(m.shape.dims[1]),
          static_cast<int>(m.shape.dims[2]), static_cast<int>(m.shape.dims[3]), static_cast<int>(m.shape.dims[4]),
          static_cast<int>(m.axis_count), static_cast<int>(m.axes[0]), static_cast<int>(m.axes[1]),
          static_cast<int>(m.axes[2]), static_cast<int>(p.input_zero_point), static_cast<int>(p.output_zero_point));
      int32_t want = 0, got = 0;
      std::memcpy(&want, s.expected + at * sizeof(T), sizeof(T) < 4 ? sizeof(T) : 4);
      std::memcpy(&got, s.actual + at * sizeof(T), sizeof(T) < 4 ? sizeof(T) : 4);
      record_failure(r, what, at, want, got);  // raw bits
    }
    ++r.cases;
  }
  return r;
}

inline MeanDiffResult run_mean_int8_cases(int32_t count, uint64_t seed) {
  return run_mean_cases<int8_t>(kMeanInt8, &kernels::reference::mean_int8, count, seed);
}
inline MeanDiffResult run_mean_int16_cases(int32_t count, uint64_t seed) {
  return run_mean_cases<int16_t>(kMeanInt16, &kernels::reference::mean_int16, count, seed);
}
inline MeanDiffResult run_mean_float_cases(int32_t count, uint64_t seed) {
  return run_mean_cases<float>(kMeanFloat, &kernels::reference::mean_float32, count, seed);
}

}  // namespace tinyinfer::diff
