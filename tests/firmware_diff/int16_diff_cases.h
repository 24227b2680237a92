// Differential cases of the optimized int16x8 kernels (int16 activations,
// int8 weights) against their reference twins: random depths (tails of 1-3),
// unit counts (odd too), per-channel or per-tensor requantization, int64 and
// int32 biases (TFLite's int64 / wrapping int32 accumulators), clamps and
// activations across the whole int16 range; and int16 ADD over every
// broadcast (scalar, rank 0-5) with zero points, equal and distant scales. Header-only, heap-free and
// printf-free: the same cases run on the host (tests/unit/arm_int16_diff_test.cc)
// and on the emulated Cortex-M7 (tests/firmware_diff/diff_main.cc).
// Results must match bit for bit.
#pragma once

#include <cstdint>

#include "int8_diff_cases.h"
#include "ops/add/add.h"
#include "ops/add/add_params.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "ops/fully_connected/fully_connected.h"

namespace tinyinfer::diff {

constexpr DataType kI16 = DataType::kInt16, kI64 = DataType::kInt64;
constexpr KernelUnderTest kFullyConnectedInt16{&kFullyConnectedOp, signature({kI16, kI8, kI64}, kI16)};
constexpr KernelUnderTest kFullyConnectedInt16Bias32{&kFullyConnectedOp, signature({kI16, kI8, kI32}, kI16)};
constexpr KernelUnderTest kConv2dInt16{&kConv2dOp, signature({kI16, kI8, kI64}, kI16)};
constexpr KernelUnderTest kConv2dInt16Bias32{&kConv2dOp, signature({kI16, kI8, kI32}, kI16)};
constexpr KernelUnderTest kDepthwiseInt16{&kDepthwiseConv2dOp, signature({kI16, kI8, kI64}, kI16)};
constexpr KernelUnderTest kAddInt16{&kAddOp, signature({kI16, kI16}, kI16)};

// Null when every int16x8 kernel under test has its optimized variant, else
// the first one missing.
inline const char* first_missing_int16_kernel() {
  if (optimized_kernel(kFullyConnectedInt16) == nullptr) return "fully_connected_int16";
  if (optimized_kernel(kFullyConnectedInt16Bias32) == nullptr) return "fully_connected_int16_bias32";
  if (optimized_kernel(kConv2dInt16) == nullptr) return "conv_int16";
  if (optimized_kernel(kConv2dInt16Bias32) == nullptr) return "conv_int16_bias32";
  if (optimized_kernel(kDepthwiseInt16) == nullptr) return "depthwise_int16";
  if (optimized_kernel(kAddInt16) == nullptr) return "add_int16";
  return nullptr;
}

// The int8 cases' Scratch holds the filters; these buffers the rest (kept
// small: the firmware's RAM also holds the int8 and float cases' buffers).
constexpr int32_t kMaxInput16 = 12 * 1024;
constexpr int32_t kMaxOutput16 = 4 * 1024;

struct Int16Scratch {
  int16_t input[kMaxInput16];
  int64_t bias64[kMaxChannels];
  int32_t bias32[kMaxChannels];
  int32_t multipliers[kMaxChannels];
  int32_t shifts[kMaxChannels];
  int16_t expected[kMaxOutput16 + kGuard];
  int16_t actual[kMaxOutput16 + kGuard];
};

inline Int16Scratch& int16_scratch() {
  static Int16Scratch s;
  return s;
}

// 16x8 requantization as converters produce it: zero input / filter / output
// offsets, per-channel (or one per-tensor) multipliers of log-uniform scales,
// the int16 range or a clamp inside it; sometimes scales up to 64 (left
// shifts up to 6).
inline void random_int16_requant(Rng& rng, int32_t channels, Requant* rq, Int16Scratch& s) {
  const bool per_tensor = rng.chance(20);
  const double max_log = rng.chance(10) ? std::log(64.0) : std::log(1e-1);
  for (int32_t c = 0; c < channels; ++c) {
    if (per_tensor && c > 0) {
      s.multipliers[c] = s.multipliers[0];
      s.shifts[c] = s.shifts[0];
      continue;
    }
    const double scale = std::exp(std::log(1e-6) + (max_log - std::log(1e-6)) * rng.unit());
    int shift = 0;
    quant::quantize_multiplier(scale, &s.multipliers[c], &shift);
    s.shifts[c] = shift;
  }
  rq->input_offset = 0;
  rq->filter_offset = 0;
  rq->output_offset = 0;
  int32_t lo = -32768, hi = 32767;
  if (rng.chance(30)) {
    lo = rng.range(-32768, 32767);
    hi = rng.range(lo, 32767);
  } else if (rng.chance(30)) {
    lo = 0;  // RELU
  }
  rq->act_min = lo;
  rq->act_max = hi;
  rq->multipliers = s.multipliers;
  rq->shifts = s.shifts;
  rq->per_channel = !per_tensor;
}

inline void fill_random16(Rng& rng, int16_t* data, int64_t count) {
  // Full-range activations, or small ones as real layers mostly have, or
  // only the two extremes.
  if (rng.chance(5)) {
    for (int64_t i = 0; i < count; ++i) data[i] = rng.chance(50) ? INT16_MIN : INT16_MAX;
    return;
  }
  const int32_t magnitude = rng.chance(50) ? 32767 : 300;
  for (int64_t i = 0; i < count; ++i) data[i] = static_cast<int16_t>(rng.range(-magnitude, magnitude));
}

// Biases of both kinds for `channels` (one of them is used per case).
inline void random_int16_biases(Rng& rng, int32_t channels, Int16Scratch& s) {
  for (int32_t c = 0; c < channels; ++c) {
    s.bias64[c] = static_cast<int64_t>(rng.range(-(1 << 29), 1 << 29)) * (rng.chance(20) ? 128 : 2);
    s.bias32[c] = rng.range(-(1 << 24), 1 << 24);
  }
}

// Garbage before the call, the same in both outputs and their guards.
inline void prepare_int16_outputs(Rng& rng, int64_t count, Int16Scratch& s) {
  for (int64_t i = 0; i < count + kGuard; ++i) s.expected[i] = s.actual[i] = static_cast<int16_t>(rng.next());
}

// Records the case's first differing output (or a scratch overrun).
inline void check_int16_case(DiffResult& r, int64_t count, const Int16Scratch& s, const char* what) {
  int64_t at = -1;
  for (int64_t i = 0; i < count + kGuard && at < 0; ++i)
    if (s.expected[i] != s.actual[i]) at = i;
  if (!kernel_work().guard_intact()) {
    record_failure(r, "int16 kernel wrote past its scratch", kernel_work().size, 0, 0);
  } else if (at >= 0) {
    record_failure(r, what, at, s.expected[at], s.actual[at]);
  }
  ++r.cases;
}

inline DiffResult run_conv_int16_cases(int32_t count, uint64_t seed, const CaseLimits& lim = {}) {
  Rng rng(seed);
  Int16Scratch& s = int16_scratch();
  Scratch& bytes = scratch();  // int8 filter source
  DiffResult r;
  while (r.cases < count) {
    const int32_t n = rng.range(1, 2);
    const int32_t kh = rng.range(1, 5), kw = rng.chance(30) ? 1 : rng.range(1, 7);
    Window w;
    w.stride_h = rng.range(1, 3);
    w.stride_w = rng.chance(70) ? w.stride_h : rng.range(1, 3);
    w.dilation_h = rng.chance(75) ? 1 : 2;
    w.dilation_w = rng.chance(75) ? 1 : 2;
    const int32_t in_c = rng.range(1, lim.max_c), out_c = rng.range(1, lim.max_out_c);
    const Dims4 in = dims(n, rng.range(1, lim.max_hw), rng.range(1, lim.max_hw), in_c);
    const bool same = rng.chance(50);
    int32_t oh, ow;
    if (!resolve_padding(same, in.h, kh, w.stride_h, w.dilation_h, &oh, &w.pad_top)) continue;
    if (!resolve_padding(same, in.w, kw, w.stride_w, w.dilation_w, &ow, &w.pad_left)) continue;
    const Dims4 filter = dims(out_c, kh, kw, in_c);
    const Dims4 out = dims(n, oh, ow, out_c);
    if (in.elements() > kMaxInput16 || filter.elements() > kMaxFilter || out.elements() > kMaxOutput16) continue;
    Requant rq;
    random_int16_requant(rng, out_c, &rq, s);
    random_int16_biases(rng, out_c, s);
    const bool bias32 = rng.chance(30), has_bias = !rng.chance(10);
    fill_random16(rng, s.input, in.elements());
    fill_random(rng, bytes.filter, filter.elements(), -127, 127);
    prepare_int16_outputs(rng, out.elements(), s);
    const KernelUnderTest& kernel = bias32 ? kConv2dInt16Bias32 : kConv2dInt16;
    void* work = optimized_work(kernel, scratch_query(w, 1, in, filter, out));
    if (work == nullptr) continue;
    if (bias32) {
      const int32_t* bias = has_bias ? s.bias32 : nullptr;
      reference::conv2d_int16_bias32(w, rq, in, s.input, filter, bytes.filter, bias, out, s.expected);
      optimized<kernels::Conv2dInt16Bias32Fn>(kernel)(w, rq, in, s.input, filter, bytes.filter, bias, out, s.actual,
                                                      work);
    } else {
      const int64_t* bias = has_bias ? s.bias64 : nullptr;
      reference::conv2d_int16(w, rq, in, s.input, filter, bytes.filter, bias, out, s.expected);
      optimized<kernels::Conv2dInt16Fn>(kernel)(w, rq, in, s.input, filter, bytes.filter, bias, out, s.actual, work);
    }
    char what[120];
    std::snprintf(what, sizeof what, "conv_int16%s in %dx%dx%dx%d filter %dx%d stride %d,%d dilation %d,%d out_c %d",
                  bias32 ? " (int32 bias)" : "", (int)in.n, (int)in.h, (int)in.w, (int)in.c, (int)kh, (int)kw,
                  (int)w.stride_h, (int)w.stride_w, (int)w.dilation_h, (int)w.dilation_w, (int)out_c);
    check_int16_case(r, out.elements(), s, what);
  }
  return r;
}

inline DiffResult run_fully_connected_int16_cases(int32_t count, uint64_t seed, int32_t max_depth = 700) {
  Rng rng(seed);
  Int16Scratch& s = int16_scratch();
  Scratch& bytes = scratch();  // int8 filter source
  DiffResult r;
  while (r.cases < count) {
    const int32_t batches = rng.range(1, 3);
    const int32_t depth = rng.chance(50) ? rng.range(1, 40) : rng.range(1, max_depth);
    const int32_t units = rng.range(1, 40);
    if (int64_t{batches} * depth > kMaxInput16 || int64_t{units} * depth > kMaxFilter ||
        int64_t{batches} * units > kMaxOutput16 || units > kMaxChannels)
      continue;
    Requant rq;
    random_int16_requant(rng, units, &rq, s);
    random_int16_biases(rng, units, s);
    const bool bias32 = rng.chance(30), has_bias = !rng.chance(10);
    fill_random16(rng, s.input, int64_t{batches} * depth);
    fill_random(rng, bytes.filter, int64_t{units} * depth, -127, 127);
    const int64_t out_count = int64_t{batches} * units;
    prepare_int16_outputs(rng, out_count, s);
    const KernelUnderTest& kernel = bias32 ? kFullyConnectedInt16Bias32 : kFullyConnectedInt16;
    void* work = optimized_work(kernel, scratch_query(Window{}, 1, dims(batches, 1, 1, depth), dims(units, 1, 1, depth),
                                                      dims(batches, 1, 1, units)));
    if (work == nullptr) continue;
    if (bias32) {
      const int32_t* bias = has_bias ? s.bias32 : nullptr;
      reference::fully_connected_int16_bias32(rq, batches, depth, units, s.input, bytes.filter, bias, s.expected);
      optimized<kernels::FullyConnectedInt16Bias32Fn>(kernel)(rq, batches, depth, units, s.input, bytes.filter, bias,
                                                              s.actual, work);
    } else {
      const int64_t* bias = has_bias ? s.bias64 : nullptr;
      reference::fully_connected_int16(rq, batches, depth, units, s.input, bytes.filter, bias, s.expected);
      optimized<kernels::FullyConnectedInt16Fn>(kernel)(rq, batches, depth, units, s.input, bytes.filter, bias,
                                                        s.actual, work);
    }
    char what[120];
    std::snprintf(what, sizeof what, "fully_connected_int16%s batches %d depth %d units %d",
                  bias32 ? " (int32 bias)" : "", (int)batches, (int)depth, (int)units);
    check_int16_case(r, out_count, s, what);
  }
  return r;
}

// DEPTHWISE_CONV_2D int16x8: depth multipliers 1-4 (1 most often, channel
// counts with and without a tail of 1-3), 3x3 and other filters, strides,
// dilations, SAME/VALID, per-channel or per-tensor requantization, int64 bias
// or none, extreme weights and activations (the largest sums), and filters
// of more than 511 taps (the reference fallback: an int32 sum could overflow).
inline DiffResult run_depthwise_int16_cases(int32_t count, uint64_t seed, const CaseLimits& lim = {}) {
  Rng rng(seed);
  Int16Scratch& s = int16_scratch();
  Scratch& bytes = scratch();  // int8 filter source
  DiffResult r;
  while (r.cases < count) {
    const int32_t n = rng.range(1, 2);
    const bool three = rng.chance(40), long_filter = !three && rng.chance(3);
    const int32_t fh = three ? 3 : long_filter ? 1 : rng.range(1, 5);
    const int32_t fw = three ? 3 : long_filter ? rng.range(505, 530) : rng.range(1, 7);
    Window w;
    w.stride_h = rng.range(1, 3);
    w.stride_w = rng.chance(70) ? w.stride_h : rng.range(1, 3);
    w.dilation_h = rng.chance(75) ? 1 : rng.range(2, 3);
    w.dilation_w = long_filter || rng.chance(75) ? 1 : rng.range(2, 3);
    const int32_t dm = rng.chance(60) ? 1 : rng.range(1, 4);
    const int32_t in_c = rng.chance(30) ? rng.range(1, 6) * 4 : rng.range(1, lim.max_c);
    const int32_t out_c = in_c * dm;
    if (out_c > kMaxChannels) continue;
    const int32_t in_w = long_filter ? fw + rng.range(0, 6) : rng.range(1, lim.max_hw);
    const Dims4 in = dims(n, rng.range(1, lim.max_hw), in_w, in_c);
    const bool same = rng.chance(50);
    int32_t oh, ow;
    if (!resolve_padding(same, in.h, fh, w.stride_h, w.dilation_h, &oh, &w.pad_top)) continue;
    if (!resolve_padding(same, in.w, fw, w.stride_w, w.dilation_w, &ow, &w.pad_left)) continue;
    const Dims4 filter = dims(1, fh, fw, out_c);
    const Dims4 out = dims(n, oh, ow, out_c);
    if (in.elements() > kMaxInput16 || filter.elements() > kMaxFilter || out.elements() > kMaxOutput16) continue;
    Requant rq;
    random_int16_requant(rng, out_c, &rq, s);
    random_int16_biases(rng, out_c, s);
    const int64_t* bias = rng.chance(10) ? nullptr : s.bias64;
    if (rng.chance(5)) {
      // The largest sums: INT16_MIN * -128 = 2^22 at every tap.
      for (int64_t i = 0; i < in.elements(); ++i) s.input[i] = INT16_MIN;
      fill_random(rng, bytes.filter, filter.elements(), -128, -128);
    } else {
      fill_random16(rng, s.input, in.elements());
      fill_random(rng, bytes.filter, filter.elements(), rng.chance(20) ? -128 : -127, 127);
    }
    prepare_int16_outputs(rng, out.elements(), s);
    void* work = optimized_work(kDepthwiseInt16, scratch_query(w, dm, in, filter, out));
    if (work == nullptr) continue;
    reference::depthwise_int16(w, dm, rq, in, s.input, filter, bytes.filter, bias, out, s.expected);
    optimized<kernels::DepthwiseInt16Fn>(kDepthwiseInt16)(w, dm, rq, in, s.input, filter, bytes.filter, bias, out,
                                                          s.actual, work);
    char what[120];
    std::snprintf(what, sizeof what,
                  "depthwise_int16 n%d in %dx%dx%d dm %d filter %dx%d stride %d,%d dil %d,%d pad %d,%d", (int)n,
                  (int)in.h, (int)in.w, (int)in_c, (int)dm, (int)fh, (int)fw, (int)w.stride_h, (int)w.stride_w,
                  (int)w.dilation_h, (int)w.dilation_w, (int)w.pad_top, (int)w.pad_left);
    check_int16_case(r, out.elements(), s, what);
  }
  return r;
}

// ADD int16 parameters as prepare_add_int16 derives them (left shift 15).
inline kernels::BinaryParams add_int16_params(double s1, int32_t zp1, double s2, int32_t zp2, double so, int32_t zo,
                                              int32_t act_min, int32_t act_max) {
  kernels::BinaryParams p;
  p.left_shift = 15;
  p.input1_offset = -zp1;
  p.input2_offset = -zp2;
  p.output_offset = zo;
  const quant::AddRealMultipliers real = quant::add_real_multipliers(s1, s2, so, p.left_shift);
  int shift = 0;
  quant::quantize_multiplier(real.input1, &p.input1_multiplier, &shift);
  p.input1_shift = shift;
  quant::quantize_multiplier(real.input2, &p.input2_multiplier, &shift);
  p.input2_shift = shift;
  quant::quantize_multiplier(real.output, &p.output_multiplier, &shift);
  p.output_shift = shift;
  p.act_min = act_min;
  p.act_max = act_max;
  return p;
}

// A random int16 zero point: 0 (TFLite's 16-bit rule, the usual case), the
// extremes, or anything.
inline int32_t random_zero_point16(Rng& rng, bool zero) {
  if (zero) return 0;
  if (rng.chance(20)) return rng.chance(50) ? INT16_MIN : INT16_MAX;
  return rng.range(INT16_MIN, INT16_MAX);
}

// ADD int16: ranks 0-5, each input the output's shape, broadcast along any
// dimensions, or a scalar; zero points 0 or anywhere in int16; equal scales
// (input multipliers of exactly 1/2), distant ones, output scales from far
// finer to far coarser; clamps (RELU at the output zero point, random).
inline DiffResult run_add_int16_cases(int32_t count, uint64_t seed) {
  Rng rng(seed);
  Int16Scratch& s = int16_scratch();
  constexpr int32_t kHalf = kMaxInput16 / 2;
  int16_t* const in1 = s.input;
  int16_t* const in2 = s.input + kHalf;
  DiffResult r;
  while (r.cases < count) {
    kernels::BroadcastShape shape;
    shape.rank = rng.chance(5) ? 0 : rng.range(1, 5);
    const bool scalar1 = rng.chance(10), scalar2 = !scalar1 && rng.chance(10);
    const int32_t broadcast_percent = rng.chance(50) ? 0 : 30;
    int64_t total = 1, count1 = 1, count2 = 1;
    for (int32_t d = 0; d < shape.rank; ++d) {
      shape.out[d] = rng.range(1, rng.chance(50) ? 24 : 5);
      shape.in1[d] = scalar1 || rng.chance(broadcast_percent) ? 1 : shape.out[d];
      shape.in2[d] = scalar2 || rng.chance(broadcast_percent) ? 1 : shape.out[d];
      total *= shape.out[d];
      count1 *= shape.in1[d];
      count2 *= shape.in2[d];
    }
    if (total > kMaxOutput16 || count1 > kHalf || count2 > kHalf) continue;
    const bool zero_points = rng.chance(60);
    const double s1 = std::exp(std::log(1e-6) + (std::log(1e-1) - std::log(1e-6)) * rng.unit());
    const double s2 = rng.chance(20) ? s1 : rng.chance(10) ? s1 * 1e-4 : std::exp(std::log(1e-6) + 11.5 * rng.unit());
    const double so =
        (s1 > s2 ? s1 : s2) * std::exp(std::log(1.0 / 256) + (std::log(64.0) - std::log(1.0 / 256)) * rng.unit());
    const int32_t zo = random_zero_point16(rng, zero_points || rng.chance(50));
    int32_t lo = INT16_MIN, hi = INT16_MAX;
    if (rng.chance(30)) {
      lo = rng.range(INT16_MIN, INT16_MAX);
      hi = rng.range(lo, INT16_MAX);
    } else if (rng.chance(30)) {
      lo = zo;  // RELU
    }
    const kernels::BinaryParams p = add_int16_params(s1, random_zero_point16(rng, zero_points), s2,
                                                     random_zero_point16(rng, zero_points), so, zo, lo, hi);
    fill_random16(rng, in1, count1);
    fill_random16(rng, in2, count2);
    prepare_int16_outputs(rng, total, s);
    void* work = optimized_work(kAddInt16, scratch_query(Window{}, 1, dims(1, 1, 1, static_cast<int32_t>(count1)),
                                                         dims(1, 1, 1, static_cast<int32_t>(count2)),
                                                         dims(1, 1, 1, static_cast<int32_t>(total))));
    if (work == nullptr) continue;
    reference::add_int16(p, shape, in1, in2, s.expected);
    optimized<kernels::BinaryFn<int16_t>>(kAddInt16)(p, shape, in1, in2, s.actual);
    char what[160];
    std::snprintf(what, sizeof what, "add_int16 rank %d elements %ld (%ld, %ld) zp %d,%d,%d scales %g %g -> %g",
                  (int)shape.rank, (long)total, (long)count1, (long)count2, (int)-p.input1_offset,
                  (int)-p.input2_offset, (int)zo, s1, s2, so);
    check_int16_case(r, total, s, what);
  }
  return r;
}

}  // namespace tinyinfer::diff
