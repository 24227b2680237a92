// Differential cases of the optimized float and hybrid kernels (every entry
// the optimized set registers) against their
// reference twins: random shapes, strides, dilations, paddings, channel
// counts, depth multipliers, batches and clamps, plus the models' shapes.
// Header-only and heap-free so the same cases run in the host unit test
// (tests/unit/optimized_float_diff_test.cc) and in the QEMU Cortex-M7 firmware
// (tests/firmware_diff/diff_main.cc), where the FPv5 inline assembly of
// src/kernels/optimized/ actually executes.
//
// The optimized kernels sum in a different order, so they may differ from the
// reference by float rounding only:
//   |got - want| <= 1e-5 * magnitude + 1e-6
// where magnitude = sum |product| + |bias| of that output (for hybrid:
// |scale| * sum |x * q| + |bias|), obtained by running the reference kernel
// on the absolute values. Max pooling must match exactly.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>

#include "kernel_work.h"
#include "ops/add/add.h"
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/common/kernel_types.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/max_pool_2d/max_pool_2d.h"

namespace tinyinfer::float_diff {

using diff::kernel_work;
using diff::optimized;
using diff::optimized_work;
using diff::scratch_query;
using kernels::Dims4;
using kernels::FloatClamp;
using kernels::Window;
namespace reference = kernels::reference;

// 64-bit LCG: the generator the host test has always used, so its seeds still
// produce the same cases.
struct Rng {
  uint64_t state;
  uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  }
  int32_t range(int32_t lo, int32_t hi) {  // inclusive
    return lo + static_cast<int32_t>(next() % static_cast<uint32_t>(hi - lo + 1));
  }
  float uniform(float lo, float hi) { return lo + (hi - lo) * (next() & 0xffffff) / 16777216.0f; }
  bool chance(int percent) { return range(0, 99) < percent; }
};

struct DiffResult {
  int32_t cases = 0;
  int32_t mismatches = 0;
  char first_failure[320] = {};
};

// Scratch of the cases (static: the firmware has no heap and a 64 KB stack).
// Sized for the largest case generated below (random conv input 3x18x18x40,
// mnist conv2d_5 filter 64x3x3x64, random depthwise output 3x18x18x36).
constexpr int32_t kMaxElements = 40 * 1024;
constexpr int32_t kMaxChannels = 64;
// Cells past the output that the optimized kernel must leave alone.
constexpr int32_t kGuard = 16;
constexpr float kGuardValue = 4321.0f;

struct Scratch {
  float input[kMaxElements];
  float filter[kMaxElements];
  int8_t filter_q[kMaxElements];
  float scales[kMaxChannels];
  float bias[kMaxChannels];
  float got[kMaxElements + kGuard];
  float want[kMaxElements];
  float magnitude[kMaxElements];
};

inline Scratch& scratch() {
  static Scratch s;
  return s;
}

inline void random_floats(Rng& rng, float* data, int64_t n, float lo = -1.0f, float hi = 1.0f) {
  for (int64_t i = 0; i < n; ++i) data[i] = rng.uniform(lo, hi);
}

inline void random_int8(Rng& rng, int8_t* data, int64_t n) {
  for (int64_t i = 0; i < n; ++i) data[i] = static_cast<int8_t>(rng.range(-127, 127));
}

// In place: the magnitude pass runs after both kernels have consumed the data.
template <typename T>
void make_absolute(T* data, int64_t n) {
  for (int64_t i = 0; i < n; ++i) data[i] = static_cast<T>(data[i] < 0 ? -data[i] : data[i]);
}

inline FloatClamp random_clamp(Rng& rng) {
  FloatClamp c;
  switch (rng.range(0, 4)) {
    case 0:
      break;  // NONE
    case 1:
      c.min = 0.0f;
      break;  // RELU
    case 2:
      c.min = 0.0f;
      c.max = 6.0f;
      break;  // RELU6
    case 3:
      c.min = -1.0f;
      c.max = 1.0f;
      break;  // RELU_N1_TO_1
    default:
      c.min = rng.uniform(-2.0f, 0.5f);
      c.max = c.min + rng.uniform(0.0f, 3.0f);
      break;
  }
  return c;
}

inline Dims4 dims(int32_t n, int32_t h, int32_t w, int32_t c) {
  Dims4 d;
  d.n = n;
  d.h = h;
  d.w = w;
  d.c = c;
  return d;
}

// One spatial axis with TFLite's SAME / VALID output size and padding.
struct Axis {
  int32_t in, out, pad;
};

inline Axis random_axis(Rng& rng, int32_t filter, int32_t stride, int32_t dilation, bool same, int32_t max_extra) {
  const int32_t effective = (filter - 1) * dilation + 1;
  Axis a;
  if (same) {
    a.in = rng.range(1, effective + max_extra);
    a.out = (a.in + stride - 1) / stride;
  } else {
    a.in = rng.range(effective, effective + max_extra);
    a.out = (a.in - effective) / stride + 1;
  }
  const int32_t total = (a.out - 1) * stride + effective - a.in;
  a.pad = total > 0 ? total / 2 : 0;
  return a;
}

// "-12.3456789" without float printf (newlib-nano has none); |v| < 2^31.
inline void format_float(char* buffer, int size, double v) {
  if (!(std::fabs(v) < 2147483647.0)) {
    std::snprintf(buffer, size, "%s", std::isnan(v) ? "nan" : v < 0 ? "-big" : "big");
    return;
  }
  const double a = std::fabs(v);
  long whole = static_cast<long>(a);
  long frac = static_cast<long>(std::lround((a - whole) * 1e7));
  if (frac >= 10000000L) {
    ++whole;
    frac -= 10000000L;
  }
  std::snprintf(buffer, size, "%s%ld.%07ld", v < 0 ? "-" : "", whole, frac);
}

inline void record_failure(DiffResult& r, const char* what, int64_t at, float got, float want, double tolerance) {
  ++r.mismatches;
  if (r.first_failure[0] != '\0') return;
  char g[24], w[24], t[24];
  format_float(g, sizeof g, got);
  format_float(w, sizeof w, want);
  format_float(t, sizeof t, tolerance);
  std::snprintf(r.first_failure, sizeof r.first_failure, "case %d: %s: element %ld got %s want %s (tol %s)",
                static_cast<int>(r.cases), what, static_cast<long>(at), g, w, t);
}

inline void record_message(DiffResult& r, const char* message) {
  ++r.mismatches;
  if (r.first_failure[0] == '\0')
    std::snprintf(r.first_failure, sizeof r.first_failure, "case %d: %s", static_cast<int>(r.cases), message);
}

// Unwritten outputs show up: got and want start different.
inline void prepare_outputs(int64_t count, Scratch& s) {
  for (int64_t i = 0; i < count; ++i) {
    s.got[i] = 1234.0f;
    s.want[i] = -1234.0f;
  }
  for (int64_t i = count; i < count + kGuard; ++i) s.got[i] = kGuardValue;
}

// Compares got with want within the tolerance (exactly for max pooling)
// and the guard cells; records the first offending element. True if clean.
inline bool compare(DiffResult& r, const char* what, int64_t count, const Scratch& s, bool exact) {
  for (int64_t i = 0; i < count; ++i) {
    const double tol = exact ? 0.0 : 1e-5 * s.magnitude[i] + 1e-6;
    const bool ok = exact ? s.got[i] == s.want[i] : std::fabs(double{s.got[i]} - double{s.want[i]}) <= tol;
    if (!ok) {
      record_failure(r, what, i, s.got[i], s.want[i], tol);
      return false;
    }
  }
  for (int64_t i = count; i < count + kGuard; ++i) {
    if (s.got[i] != kGuardValue) {
      record_failure(r, what, i, s.got[i], kGuardValue, 0.0);
      return false;
    }
  }
  return true;
}

// Null when the optimized set has its own float/hybrid variant registered
// for every kernel under test (else the diff would compare the reference
// with itself); else the first one missing.
inline const char* first_missing_kernel() {
  const struct {
    const diff::KernelUnderTest& kernel;
    const char* name;
  } kernels_under_test[] = {
      {diff::kConv2dFloat, "conv2d_float"},
      {diff::kConv2dHybrid, "conv2d_hybrid"},
      {diff::kDepthwiseFloat, "depthwise_float"},
      {diff::kDepthwiseHybrid, "depthwise_hybrid"},
      {diff::kFullyConnectedFloat, "fully_connected_float"},
      {diff::kFullyConnectedHybrid, "fully_connected_hybrid"},
      {diff::kMaxPoolFloat, "max_pool_float"},
  };
  for (const auto& k : kernels_under_test)
    if (diff::optimized_kernel(k.kernel) == nullptr) return k.name;
  return nullptr;
}

// ---- CONV_2D ----------------------------------------------------------------

struct ConvCase {
  Window window;
  FloatClamp clamp;
  Dims4 in, filter, out;
  bool has_bias = true;
  void describe(char* buffer, int size, bool hybrid) const {
    std::snprintf(buffer, size, "%s conv in %dx%dx%dx%d filter %dx%dx%dx%d stride %d,%d dilation %d,%d pad %d,%d",
                  hybrid ? "hybrid" : "float", (int)in.n, (int)in.h, (int)in.w, (int)in.c, (int)filter.n, (int)filter.h,
                  (int)filter.w, (int)filter.c, (int)window.stride_h, (int)window.stride_w, (int)window.dilation_h,
                  (int)window.dilation_w, (int)window.pad_top, (int)window.pad_left);
  }
};

inline ConvCase random_conv(Rng& rng) {
  ConvCase k;
  const bool same = rng.chance(50);
  const int32_t kh = rng.range(1, 5), kw = rng.range(1, 5);
  k.window.stride_h = rng.range(1, 3);
  k.window.stride_w = rng.range(1, 3);
  k.window.dilation_h = rng.range(1, 2);
  k.window.dilation_w = rng.range(1, 2);
  const Axis y = random_axis(rng, kh, k.window.stride_h, k.window.dilation_h, same, 9);
  const Axis x = random_axis(rng, kw, k.window.stride_w, k.window.dilation_w, same, 9);
  k.window.pad_top = y.pad;
  k.window.pad_left = x.pad;
  const int32_t batches = rng.range(1, 3);
  // Channel counts: small odd ones and a few wide ones (runs longer than 4).
  const int32_t in_c = rng.chance(25) ? rng.range(8, 40) : rng.range(1, 9);
  const int32_t out_c = rng.range(1, 13);
  int32_t filter_c = in_c;
  if (rng.chance(5) && in_c % 2 == 0 && out_c % 2 == 0) filter_c = in_c / 2;  // two groups
  k.in = dims(batches, y.in, x.in, in_c);
  k.filter = dims(out_c, kh, kw, filter_c);
  k.out = dims(batches, y.out, x.out, out_c);
  k.clamp = random_clamp(rng);
  k.has_bias = rng.chance(85);
  return k;
}

inline bool fits(const Dims4& in, const Dims4& filter, const Dims4& out) {
  return in.elements() <= kMaxElements && filter.elements() <= kMaxElements && out.elements() <= kMaxElements &&
         out.c <= kMaxChannels;
}

// One conv case, float or hybrid; draws its data from rng in the order the
// host test always has (input, filter, [scales,] bias).
inline void check_conv(Rng& rng, const ConvCase& k, bool hybrid, DiffResult& r) {
  Scratch& s = scratch();
  if (!fits(k.in, k.filter, k.out)) return record_message(r, "conv case exceeds the scratch buffers");
  const int64_t in_n = k.in.elements(), filter_n = k.filter.elements(), out_n = k.out.elements();
  random_floats(rng, s.input, in_n);
  if (hybrid) {
    random_int8(rng, s.filter_q, filter_n);
    random_floats(rng, s.scales, k.out.c, 0.001f, 0.05f);
  } else {
    random_floats(rng, s.filter, filter_n);
  }
  random_floats(rng, s.bias, k.out.c);
  const float* b = k.has_bias ? s.bias : nullptr;
  prepare_outputs(out_n, s);
  void* work = optimized_work(hybrid ? diff::kConv2dHybrid : diff::kConv2dFloat,
                              scratch_query(k.window, 1, k.in, k.filter, k.out));
  if (work == nullptr) return record_message(r, "conv case exceeds the kernel work buffer");
  if (hybrid) {
    optimized<kernels::Conv2dHybridFn>(diff::kConv2dHybrid)(k.window, k.clamp, k.in, s.input, k.filter, s.filter_q,
                                                            s.scales, b, k.out, s.got, work);
    reference::conv2d_hybrid(k.window, k.clamp, k.in, s.input, k.filter, s.filter_q, s.scales, b, k.out, s.want);
    make_absolute(s.filter_q, filter_n);
  } else {
    optimized<kernels::Conv2dFloatFn>(diff::kConv2dFloat)(k.window, k.clamp, k.in, s.input, k.filter, s.filter, b,
                                                          k.out, s.got, work);
    reference::conv2d_float(k.window, k.clamp, k.in, s.input, k.filter, s.filter, b, k.out, s.want);
    make_absolute(s.filter, filter_n);
  }
  if (!kernel_work().guard_intact()) return record_message(r, "conv wrote past its scratch");
  make_absolute(s.input, in_n);
  make_absolute(s.bias, k.out.c);
  if (hybrid) {
    reference::conv2d_hybrid(k.window, FloatClamp{}, k.in, s.input, k.filter, s.filter_q, s.scales, b, k.out,
                             s.magnitude);
  } else {
    reference::conv2d_float(k.window, FloatClamp{}, k.in, s.input, k.filter, s.filter, b, k.out, s.magnitude);
  }
  char what[160];
  k.describe(what, sizeof what, hybrid);
  compare(r, what, out_n, s, false);
}

inline DiffResult run_conv_cases(int32_t count, uint64_t seed, bool hybrid) {
  Rng rng{seed};
  DiffResult r;
  for (; r.cases < count; ++r.cases) check_conv(rng, random_conv(rng), hybrid, r);
  return r;
}

// The study's and the MLPerf Tiny models' convolution shapes, each float
// then hybrid (two cases per shape).
inline DiffResult run_conv_model_shapes(uint64_t seed) {
  struct Shape {
    int32_t h, w, c, kh, kw, oc, stride;
    bool same;
  };
  static const Shape kShapes[] = {
      {13, 13, 32, 3, 3, 64, 1, false},  // mnist conv2d_4
      {5, 5, 64, 3, 3, 64, 1, false},    // mnist conv2d_5
      {49, 10, 1, 10, 4, 64, 2, true},   // kws first conv
      {25, 5, 64, 1, 1, 64, 1, true},    // kws pointwise
      {32, 32, 3, 3, 3, 16, 1, true},    // resnet first conv
      {32, 32, 16, 3, 3, 32, 2, true},   // resnet strided
      {32, 32, 16, 1, 1, 32, 2, true},   // resnet 1x1 shortcut
  };
  Rng rng{seed};
  DiffResult r;
  for (const Shape& s : kShapes) {
    ConvCase k;
    k.window.stride_h = k.window.stride_w = s.stride;
    const int32_t oh = s.same ? (s.h + s.stride - 1) / s.stride : (s.h - s.kh) / s.stride + 1;
    const int32_t ow = s.same ? (s.w + s.stride - 1) / s.stride : (s.w - s.kw) / s.stride + 1;
    k.window.pad_top = std::max<int32_t>(0, ((oh - 1) * s.stride + s.kh - s.h) / 2);
    k.window.pad_left = std::max<int32_t>(0, ((ow - 1) * s.stride + s.kw - s.w) / 2);
    k.in = dims(1, s.h, s.w, s.c);
    k.filter = dims(s.oc, s.kh, s.kw, s.c);
    k.out = dims(1, oh, ow, s.oc);
    k.clamp.min = 0.0f;
    check_conv(rng, k, false, r);
    ++r.cases;
    check_conv(rng, k, true, r);
    ++r.cases;
  }
  return r;
}

// ---- DEPTHWISE_CONV_2D ------------------------------------------------------

struct DwCase {
  Window window;
  int32_t dm = 1;
  FloatClamp clamp;
  Dims4 in, filter, out;
  bool has_bias = true;
  void describe(char* buffer, int size, bool hybrid) const {
    std::snprintf(buffer, size, "%s depthwise in %dx%dx%dx%d dm %d filter %dx%d stride %d,%d dilation %d,%d pad %d,%d",
                  hybrid ? "hybrid" : "float", (int)in.n, (int)in.h, (int)in.w, (int)in.c, (int)dm, (int)filter.h,
                  (int)filter.w, (int)window.stride_h, (int)window.stride_w, (int)window.dilation_h,
                  (int)window.dilation_w, (int)window.pad_top, (int)window.pad_left);
  }
};

inline DwCase random_dw(Rng& rng) {
  DwCase k;
  const bool same = rng.chance(50);
  // A third of the cases take the packed 3x3 single-channel path.
  const bool packed = rng.chance(33);
  const int32_t kh = packed ? 3 : rng.range(1, 5), kw = packed ? 3 : rng.range(1, 5);
  k.window.stride_h = rng.range(1, 3);
  k.window.stride_w = rng.range(1, 3);
  k.window.dilation_h = packed ? 1 : rng.range(1, 2);
  k.window.dilation_w = packed ? 1 : rng.range(1, 2);
  const Axis y = random_axis(rng, kh, k.window.stride_h, k.window.dilation_h, same, 9);
  const Axis x = random_axis(rng, kw, k.window.stride_w, k.window.dilation_w, same, 9);
  k.window.pad_top = y.pad;
  k.window.pad_left = x.pad;
  const int32_t batches = rng.range(1, 3);
  const int32_t in_c = packed ? 1 : rng.range(1, 12);
  k.dm = packed ? 8 * rng.range(1, 5) : rng.range(1, 3);
  k.in = dims(batches, y.in, x.in, in_c);
  k.filter = dims(1, kh, kw, in_c * k.dm);
  k.out = dims(batches, y.out, x.out, in_c * k.dm);
  k.clamp = random_clamp(rng);
  k.has_bias = rng.chance(85);
  return k;
}

inline void check_dw(Rng& rng, const DwCase& k, bool hybrid, DiffResult& r) {
  Scratch& s = scratch();
  if (!fits(k.in, k.filter, k.out)) return record_message(r, "depthwise case exceeds the scratch buffers");
  const int64_t in_n = k.in.elements(), filter_n = k.filter.elements(), out_n = k.out.elements();
  random_floats(rng, s.input, in_n);
  if (hybrid) {
    random_int8(rng, s.filter_q, filter_n);
    random_floats(rng, s.scales, k.out.c, 0.001f, 0.05f);
  } else {
    random_floats(rng, s.filter, filter_n);
  }
  random_floats(rng, s.bias, k.out.c);
  const float* b = k.has_bias ? s.bias : nullptr;
  prepare_outputs(out_n, s);
  void* work = optimized_work(hybrid ? diff::kDepthwiseHybrid : diff::kDepthwiseFloat,
                              scratch_query(k.window, k.dm, k.in, k.filter, k.out));
  if (work == nullptr) return record_message(r, "depthwise case exceeds the kernel work buffer");
  if (hybrid) {
    optimized<kernels::DepthwiseHybridFn>(diff::kDepthwiseHybrid)(k.window, k.dm, k.clamp, k.in, s.input, k.filter,
                                                                  s.filter_q, s.scales, b, k.out, s.got, work);
    reference::depthwise_hybrid(k.window, k.dm, k.clamp, k.in, s.input, k.filter, s.filter_q, s.scales, b, k.out,
                                s.want);
    make_absolute(s.filter_q, filter_n);
  } else {
    optimized<kernels::DepthwiseFloatFn>(diff::kDepthwiseFloat)(k.window, k.dm, k.clamp, k.in, s.input, k.filter,
                                                                s.filter, b, k.out, s.got, work);
    reference::depthwise_float(k.window, k.dm, k.clamp, k.in, s.input, k.filter, s.filter, b, k.out, s.want);
    make_absolute(s.filter, filter_n);
  }
  if (!kernel_work().guard_intact()) return record_message(r, "depthwise wrote past its scratch");
  make_absolute(s.input, in_n);
  make_absolute(s.bias, k.out.c);
  if (hybrid) {
    reference::depthwise_hybrid(k.window, k.dm, FloatClamp{}, k.in, s.input, k.filter, s.filter_q, s.scales, b, k.out,
                                s.magnitude);
  } else {
    reference::depthwise_float(k.window, k.dm, FloatClamp{}, k.in, s.input, k.filter, s.filter, b, k.out, s.magnitude);
  }
  char what[160];
  k.describe(what, sizeof what, hybrid);
  compare(r, what, out_n, s, false);
}

inline DiffResult run_depthwise_cases(int32_t count, uint64_t seed, bool hybrid) {
  Rng rng{seed};
  DiffResult r;
  for (; r.cases < count; ++r.cases) check_dw(rng, random_dw(rng), hybrid, r);
  return r;
}

// mnist's first layer and a kws depthwise layer, each float then hybrid.
inline DiffResult run_depthwise_model_shapes(uint64_t seed) {
  Rng rng{seed};
  DiffResult r;
  DwCase mnist;  // 28x28x1, 3x3, dm 32, VALID
  mnist.dm = 32;
  mnist.in = dims(1, 28, 28, 1);
  mnist.filter = dims(1, 3, 3, 32);
  mnist.out = dims(1, 26, 26, 32);
  mnist.clamp.min = 0.0f;
  DwCase kws;  // 25x5x64, 3x3, dm 1, SAME
  kws.window.pad_top = kws.window.pad_left = 1;
  kws.in = dims(1, 25, 5, 64);
  kws.filter = dims(1, 3, 3, 64);
  kws.out = dims(1, 25, 5, 64);
  kws.clamp.min = 0.0f;
  for (const DwCase* k : {&mnist, &kws}) {
    check_dw(rng, *k, false, r);
    ++r.cases;
    check_dw(rng, *k, true, r);
    ++r.cases;
  }
  return r;
}

// ---- FULLY_CONNECTED --------------------------------------------------------

enum class FcKinds { kBoth, kFloat, kHybrid };

// Half float, half hybrid (kBoth, the host's mix), or one kind only: the
// coin is drawn either way so the shapes of a seed stay the same.
inline DiffResult run_fully_connected_cases(int32_t count, uint64_t seed, FcKinds kinds) {
  Rng rng{seed};
  Scratch& s = scratch();
  DiffResult r;
  for (; r.cases < count; ++r.cases) {
    const int32_t batches = rng.range(1, 5);
    const int32_t depth = rng.chance(20) ? rng.range(64, 700) : rng.range(1, 40);
    const int32_t units = rng.range(1, 13);
    const FloatClamp clamp = random_clamp(rng);
    const bool has_bias = rng.chance(85);
    const bool coin = rng.chance(50);
    const bool hybrid = kinds == FcKinds::kBoth ? coin : kinds == FcKinds::kHybrid;
    const int64_t in_n = int64_t{batches} * depth, filter_n = int64_t{units} * depth, out_n = int64_t{batches} * units;
    random_floats(rng, s.input, in_n);
    random_floats(rng, s.bias, units);
    const float* b = has_bias ? s.bias : nullptr;
    prepare_outputs(out_n, s);
    void* work = optimized_work(
        hybrid ? diff::kFullyConnectedHybrid : diff::kFullyConnectedFloat,
        scratch_query(Window{}, 1, dims(batches, 1, 1, depth), dims(units, 1, 1, depth), dims(batches, 1, 1, units)));
    if (work == nullptr) {
      record_message(r, "fully connected case exceeds the kernel work buffer");
      continue;
    }
    if (hybrid) {
      random_int8(rng, s.filter_q, filter_n);
      random_floats(rng, s.scales, units, 0.001f, 0.05f);
      optimized<kernels::FullyConnectedHybridFn>(diff::kFullyConnectedHybrid)(clamp, batches, depth, units, s.input,
                                                                              s.filter_q, s.scales, b, s.got, work);
      reference::fully_connected_hybrid(clamp, batches, depth, units, s.input, s.filter_q, s.scales, b, s.want);
      make_absolute(s.input, in_n);
      make_absolute(s.filter_q, filter_n);
      make_absolute(s.bias, units);
      reference::fully_connected_hybrid(FloatClamp{}, batches, depth, units, s.input, s.filter_q, s.scales, b,
                                        s.magnitude);
    } else {
      random_floats(rng, s.filter, filter_n);
      optimized<kernels::FullyConnectedFloatFn>(diff::kFullyConnectedFloat)(clamp, batches, depth, units, s.input,
                                                                            s.filter, b, s.got, work);
      reference::fully_connected_float(clamp, batches, depth, units, s.input, s.filter, b, s.want);
      make_absolute(s.input, in_n);
      make_absolute(s.filter, filter_n);
      make_absolute(s.bias, units);
      reference::fully_connected_float(FloatClamp{}, batches, depth, units, s.input, s.filter, b, s.magnitude);
    }
    char what[96];
    std::snprintf(what, sizeof what, "%s fully connected %dx%d -> %d", hybrid ? "hybrid" : "float", (int)batches,
                  (int)depth, (int)units);
    compare(r, what, out_n, s, false);
  }
  return r;
}

// ---- MAX_POOL_2D ------------------------------------------------------------

inline DiffResult run_max_pool_cases(int32_t count, uint64_t seed) {
  Rng rng{seed};
  Scratch& s = scratch();
  DiffResult r;
  for (; r.cases < count; ++r.cases) {
    Window w;
    const bool same = rng.chance(50);
    w.filter_h = rng.range(1, 4);
    w.filter_w = rng.range(1, 4);
    w.stride_h = rng.range(1, 3);
    w.stride_w = rng.range(1, 3);
    const Axis y = random_axis(rng, w.filter_h, w.stride_h, 1, same, 9);
    const Axis x = random_axis(rng, w.filter_w, w.stride_w, 1, same, 9);
    w.pad_top = y.pad;
    w.pad_left = x.pad;
    const int32_t batches = rng.range(1, 3), c = rng.range(1, 11);
    const Dims4 in = dims(batches, y.in, x.in, c), out = dims(batches, y.out, x.out, c);
    const FloatClamp clamp = random_clamp(rng);
    random_floats(rng, s.input, in.elements(), -3.0f, 3.0f);
    prepare_outputs(out.elements(), s);
    optimized<kernels::PoolFloatFn>(diff::kMaxPoolFloat)(w, clamp, in, s.input, out, s.got);
    reference::max_pool_float(w, clamp, in, s.input, out, s.want);
    char what[96];
    std::snprintf(what, sizeof what, "max pool in %dx%dx%dx%d filter %dx%d stride %d,%d pad %d,%d", (int)batches,
                  (int)y.in, (int)x.in, (int)c, (int)w.filter_h, (int)w.filter_w, (int)w.stride_h, (int)w.stride_w,
                  (int)w.pad_top, (int)w.pad_left);
    compare(r, what, out.elements(), s, true);
  }
  return r;
}

}  // namespace tinyinfer::float_diff
