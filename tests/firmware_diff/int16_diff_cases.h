// Differential cases of the optimized int16x8 kernels (int16 activations,
// int8 weights) against their reference twins: random depths (tails of 1-3),
// unit counts (odd too), per-channel or per-tensor requantization, int64 and
// int32 biases (TFLite's int64 / wrapping int32 accumulators), clamps and
// activations across the whole int16 range. Header-only, heap-free and
// printf-free: the same cases run on the host (tests/unit/arm_int16_diff_test.cc)
// and on the emulated Cortex-M7 (tests/firmware_diff/diff_main.cc).
// Results must match bit for bit.
#pragma once

#include <cstdint>

#include "int8_diff_cases.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/fully_connected/fully_connected.h"

namespace tinyinfer::diff {

constexpr DataType kI16 = DataType::kInt16, kI64 = DataType::kInt64;
constexpr KernelUnderTest kFullyConnectedInt16{&kFullyConnectedOp, signature({kI16, kI8, kI64}, kI16)};
constexpr KernelUnderTest kFullyConnectedInt16Bias32{&kFullyConnectedOp, signature({kI16, kI8, kI32}, kI16)};
constexpr KernelUnderTest kConv2dInt16{&kConv2dOp, signature({kI16, kI8, kI64}, kI16)};
constexpr KernelUnderTest kConv2dInt16Bias32{&kConv2dOp, signature({kI16, kI8, kI32}, kI16)};

// Null when every int16x8 kernel under test has its optimized variant, else
// the first one missing.
inline const char* first_missing_int16_kernel() {
  if (optimized_kernel(kFullyConnectedInt16) == nullptr) return "fully_connected_int16";
  if (optimized_kernel(kFullyConnectedInt16Bias32) == nullptr) return "fully_connected_int16_bias32";
  if (optimized_kernel(kConv2dInt16) == nullptr) return "conv_int16";
  if (optimized_kernel(kConv2dInt16Bias32) == nullptr) return "conv_int16_bias32";
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
// the int16 range or a clamp inside it.
inline void random_int16_requant(Rng& rng, int32_t channels, Requant* rq, Int16Scratch& s) {
  const bool per_tensor = rng.chance(20);
  for (int32_t c = 0; c < channels; ++c) {
    if (per_tensor && c > 0) {
      s.multipliers[c] = s.multipliers[0];
      s.shifts[c] = s.shifts[0];
      continue;
    }
    const double scale = std::exp(std::log(1e-6) + (std::log(1e-1) - std::log(1e-6)) * rng.unit());
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
  // Full-range activations, or small ones as real layers mostly have.
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

}  // namespace tinyinfer::diff
