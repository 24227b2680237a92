// Differential cases of the optimized UNIDIRECTIONAL_SEQUENCE_LSTM kernels
// (gate products on the FULLY_CONNECTED inner loops) against the reference:
// random LSTMs of 1-3 batches, 1-8 time steps, input and cell sizes 1..max
// (odd ones and ones that are not multiples of 4 included), time- and
// batch-major, with and without biases, per-tensor weights with zero or
// nonzero zero points, gate scales from tiny to large, random states, cell
// clipping. int8 and int16 outputs, hidden and cell state must match byte
// for byte; float within float rounding (the dot products' order differs).
// Header-only, heap-free and printf-free beyond snprintf, as the other
// *_diff_cases.h: the host unit test runs them (tests/unit/arm_lstm_diff_test.cc).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "int8_diff_cases.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"

namespace tinyinfer::diff {

constexpr KernelUnderTest kLstmFloat{&kUnidirectionalSequenceLstmOp, signature({kF32, kF32, kF32, kF32}, kF32)};
constexpr KernelUnderTest kLstmInt8{&kUnidirectionalSequenceLstmOp, signature({kI8, kI8, DataType::kInt16, kI32}, kI8)};
constexpr KernelUnderTest kLstmInt16{
    &kUnidirectionalSequenceLstmOp,
    signature({DataType::kInt16, kI8, DataType::kInt16, DataType::kInt64}, DataType::kInt16)};

inline const char* first_missing_lstm_kernel() {
  if (optimized_kernel(kLstmFloat) == nullptr) return "unidirectional_sequence_lstm_float32";
  if (optimized_kernel(kLstmInt8) == nullptr) return "unidirectional_sequence_lstm_int8";
  if (optimized_kernel(kLstmInt16) == nullptr) return "unidirectional_sequence_lstm_int16";
  return nullptr;
}

constexpr int32_t kLstmMaxSize = 40;  // input size and units
constexpr int32_t kLstmMaxRows = 3 * 8;
constexpr int32_t kLstmGuard = 8;

// One LSTM's tensors, the reference's and the optimized kernel's states
// and outputs apart (each followed by a guard).
template <typename Act, typename W, typename Bias, typename Cell>
struct LstmBuffers {
  Act input[kLstmMaxRows * kLstmMaxSize];
  W input_weights[kernels::kLstmGates][kLstmMaxSize * kLstmMaxSize];
  W recurrent_weights[kernels::kLstmGates][kLstmMaxSize * kLstmMaxSize];
  Bias bias[kernels::kLstmGates][kLstmMaxSize];
  Act hidden[2][3 * kLstmMaxSize + kLstmGuard];
  Cell cell[2][3 * kLstmMaxSize + kLstmGuard];
  Act output[2][kLstmMaxRows * kLstmMaxSize + kLstmGuard];
  alignas(16) Cell reference_scratch[4 * kLstmMaxSize];

  kernels::LstmTensors<Act, W, Bias, Cell> tensors(int which, bool with_bias) {
    kernels::LstmTensors<Act, W, Bias, Cell> t;
    t.input = input;
    for (int g = 0; g < kernels::kLstmGates; ++g) {
      t.input_weights[g] = input_weights[g];
      t.recurrent_weights[g] = recurrent_weights[g];
      t.bias[g] = with_bias ? bias[g] : nullptr;
    }
    t.hidden = hidden[which];
    t.cell = cell[which];
    t.output = output[which];
    return t;
  }
};

template <typename Act, typename W, typename Bias, typename Cell>
LstmBuffers<Act, W, Bias, Cell>& lstm_buffers() {
  static LstmBuffers<Act, W, Bias, Cell> b;
  return b;
}

inline kernels::LstmDims random_lstm_dims(Rng& rng, int32_t max_size) {
  kernels::LstmDims d;
  d.batches = rng.range(1, 3);
  d.steps = rng.range(1, 8);
  d.input_size = rng.chance(50) ? rng.range(1, 9) : rng.range(1, max_size);
  d.units = rng.chance(50) ? rng.range(1, 9) : rng.range(1, max_size);
  d.time_major = rng.chance(50);
  return d;
}

inline kernels::LstmScale lstm_scale(double real) {
  kernels::LstmScale s;
  int shift = 0;
  quant::quantize_multiplier(real, &s.multiplier, &shift);
  s.shift = shift;
  return s;
}

inline double log_uniform(Rng& rng, double lo, double hi) {
  return std::exp(std::log(lo) + (std::log(hi) - std::log(lo)) * rng.unit());
}

// Quantization as prepare_quant derives it, from random scales: gate
// product scales from 1e-5 up to max_gate_scale (int16: below 2^7, the
// 64-bit requantization's limit), zero points over the activation range
// (int16: mostly 0, TFLite's 16x8 rule) and sometimes weight zero points.
inline kernels::LstmQuantParams random_lstm_quant(Rng& rng, bool wide) {
  kernels::LstmQuantParams q;
  const double max_gate_scale = wide ? 60.0 : 4.0;
  for (int g = 0; g < kernels::kLstmGates; ++g) {
    q.input_fc[g] = lstm_scale(log_uniform(rng, 1e-5, max_gate_scale));
    q.recurrent_fc[g] = lstm_scale(log_uniform(rng, 1e-5, max_gate_scale));
    q.input_weight_offset[g] = rng.chance(20) ? -rng.range(-127, 127) : 0;
    q.recurrent_weight_offset[g] = rng.chance(20) ? -rng.range(-127, 127) : 0;
  }
  if (wide) {
    q.input_offset = rng.chance(15) ? -rng.range(-1000, 1000) : 0;
    q.hidden_offset = rng.chance(15) ? -rng.range(-1000, 1000) : 0;
  } else {
    q.input_offset = -rng.range(-128, 127);
    q.hidden_offset = -rng.range(-128, 127);
  }
  q.cell_scale_power = rng.range(-15, -9);
  const double cell_scale = std::ldexp(1.0, q.cell_scale_power);
  const double hidden_scale = log_uniform(rng, 1e-5, 1e-1);
  constexpr double kGateOutput = 1.0 / 32768.0;
  q.forget_times_cell = lstm_scale(kGateOutput);
  q.input_times_cell_gate = lstm_scale(kGateOutput * kGateOutput / cell_scale);
  q.output_times_tanh_cell = lstm_scale(kGateOutput * kGateOutput / hidden_scale);
  q.hidden_zero_point = -q.hidden_offset;
  q.hidden_min = wide ? INT16_MIN : INT8_MIN;
  q.hidden_max = wide ? INT16_MAX : INT8_MAX;
  q.clip_cell = rng.chance(30);
  q.cell_clip = static_cast<int16_t>(rng.range(0, 32767));
  return q;
}

template <typename T>
void fill_lstm_random(Rng& rng, T* data, int64_t count, int32_t lo, int32_t hi) {
  for (int64_t i = 0; i < count; ++i) data[i] = static_cast<T>(rng.range(lo, hi));
}
inline void fill_lstm_random(Rng& rng, float* data, int64_t count, int32_t lo, int32_t hi) {
  for (int64_t i = 0; i < count; ++i) data[i] = static_cast<float>(lo + (hi - lo) * rng.unit());
}
inline void fill_lstm_random(Rng& rng, int64_t* data, int64_t count, int32_t lo, int32_t hi) {
  for (int64_t i = 0; i < count; ++i) data[i] = int64_t{rng.range(lo, hi)} * (rng.chance(10) ? 4096 : 1);
}

inline bool lstm_values_match(int8_t a, int8_t b) { return a == b; }
inline bool lstm_values_match(int16_t a, int16_t b) { return a == b; }
inline bool lstm_values_match(float a, float b) {
  if (std::memcmp(&a, &b, sizeof a) == 0) return true;  // guards: same bits
  return std::fabs(a - b) <= 1e-4f * (1.0f + std::fabs(a));
}

// Index of the first mismatch in count values plus the guard, or -1.
template <typename T>
int64_t lstm_first_mismatch(const T* expected, const T* actual, int64_t count) {
  for (int64_t i = 0; i < count + kLstmGuard; ++i)
    if (!lstm_values_match(expected[i], actual[i])) return i;
  return -1;
}

// Random ranges per type: activations and states over their type (float:
// [-1, 1], cell [-3, 3]), biases as converters make them.
struct LstmRanges {
  int32_t act_lo, act_hi, weight_lo, weight_hi, bias_lo, bias_hi, cell_lo, cell_hi;
};

template <typename Act, typename W, typename Bias, typename Cell, typename Fn, typename Params>
void run_lstm_case(Rng& rng, DiffResult& r, const kernels::LstmDims& d, const Params& params, const LstmRanges& ranges,
                   Fn reference_fn, Fn optimized_fn, void* work, const char* what) {
  auto& b = lstm_buffers<Act, W, Bias, Cell>();
  const int64_t rows = int64_t{d.batches} * d.steps;
  fill_lstm_random(rng, b.input, rows * d.input_size, ranges.act_lo, ranges.act_hi);
  for (int g = 0; g < kernels::kLstmGates; ++g) {
    fill_lstm_random(rng, b.input_weights[g], int64_t{d.units} * d.input_size, ranges.weight_lo, ranges.weight_hi);
    fill_lstm_random(rng, b.recurrent_weights[g], int64_t{d.units} * d.units, ranges.weight_lo, ranges.weight_hi);
    fill_lstm_random(rng, b.bias[g], d.units, ranges.bias_lo, ranges.bias_hi);
  }
  const int64_t states = int64_t{d.batches} * d.units;
  fill_lstm_random(rng, b.hidden[0], states + kLstmGuard, ranges.act_lo, ranges.act_hi);
  fill_lstm_random(rng, b.cell[0], states + kLstmGuard, ranges.cell_lo, ranges.cell_hi);
  fill_lstm_random(rng, b.output[0], rows * d.units + kLstmGuard, ranges.act_lo, ranges.act_hi);
  std::memcpy(b.hidden[1], b.hidden[0], sizeof b.hidden[0]);
  std::memcpy(b.cell[1], b.cell[0], sizeof b.cell[0]);
  std::memcpy(b.output[1], b.output[0], sizeof b.output[0]);
  const bool with_bias = !rng.chance(10);
  reference_fn(d, params, b.tensors(0, with_bias), b.reference_scratch);
  optimized_fn(d, params, b.tensors(1, with_bias), work);
  const char* part = nullptr;
  int64_t at = lstm_first_mismatch(b.output[0], b.output[1], rows * d.units);
  double expected = 0, actual = 0;
  if (at >= 0) {
    part = "output";
    expected = static_cast<double>(b.output[0][at]);
    actual = static_cast<double>(b.output[1][at]);
  } else if ((at = lstm_first_mismatch(b.hidden[0], b.hidden[1], states)) >= 0) {
    part = "hidden";
    expected = static_cast<double>(b.hidden[0][at]);
    actual = static_cast<double>(b.hidden[1][at]);
  } else if ((at = lstm_first_mismatch(b.cell[0], b.cell[1], states)) >= 0) {
    part = "cell";
    expected = static_cast<double>(b.cell[0][at]);
    actual = static_cast<double>(b.cell[1][at]);
  }
  if (part == nullptr && !kernel_work().guard_intact()) part = "scratch guard";
  if (part != nullptr) {
    ++r.mismatches;
    if (r.first_failure[0] == '\0')
      std::snprintf(r.first_failure, sizeof r.first_failure,
                    "case %d: %s %s at %lld: expected %g got %g (batches %d steps %d input %d units %d %s%s)",
                    static_cast<int>(r.cases), what, part, static_cast<long long>(at), expected, actual,
                    static_cast<int>(d.batches), static_cast<int>(d.steps), static_cast<int>(d.input_size),
                    static_cast<int>(d.units), d.time_major ? "time major" : "batch major",
                    with_bias ? "" : ", no bias");
  }
  ++r.cases;
}

inline kernels::ScratchQuery lstm_scratch_query(const kernels::LstmDims& d) {
  return scratch_query(Window{}, 1, dims(d.batches, d.steps, 1, d.input_size), dims(1, 1, 1, 1),
                       dims(d.batches, d.steps, 1, d.units));
}

// The optimized kernel's scratch: its own size, at least the reference's
// four state rows (the op plans the larger of the two).
inline void* lstm_work(const KernelUnderTest& k, const kernels::LstmDims& d, std::size_t cell_bytes) {
  const OpKernel* kernel = optimized_kernel(k);
  std::size_t bytes =
      kernel != nullptr && kernel->scratch_bytes != nullptr ? kernel->scratch_bytes(lstm_scratch_query(d)) : 0;
  const std::size_t state_rows = kernels::lstm_scratch_bytes(d.units, cell_bytes);
  return kernel_work().prepare(bytes > state_rows ? bytes : state_rows);
}

inline DiffResult run_lstm_int8_cases(int32_t count, uint64_t seed, int32_t max_size = kLstmMaxSize) {
  Rng rng(seed);
  DiffResult r;
  const LstmRanges ranges{-128, 127, -127, 127, -(1 << 17), 1 << 17, -32768, 32767};
  while (r.cases < count) {
    const kernels::LstmDims d = random_lstm_dims(rng, max_size);
    const kernels::LstmQuantParams q = random_lstm_quant(rng, false);
    void* work = lstm_work(kLstmInt8, d, sizeof(int16_t));
    run_lstm_case<int8_t, int8_t, int32_t, int16_t, kernels::LstmInt8Fn>(
        rng, r, d, q, ranges, &kernels::reference::unidirectional_sequence_lstm_int8,
        optimized<kernels::LstmInt8Fn>(kLstmInt8), work, "lstm int8");
  }
  return r;
}

inline DiffResult run_lstm_int16_cases(int32_t count, uint64_t seed, int32_t max_size = kLstmMaxSize) {
  Rng rng(seed);
  DiffResult r;
  const LstmRanges ranges{-32768, 32767, -127, 127, -(1 << 20), 1 << 20, -32768, 32767};
  while (r.cases < count) {
    const kernels::LstmDims d = random_lstm_dims(rng, max_size);
    const kernels::LstmQuantParams q = random_lstm_quant(rng, true);
    void* work = lstm_work(kLstmInt16, d, sizeof(int16_t));
    run_lstm_case<int16_t, int8_t, int64_t, int16_t, kernels::LstmInt16Fn>(
        rng, r, d, q, ranges, &kernels::reference::unidirectional_sequence_lstm_int16,
        optimized<kernels::LstmInt16Fn>(kLstmInt16), work, "lstm int16");
  }
  return r;
}

inline DiffResult run_lstm_float_cases(int32_t count, uint64_t seed, int32_t max_size = kLstmMaxSize) {
  Rng rng(seed);
  DiffResult r;
  const LstmRanges ranges{-1, 1, -1, 1, -1, 1, -3, 3};
  while (r.cases < count) {
    const kernels::LstmDims d = random_lstm_dims(rng, max_size);
    kernels::LstmFloatParams params;
    params.cell_clip = rng.chance(30) ? static_cast<float>(0.5 + 2.0 * rng.unit()) : 0.0f;
    void* work = lstm_work(kLstmFloat, d, sizeof(float));
    run_lstm_case<float, float, float, float, kernels::LstmFloatFn>(
        rng, r, d, params, ranges, &kernels::reference::unidirectional_sequence_lstm_float,
        optimized<kernels::LstmFloatFn>(kLstmFloat), work, "lstm float");
  }
  return r;
}

}  // namespace tinyinfer::diff
