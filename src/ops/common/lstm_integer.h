// TFLM's integer LSTM step (int8 or int16 activations, int8 weights, int16
// cell state), instantiated by the int8 and int16 UNIDIRECTIONAL_SEQUENCE_LSTM
// kernels. Gate products go to int16 Q3.12 (the bias only on the input
// product), are added with int16 saturation and go through the int16
// LOGISTIC / TANH reference kernels (Q0.15 results); the element products
// are requantized as TFLM's MUL does.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include "dsp/fixed_point.h"
#include "ops/common/lstm_sequence.h"
#include "ops/logistic/logistic.h"
#include "ops/tanh/tanh.h"

namespace tinyinfer::kernels::lstm {

inline int32_t wrap_int32(int64_t v) { return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(v))); }

// TFLite's MultiplyByQuantizedMultiplier for a 64-bit accumulator (16x8
// kernels): the multiplier rounded to 16 bits, one rounding shift. Callers
// keep shift < 8 (checked at prepare) so the shift stays in [8, 46].
inline int32_t multiply_by_quantized_multiplier_64(int64_t x, int32_t multiplier, int shift) {
  const int32_t reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
  const int total_shift = 15 - shift;
  const auto product = static_cast<uint64_t>(x) * static_cast<uint64_t>(reduced) + (uint64_t{1} << (total_shift - 1));
  return wrap_int32(static_cast<int64_t>(product) >> total_shift);
}

inline int32_t requantize(int64_t acc, int32_t /*bias_tag*/, const LstmScale& s) {
  return quant::multiply_by_quantized_multiplier(wrap_int32(acc), s.multiplier, s.shift);
}
inline int32_t requantize(int64_t acc, int64_t /*bias_tag*/, const LstmScale& s) {
  return multiply_by_quantized_multiplier_64(acc, s.multiplier, s.shift);
}

inline int16_t saturate_int16(int32_t v) {
  return static_cast<int16_t>(std::min<int32_t>(std::max<int32_t>(v, INT16_MIN), INT16_MAX));
}

// out[u] = int16(requantize(sum_d (w[u, d] + w_offset) * (x[d] + x_offset) + bias[u])): TFLM's
// per-tensor FULLY_CONNECTED into int16 with an int32 (int8 input) or int64 (int16 input)
// accumulator; the 32-bit sums wrap as TFLM's do.
template <typename In, typename Bias>
void gate_product(const In* x, int32_t depth, int32_t x_offset, const int8_t* w, int32_t w_offset, const Bias* bias,
                  const LstmScale& scale, int32_t units, int16_t* out) {
  for (int32_t u = 0; u < units; ++u) {
    const int8_t* row = w + int64_t{u} * depth;
    int64_t acc = 0;
    for (int32_t d = 0; d < depth; ++d) acc += (int32_t{row[d]} + w_offset) * (int32_t{x[d]} + x_offset);
    if (bias != nullptr) acc += bias[u];
    out[u] = saturate_int16(requantize(acc, Bias{}, scale));
  }
}

// out[i] = clamp(zero_point + requantize(a[i] * b[i])): TFLM's int16 MUL.
template <typename Out>
void multiply(const int16_t* a, const int16_t* b, int32_t n, const LstmScale& s, int32_t zero_point, int32_t min,
              int32_t max, Out* out) {
  for (int32_t i = 0; i < n; ++i) {
    const int32_t v = zero_point + quant::multiply_by_quantized_multiplier(int32_t{a[i]} * b[i], s.multiplier, s.shift);
    out[i] = static_cast<Out>(std::min(std::max(v, min), max));
  }
}

// The gate products of integer_sequence, one scalar loop per unit (the
// reference). An optimized engine (cortex_m7/) offers the same two calls:
// begin_step before a step's gates, products for each gate.
template <typename Act, typename Bias>
struct ScalarGateProducts {
  const LstmDims& d;
  const LstmQuantParams& p;
  const LstmTensors<Act, int8_t, Bias, int16_t>& t;

  void begin_step(const Act* /*input*/, const Act* /*hidden*/) {}
  // input_product = input x W[g] + bias[g], recurrent_product = hidden x R[g], both int16 Q3.12.
  void products(int g, const Act* input, const Act* hidden, int16_t* input_product, int16_t* recurrent_product) {
    gate_product(input, d.input_size, p.input_offset, t.input_weights[g], p.input_weight_offset[g], t.bias[g],
                 p.input_fc[g], d.units, input_product);
    gate_product(hidden, d.units, p.hidden_offset, t.recurrent_weights[g], p.recurrent_weight_offset[g],
                 static_cast<const Bias*>(nullptr), p.recurrent_fc[g], d.units, recurrent_product);
  }
};

template <typename Act, typename Bias, typename Products>
void integer_sequence(const LstmDims& d, const LstmQuantParams& p, const LstmTensors<Act, int8_t, Bias, int16_t>& t,
                      void* scratch, Products& engine) {
  const StepBuffers<int16_t> buffers(scratch, d.units);
  const int32_t n = d.units;
  // One gate into `out`, buffer 3 holding the recurrent product.
  auto gate = [&](int g, const Act* input, const Act* hidden, int16_t* out) {
    engine.products(g, input, hidden, out, buffers.gate[3]);
    for (int32_t i = 0; i < n; ++i) out[i] = saturate_int16(int32_t{out[i]} + buffers.gate[3][i]);
    SigmoidQuantParams q12;  // Q3.12 input: multiplier 0, shift 0
    if (g == kLstmCellGate)
      reference::tanh_int16(q12, n, out, out);
    else
      reference::logistic_int16(q12, n, out, out);
  };
  // tanh of the cell state: its scale 2^power onto the Q3.12 grid (TFLM).
  SigmoidQuantParams cell_tanh;
  cell_tanh.input_left_shift = 15 + p.cell_scale_power - 3;
  if (cell_tanh.input_left_shift < 0) {
    cell_tanh.input_left_shift = -cell_tanh.input_left_shift;
    cell_tanh.input_multiplier = 3;
  }
  for_each_step(d, t, [&](const Act* input, Act* hidden, int16_t* cell, Act* output) {
    engine.begin_step(input, hidden);
    int16_t* forget = buffers.gate[0];
    int16_t* in_gate = buffers.gate[1];
    int16_t* cell_gate = buffers.gate[2];
    gate(kLstmForgetGate, input, hidden, forget);
    gate(kLstmInputGate, input, hidden, in_gate);
    gate(kLstmCellGate, input, hidden, cell_gate);
    multiply(forget, cell, n, p.forget_times_cell, 0, INT16_MIN, INT16_MAX, cell);
    multiply(in_gate, cell_gate, n, p.input_times_cell_gate, 0, INT16_MIN, INT16_MAX, in_gate);
    for (int32_t i = 0; i < n; ++i) {
      int16_t v = saturate_int16(int32_t{cell[i]} + in_gate[i]);
      if (p.clip_cell) v = std::max<int16_t>(std::min<int16_t>(p.cell_clip, v), static_cast<int16_t>(-p.cell_clip));
      cell[i] = v;
    }
    int16_t* out_gate = buffers.gate[1];
    gate(kLstmOutputGate, input, hidden, out_gate);
    int16_t* tanh_cell = buffers.gate[0];
    reference::tanh_int16(cell_tanh, n, cell, tanh_cell);
    multiply(tanh_cell, out_gate, n, p.output_times_tanh_cell, p.hidden_zero_point, p.hidden_min, p.hidden_max, hidden);
    std::memcpy(output, hidden, sizeof(Act) * static_cast<std::size_t>(n));
  });
}

template <typename Act, typename Bias>
void integer_sequence(const LstmDims& d, const LstmQuantParams& p, const LstmTensors<Act, int8_t, Bias, int16_t>& t,
                      void* scratch) {
  ScalarGateProducts<Act, Bias> reference{d, p, t};
  integer_sequence(d, p, t, scratch, reference);
}

}  // namespace tinyinfer::kernels::lstm
