// Differential cases of the optimized (ARMv7E-M) int8 kernels against their
// reference twins: random shapes, strides, dilations, paddings, channel
// counts (odd too), depth multipliers, per-channel multipliers/shifts,
// zero points and clamps. Header-only, heap-free and printf-free so the same
// cases run in the host unit test (tests/unit/arm_int8_diff_test.cc) and in
// the QEMU Cortex-M7 firmware (tests/firmware_diff/diff_main.cc), where the
// DSP instructions are real. int8 results must match bit for bit.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "dsp/fixed_point.h"
#include "kernel_work.h"
#include "ops/add/add.h"
#include "ops/add/add_params.h"
#include "ops/average_pool_2d/average_pool_2d.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/max_pool_2d/max_pool_2d.h"

namespace tinyinfer::diff {

using kernels::Dims4;
using kernels::Requant;
using kernels::Window;
namespace reference = kernels::reference;

// xorshift64*: deterministic, seedable.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint32_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<uint32_t>((state_ * 0x2545F4914F6CDD1Dull) >> 32);
  }
  // Uniform in [lo, hi].
  int32_t range(int32_t lo, int32_t hi) {
    return lo + static_cast<int32_t>(next() % static_cast<uint32_t>(hi - lo + 1));
  }
  bool chance(int percent) { return range(0, 99) < percent; }
  double unit() { return next() * (1.0 / 4294967296.0); }

 private:
  uint64_t state_;
};

struct DiffResult {
  int32_t cases = 0;
  int32_t mismatches = 0;
  char first_failure[200] = {};
};

// Scratch of the cases (static: the firmware has no heap, the stack is small).
constexpr int32_t kMaxInput = 24 * 1024;
constexpr int32_t kMaxFilter = 24 * 1024;
constexpr int32_t kMaxOutput = 16 * 1024;
constexpr int32_t kMaxChannels = 512;
constexpr int32_t kGuard = 16;

struct Scratch {
  int8_t input[kMaxInput];
  int8_t filter[kMaxFilter];
  int32_t bias[kMaxChannels];
  int32_t multipliers[kMaxChannels];
  int32_t shifts[kMaxChannels];
  int8_t expected[kMaxOutput + kGuard];
  int8_t actual[kMaxOutput + kGuard];
};

inline Scratch& scratch() {
  static Scratch s;
  return s;
}

inline void fill_random(Rng& rng, int8_t* data, int64_t count, int32_t lo, int32_t hi) {
  for (int64_t i = 0; i < count; ++i) data[i] = static_cast<int8_t>(rng.range(lo, hi));
}

// Per-channel requantization as a converter produces it: quantize_multiplier
// of a log-uniform scale (1e-4 .. 1, sometimes up to 64 for left shifts of
// up to 6, which TFLite computes when input x weight scale exceeds the output's).
inline void random_requant(Rng& rng, int32_t channels, Requant* rq, Scratch& s) {
  const bool per_tensor = rng.chance(20);
  // Per-tensor either expanded per channel or as one entry (per_channel
  // false); then the other entries hold a different valid requantization
  // that a kernel indexing by channel would wrongly pick up.
  const bool single_entry = per_tensor && rng.chance(50);
  const double max_log = rng.chance(10) ? std::log(64.0) : 0.0;
  const double min_log = std::log(1e-4);
  for (int32_t c = 0; c < channels; ++c) {
    if (per_tensor && c > 0) {
      s.multipliers[c] = single_entry ? (1 << 30) : s.multipliers[0];
      s.shifts[c] = single_entry ? -20 : s.shifts[0];
      continue;
    }
    const double scale = std::exp(min_log + (max_log - min_log) * rng.unit());
    int shift = 0;
    quant::quantize_multiplier(scale, &s.multipliers[c], &shift);
    s.shifts[c] = shift;
  }
  rq->input_offset = -rng.range(-128, 127);
  rq->filter_offset = 0;
  rq->output_offset = rng.range(-128, 127);
  int32_t lo = -128, hi = 127;
  if (rng.chance(40)) {
    lo = rng.range(-128, 127);
    hi = rng.range(lo, 127);
  } else if (rng.chance(30)) {
    lo = rq->output_offset;  // RELU
  }
  rq->act_min = lo;
  rq->act_max = hi;
  rq->multipliers = s.multipliers;
  rq->shifts = s.shifts;
  rq->per_channel = !single_entry;
}

// Bias magnitudes as converters produce them (|bias| up to ~2^17), or none.
inline const int32_t* random_bias(Rng& rng, int32_t channels, Scratch& s) {
  if (rng.chance(10)) return nullptr;
  const int32_t magnitude = rng.chance(50) ? 1 << 10 : 1 << 17;
  for (int32_t c = 0; c < channels; ++c) s.bias[c] = rng.range(-magnitude, magnitude);
  return s.bias;
}

inline Dims4 dims(int32_t n, int32_t h, int32_t w, int32_t c) {
  Dims4 d;
  d.n = n;
  d.h = h;
  d.w = w;
  d.c = c;
  return d;
}

// Output size and top/left padding as TFLite computes them.
inline bool resolve_padding(bool same, int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t* out,
                            int32_t* pad) {
  const int32_t effective = (filter - 1) * dilation + 1;
  if (same) {
    *out = (in + stride - 1) / stride;
  } else {
    *out = (in - effective + stride) / stride;
  }
  if (*out <= 0) return false;
  const int32_t total = (*out - 1) * stride + effective - in;
  *pad = total > 0 ? total / 2 : 0;
  return true;
}

inline void prepare_outputs(Rng& rng, int64_t count, Scratch& s) {
  // Same garbage in both buffers, guard bytes after the output.
  for (int64_t i = 0; i < count + kGuard; ++i) {
    const int8_t v = static_cast<int8_t>(rng.next());
    s.expected[i] = v;
    s.actual[i] = v;
  }
}

inline bool outputs_match(int64_t count, const Scratch& s, int64_t* first) {
  for (int64_t i = 0; i < count + kGuard; ++i) {
    if (s.expected[i] != s.actual[i]) {
      *first = i;
      return false;
    }
  }
  return true;
}

// Size knobs: `large` allows bigger shapes (host); the firmware keeps them
// small so the reference kernels finish quickly under emulation.
struct CaseLimits {
  int32_t max_hw = 12;
  int32_t max_c = 24;
  int32_t max_out_c = 24;
};

inline void record_failure(DiffResult& r, const char* what, int64_t at, int32_t expected, int32_t actual) {
  ++r.mismatches;
  if (r.first_failure[0] == '\0') {
    std::snprintf(r.first_failure, sizeof r.first_failure, "case %d: %s: output %lld expected %d got %d",
                  static_cast<int>(r.cases), what, static_cast<long long>(at), static_cast<int>(expected),
                  static_cast<int>(actual));
  }
}

// Null when the optimized set has its own int8 variant registered for every
// kernel under test (else the diff would compare the reference with itself);
// else the first one missing.
inline const char* first_missing_int8_kernel() {
  const struct {
    const KernelUnderTest& kernel;
    const char* name;
  } kernels_under_test[] = {
      {kConv2dInt8, "conv_int8"},
      {kDepthwiseInt8, "depthwise_int8"},
      {kFullyConnectedInt8, "fully_connected_int8"},
      {kAddInt8, "add_int8"},
      {kAveragePoolInt8, "average_pool_int8"},
      {kMaxPoolInt8, "max_pool_int8"},
  };
  for (const auto& k : kernels_under_test)
    if (optimized_kernel(k.kernel) == nullptr) return k.name;
  return nullptr;
}

inline DiffResult run_conv_cases(int32_t count, uint64_t seed, const CaseLimits& lim = {}) {
  Rng rng(seed);
  Scratch& s = scratch();
  DiffResult r;
  while (r.cases < count) {
    const int32_t n = rng.range(1, 3);
    const int32_t kh = rng.range(1, 5), kw = rng.chance(20) ? kh : rng.range(1, 5);
    const bool pointwise = rng.chance(25);
    Window w;
    w.stride_h = pointwise ? 1 : rng.range(1, 3);
    w.stride_w = pointwise ? 1 : (rng.chance(70) ? w.stride_h : rng.range(1, 3));
    w.dilation_h = rng.chance(75) ? 1 : 2;
    w.dilation_w = rng.chance(75) ? 1 : 2;
    const int32_t fh = pointwise ? 1 : kh, fw = pointwise ? 1 : kw;
    const int32_t in_c = rng.chance(30) ? rng.range(1, 4) * 4 * (rng.chance(30) ? 4 : 1) : rng.range(1, lim.max_c);
    const int32_t out_c = rng.range(1, lim.max_out_c);
    const Dims4 in = dims(n, rng.range(1, lim.max_hw), rng.range(1, lim.max_hw), in_c);
    const bool same = rng.chance(50);
    int32_t oh, ow;
    if (!resolve_padding(same, in.h, fh, w.stride_h, w.dilation_h, &oh, &w.pad_top)) continue;
    if (!resolve_padding(same, in.w, fw, w.stride_w, w.dilation_w, &ow, &w.pad_left)) continue;
    const Dims4 filter = dims(out_c, fh, fw, in_c);
    const Dims4 out = dims(n, oh, ow, out_c);
    if (in.elements() > kMaxInput || filter.elements() > kMaxFilter || out.elements() > kMaxOutput) continue;
    Requant rq;
    random_requant(rng, out_c, &rq, s);
    const int32_t* bias = random_bias(rng, out_c, s);
    fill_random(rng, s.input, in.elements(), -128, 127);
    fill_random(rng, s.filter, filter.elements(), -127, 127);
    prepare_outputs(rng, out.elements(), s);
    reference::conv2d_int8(w, rq, in, s.input, filter, s.filter, bias, out, s.expected);
    void* work = optimized_work(kConv2dInt8, scratch_query(w, 1, in, filter, out));
    if (work == nullptr) continue;
    optimized<kernels::Conv2dInt8Fn>(kConv2dInt8)(w, rq, in, s.input, filter, s.filter, bias, out, s.actual, work);
    int64_t at = 0;
    if (!kernel_work().guard_intact()) {
      record_failure(r, "conv wrote past its scratch", kernel_work().size, 0, 0);
    } else if (!outputs_match(out.elements(), s, &at)) {
      char what[120];
      std::snprintf(what, sizeof what, "conv n%d in %dx%dx%d filter %dx%dx%dx%d stride %d,%d dil %d,%d pad %d,%d",
                    (int)n, (int)in.h, (int)in.w, (int)in_c, (int)out_c, (int)fh, (int)fw, (int)in_c, (int)w.stride_h,
                    (int)w.stride_w, (int)w.dilation_h, (int)w.dilation_w, (int)w.pad_top, (int)w.pad_left);
      record_failure(r, what, at, s.expected[at], s.actual[at]);
    }
    ++r.cases;
  }
  return r;
}

inline DiffResult run_depthwise_cases(int32_t count, uint64_t seed, const CaseLimits& lim = {}) {
  Rng rng(seed);
  Scratch& s = scratch();
  DiffResult r;
  while (r.cases < count) {
    const int32_t n = rng.range(1, 3);
    const bool three = rng.chance(40);
    const int32_t fh = three ? 3 : rng.range(1, 5), fw = three ? 3 : rng.range(1, 5);
    Window w;
    w.stride_h = rng.range(1, 3);
    w.stride_w = rng.chance(70) ? w.stride_h : rng.range(1, 3);
    w.dilation_h = rng.chance(75) ? 1 : 2;
    w.dilation_w = rng.chance(75) ? 1 : 2;
    // One in ten: a single input channel with a large multiplier (a first
    // layer over a grey image, which the DSP kernel runs as a conv).
    const bool one_channel = rng.chance(10);
    const int32_t dm = one_channel ? rng.range(2, 40) : rng.chance(60) ? 1 : rng.range(1, 3);
    const int32_t in_c = one_channel ? 1 : rng.chance(30) ? rng.range(1, 6) * 4 : rng.range(1, lim.max_c);
    const int32_t out_c = in_c * dm;
    if (out_c > kMaxChannels) continue;
    const Dims4 in = dims(n, rng.range(1, lim.max_hw), rng.range(1, lim.max_hw), in_c);
    const bool same = rng.chance(50);
    int32_t oh, ow;
    if (!resolve_padding(same, in.h, fh, w.stride_h, w.dilation_h, &oh, &w.pad_top)) continue;
    if (!resolve_padding(same, in.w, fw, w.stride_w, w.dilation_w, &ow, &w.pad_left)) continue;
    const Dims4 filter = dims(1, fh, fw, out_c);
    const Dims4 out = dims(n, oh, ow, out_c);
    if (in.elements() > kMaxInput || filter.elements() > kMaxFilter || out.elements() > kMaxOutput) continue;
    Requant rq;
    random_requant(rng, out_c, &rq, s);
    const int32_t* bias = random_bias(rng, out_c, s);
    fill_random(rng, s.input, in.elements(), -128, 127);
    fill_random(rng, s.filter, filter.elements(), -127, 127);
    prepare_outputs(rng, out.elements(), s);
    reference::depthwise_int8(w, dm, rq, in, s.input, filter, s.filter, bias, out, s.expected);
    void* work = optimized_work(kDepthwiseInt8, scratch_query(w, dm, in, filter, out));
    if (work == nullptr) continue;
    optimized<kernels::DepthwiseInt8Fn>(kDepthwiseInt8)(w, dm, rq, in, s.input, filter, s.filter, bias, out, s.actual,
                                                        work);
    int64_t at = 0;
    if (!kernel_work().guard_intact()) {
      record_failure(r, "depthwise wrote past its scratch", kernel_work().size, 0, 0);
    } else if (!outputs_match(out.elements(), s, &at)) {
      char what[120];
      std::snprintf(what, sizeof what, "depthwise n%d in %dx%dx%d dm %d filter %dx%d stride %d,%d dil %d,%d pad %d,%d",
                    (int)n, (int)in.h, (int)in.w, (int)in_c, (int)dm, (int)fh, (int)fw, (int)w.stride_h,
                    (int)w.stride_w, (int)w.dilation_h, (int)w.dilation_w, (int)w.pad_top, (int)w.pad_left);
      record_failure(r, what, at, s.expected[at], s.actual[at]);
    }
    ++r.cases;
  }
  return r;
}

// AVERAGE_POOL_2D / MAX_POOL_2D: windows up to 6x6 (and global windows of
// up to 24x24, past the 256-cell lane flush), strides, SAME/VALID padding,
// channel counts (odd too) and clamps.
inline DiffResult run_pool_cases(int32_t count, uint64_t seed, bool max_pool, const CaseLimits& lim = {}) {
  Rng rng(seed);
  Scratch& s = scratch();
  DiffResult r;
  while (r.cases < count) {
    const int32_t n = rng.range(1, 2);
    const int32_t c = rng.chance(40) ? rng.range(1, 16) * 4 : rng.range(1, lim.max_c);
    const bool global = rng.chance(15);
    const Dims4 in = global ? dims(n, rng.range(1, 24), rng.range(1, 24), c)
                            : dims(n, rng.range(1, lim.max_hw), rng.range(1, lim.max_hw), c);
    Window w;
    w.filter_h = global ? in.h : rng.range(1, 6);
    w.filter_w = global ? in.w : rng.range(1, 6);
    w.stride_h = rng.range(1, 3);
    w.stride_w = rng.chance(70) ? w.stride_h : rng.range(1, 3);
    const bool same = !global && rng.chance(50);
    int32_t oh, ow;
    if (!resolve_padding(same, in.h, w.filter_h, w.stride_h, 1, &oh, &w.pad_top)) continue;
    if (!resolve_padding(same, in.w, w.filter_w, w.stride_w, 1, &ow, &w.pad_left)) continue;
    const Dims4 out = dims(n, oh, ow, c);
    if (in.elements() > kMaxInput || out.elements() > kMaxOutput) continue;
    int32_t lo = -128, hi = 127;
    if (rng.chance(40)) {
      lo = rng.range(-128, 127);
      hi = rng.range(lo, 127);
    }
    fill_random(rng, s.input, in.elements(), -128, rng.chance(20) ? -120 : 127);  // sometimes near the lane minimum
    prepare_outputs(rng, out.elements(), s);
    if (max_pool) {
      reference::max_pool_int8(w, lo, hi, in, s.input, out, s.expected);
      optimized<kernels::PoolInt8Fn>(kMaxPoolInt8)(w, lo, hi, in, s.input, out, s.actual);
    } else {
      reference::average_pool_int8(w, lo, hi, in, s.input, out, s.expected);
      optimized<kernels::PoolInt8Fn>(kAveragePoolInt8)(w, lo, hi, in, s.input, out, s.actual);
    }
    int64_t at = 0;
    if (!outputs_match(out.elements(), s, &at)) {
      char what[120];
      std::snprintf(what, sizeof what, "%s pool n%d in %dx%dx%d window %dx%d stride %d,%d pad %d,%d",
                    max_pool ? "max" : "average", (int)n, (int)in.h, (int)in.w, (int)c, (int)w.filter_h,
                    (int)w.filter_w, (int)w.stride_h, (int)w.stride_w, (int)w.pad_top, (int)w.pad_left);
      record_failure(r, what, at, s.expected[at], s.actual[at]);
    }
    ++r.cases;
  }
  return r;
}

inline DiffResult run_fully_connected_cases(int32_t count, uint64_t seed, int32_t max_depth = 700) {
  Rng rng(seed);
  Scratch& s = scratch();
  DiffResult r;
  while (r.cases < count) {
    const int32_t batches = rng.range(1, 3);
    const int32_t depth = rng.chance(50) ? rng.range(1, 40) : rng.range(1, max_depth);
    const int32_t units = rng.range(1, 40);
    if (int64_t{batches} * depth > kMaxInput || int64_t{units} * depth > kMaxFilter ||
        int64_t{batches} * units > kMaxOutput)
      continue;
    Requant rq;
    random_requant(rng, units, &rq, s);
    if (rng.chance(20)) rq.filter_offset = -rng.range(-128, 127);
    const int32_t* bias = random_bias(rng, units, s);
    fill_random(rng, s.input, int64_t{batches} * depth, -128, 127);
    fill_random(rng, s.filter, int64_t{units} * depth, -127, 127);
    const int64_t out_count = int64_t{batches} * units;
    prepare_outputs(rng, out_count, s);
    reference::fully_connected_int8(rq, batches, depth, units, s.input, s.filter, bias, s.expected);
    void* work = optimized_work(
        kFullyConnectedInt8,
        scratch_query(Window{}, 1, dims(batches, 1, 1, depth), dims(units, 1, 1, depth), dims(batches, 1, 1, units)));
    if (work == nullptr) continue;
    // Every other case without scratch: the small-arena path widens on the fly.
    const bool unwidened = (r.cases & 1) != 0;
    optimized<kernels::FullyConnectedInt8Fn>(kFullyConnectedInt8)(rq, batches, depth, units, s.input, s.filter, bias,
                                                                  s.actual, unwidened ? nullptr : work);
    int64_t at = 0;
    if (!kernel_work().guard_intact()) {
      record_failure(r, "fully connected wrote past its scratch", kernel_work().size, 0, 0);
    } else if (!outputs_match(out_count, s, &at)) {
      char what[120];
      std::snprintf(what, sizeof what, "fully_connected%s batches %d depth %d units %d filter_offset %d",
                    unwidened ? " (no scratch)" : "", (int)batches, (int)depth, (int)units, (int)rq.filter_offset);
      record_failure(r, what, at, s.expected[at], s.actual[at]);
    }
    ++r.cases;
  }
  return r;
}

// ADD: equal shapes (the fast path; long and short tensors) and broadcasts.
inline DiffResult run_add_cases(int32_t count, uint64_t seed) {
  Rng rng(seed);
  Scratch& s = scratch();
  DiffResult r;
  while (r.cases < count) {
    kernels::BroadcastShape shape;
    shape.rank = rng.range(1, 4);
    int64_t total = 1;
    for (int32_t d = 0; d < shape.rank; ++d) {
      shape.out[d] = rng.range(1, rng.chance(50) ? 40 : 6);
      shape.in1[d] = shape.out[d];
      shape.in2[d] = (rng.chance(10) && shape.rank > 1) ? 1 : shape.out[d];
      total *= shape.out[d];
    }
    if (total > kMaxOutput || total > kMaxInput || total > kMaxFilter) continue;
    const double s1 = std::exp(std::log(1e-3) + 6.0 * rng.unit());
    const double s2 = std::exp(std::log(1e-3) + 6.0 * rng.unit());
    const double so = std::exp(std::log(1e-3) + 6.0 * rng.unit());
    const int32_t zo = rng.range(-128, 127);
    int32_t lo = -128, hi = 127;
    if (rng.chance(40)) {
      lo = rng.range(-128, 127);
      hi = rng.range(lo, 127);
    }
    kernels::AddInt8Params p;
    quant::prepare_add_int8(s1, rng.range(-128, 127), s2, rng.range(-128, 127), so, zo, lo, hi, &p);
    fill_random(rng, s.input, total, -128, 127);
    fill_random(rng, s.filter, total, -128, 127);
    prepare_outputs(rng, total, s);
    reference::add_int8(p, shape, s.input, s.filter, s.expected);
    int64_t in2_elements = 1;
    for (int32_t d = 0; d < shape.rank; ++d) in2_elements *= shape.in2[d];
    void* work = optimized_work(kAddInt8, scratch_query(Window{}, 1, dims(1, 1, 1, static_cast<int32_t>(total)),
                                                        dims(1, 1, 1, static_cast<int32_t>(in2_elements)),
                                                        dims(1, 1, 1, static_cast<int32_t>(total))));
    if (work == nullptr) continue;
    optimized<kernels::AddInt8Fn>(kAddInt8)(p, shape, s.input, s.filter, s.actual,
                                            kernel_work().size > 0 ? work : nullptr);
    int64_t at = 0;
    if (!kernel_work().guard_intact()) {
      record_failure(r, "add wrote past its scratch", kernel_work().size, 0, 0);
    } else if (!outputs_match(total, s, &at)) {
      char what[120];
      std::snprintf(what, sizeof what, "add rank %d elements %ld scales %g %g -> %g", (int)shape.rank, (long)total, s1,
                    s2, so);
      record_failure(r, what, at, s.expected[at], s.actual[at]);
    }
    ++r.cases;
  }
  return r;
}

}  // namespace tinyinfer::diff
