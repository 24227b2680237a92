// The float32 UNIDIRECTIONAL_SEQUENCE_LSTM in TFLM's order of operations,
// for the reference and the optimized kernel: each gate is a FULLY_CONNECTED
// product of the input (with the bias) plus that of the hidden state, then
// LOGISTIC (TANH for the cell gate) through their reference kernels. The
// kernels differ only in the product: product(x, depth, weights, bias or
// null, units, out) = out[u] = x . weights[u] (+ bias[u]).
#pragma once

#include <algorithm>
#include <cstring>

#include "ops/common/lstm_sequence.h"
#include "ops/logistic/logistic.h"
#include "ops/tanh/tanh.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"

namespace tinyinfer::kernels::lstm {

template <typename Product>
void float_sequence(const LstmDims& d, const LstmFloatParams& params, const LstmFloatTensors& t, void* scratch,
                    Product product) {
  const StepBuffers<float> buffers(scratch, d.units);
  const int32_t n = d.units;
  auto gate = [&](int g, const float* input, const float* hidden, float* out) {
    product(input, d.input_size, t.input_weights[g], t.bias[g], n, out);
    product(hidden, n, t.recurrent_weights[g], nullptr, n, buffers.gate[3]);
    for (int32_t i = 0; i < n; ++i) out[i] += buffers.gate[3][i];
    if (g == kLstmCellGate)
      reference::tanh_float(n, out, out);
    else
      reference::logistic_float(n, out, out);
  };
  for_each_step(d, t, [&](const float* input, float* hidden, float* cell, float* output) {
    float* forget = buffers.gate[0];
    float* in_gate = buffers.gate[1];
    float* cell_gate = buffers.gate[2];
    gate(kLstmForgetGate, input, hidden, forget);
    gate(kLstmInputGate, input, hidden, in_gate);
    gate(kLstmCellGate, input, hidden, cell_gate);
    for (int32_t i = 0; i < n; ++i) {
      float c = forget[i] * cell[i] + in_gate[i] * cell_gate[i];
      if (params.cell_clip > 0.0f) c = std::max(std::min(params.cell_clip, c), -params.cell_clip);
      cell[i] = c;
    }
    float* out_gate = buffers.gate[1];
    gate(kLstmOutputGate, input, hidden, out_gate);
    float* tanh_cell = buffers.gate[0];
    reference::tanh_float(n, cell, tanh_cell);
    for (int32_t i = 0; i < n; ++i) hidden[i] = tanh_cell[i] * out_gate[i];
    std::memcpy(output, hidden, sizeof(float) * static_cast<std::size_t>(n));
  });
}

}  // namespace tinyinfer::kernels::lstm
