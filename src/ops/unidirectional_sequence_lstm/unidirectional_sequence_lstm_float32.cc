// Reference UNIDIRECTIONAL_SEQUENCE_LSTM float32 (TFLM's order of
// operations): each gate is the FULLY_CONNECTED reference product of the
// input (with the bias) plus that of the hidden state, then LOGISTIC (TANH
// for the cell gate) through their reference kernels.
#include <algorithm>
#include <cstring>

#include "ops/common/lstm_sequence.h"
#include "ops/fully_connected/fully_connected.h"
#include "ops/logistic/logistic.h"
#include "ops/tanh/tanh.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unidirectional_sequence_lstm_float(const LstmDims& d, const LstmFloatParams& params, const LstmFloatTensors& t,
                                        void* scratch) {
  const lstm::StepBuffers<float> buffers(scratch, d.units);
  const int32_t n = d.units;
  const FloatClamp none;
  auto gate = [&](int g, const float* input, const float* hidden, float* out) {
    fully_connected_float(none, 1, d.input_size, n, input, t.input_weights[g], t.bias[g], out);
    fully_connected_float(none, 1, n, n, hidden, t.recurrent_weights[g], nullptr, buffers.gate[3]);
    for (int32_t i = 0; i < n; ++i) out[i] += buffers.gate[3][i];
    if (g == kLstmCellGate)
      tanh_float(n, out, out);
    else
      logistic_float(n, out, out);
  };
  lstm::for_each_step(d, t, [&](const float* input, float* hidden, float* cell, float* output) {
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
    tanh_float(n, cell, tanh_cell);
    for (int32_t i = 0; i < n; ++i) hidden[i] = tanh_cell[i] * out_gate[i];
    std::memcpy(output, hidden, sizeof(float) * static_cast<std::size_t>(n));
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_float32,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_float32", KernelChoice::kReference,
                       signature({kF32, kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::LstmFloatFn, kernels::reference::unidirectional_sequence_lstm_float>(),
                       nullptr});

}  // namespace tinyinfer
