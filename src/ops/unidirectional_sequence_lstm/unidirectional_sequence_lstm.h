// UNIDIRECTIONAL_SEQUENCE_LSTM: its kernel types and kernels. TFLM's
// standard LSTM (no peephole, projection or layer norm): per time step the
// input, forget, cell and output gates are activation(input x W + bias +
// hidden x R); cell = forget * cell + input * cell gate; hidden = tanh(cell)
// * output gate, copied to the output row of the step. Hidden and cell state
// are variable tensors (kept across invokes, Interpreter::reset_state()).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kUnidirectionalSequenceLstmOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Gates in TFLite's tensor order (input 1 + gate, 5 + gate, 12 + gate).
enum LstmGate : int { kLstmInputGate = 0, kLstmForgetGate = 1, kLstmCellGate = 2, kLstmOutputGate = 3 };
constexpr int kLstmGates = 4;

struct LstmDims {
  int32_t batches = 1, steps = 1, input_size = 1, units = 1;
  bool time_major = false;  // input [steps, batches, input_size], else [batches, steps, input_size]
};

// The tensors of one LSTM, by role. Act: activation type (input, hidden,
// output); W: weights; Bias; Cell: cell state.
template <typename Act, typename W, typename Bias, typename Cell>
struct LstmTensors {
  const Act* input = nullptr;
  const W* input_weights[kLstmGates] = {};
  const W* recurrent_weights[kLstmGates] = {};
  const Bias* bias[kLstmGates] = {};
  Act* hidden = nullptr;
  Cell* cell = nullptr;
  Act* output = nullptr;
};
using LstmFloatTensors = LstmTensors<float, float, float, float>;
using LstmInt8Tensors = LstmTensors<int8_t, int8_t, int32_t, int16_t>;
using LstmInt16Tensors = LstmTensors<int16_t, int8_t, int64_t, int16_t>;

// A requantization: value * multiplier * 2^shift (TFLite's QuantizeMultiplier pair).
struct LstmScale {
  int32_t multiplier = 0;
  int32_t shift = 0;
};

// TFLM's integer LSTM: gate products requantized to int16 Q3.12, sigmoid
// and tanh on int16 (Q0.15 results), the cell state int16 at scale
// 2^cell_scale_power; the hidden state in the activation type.
struct LstmQuantParams {
  LstmScale input_fc[kLstmGates], recurrent_fc[kLstmGates];
  int32_t input_offset = 0, hidden_offset = 0;  // -zero points entering the gate products
  int32_t input_weight_offset[kLstmGates] = {}, recurrent_weight_offset[kLstmGates] = {};
  LstmScale forget_times_cell, input_times_cell_gate, output_times_tanh_cell;
  int32_t hidden_zero_point = 0, hidden_min = 0, hidden_max = 0;
  int32_t cell_scale_power = 0;  // cell scale = 2^cell_scale_power
  bool clip_cell = false;        // the model's cell_clip > 0
  int16_t cell_clip = 0;         // quantized (may round to 0: then the cell is clipped to 0, as in TFLM)
};

struct LstmFloatParams {
  float cell_clip = 0.0f;  // 0: no clipping
};

// `scratch`: lstm_scratch_bytes(units, cell element size), 4 rows of units.
using LstmFloatFn = void (*)(const LstmDims& dims, const LstmFloatParams& params, const LstmFloatTensors& t,
                             void* scratch);
using LstmInt8Fn = void (*)(const LstmDims& dims, const LstmQuantParams& params, const LstmInt8Tensors& t,
                            void* scratch);
using LstmInt16Fn = void (*)(const LstmDims& dims, const LstmQuantParams& params, const LstmInt16Tensors& t,
                             void* scratch);

inline std::size_t lstm_scratch_bytes(int32_t units, std::size_t cell_element_bytes) {
  return 4 * static_cast<std::size_t>(units) * cell_element_bytes;
}

namespace reference {
void unidirectional_sequence_lstm_float(const LstmDims& dims, const LstmFloatParams& params, const LstmFloatTensors& t,
                                        void* scratch);
void unidirectional_sequence_lstm_int8(const LstmDims& dims, const LstmQuantParams& params, const LstmInt8Tensors& t,
                                       void* scratch);
void unidirectional_sequence_lstm_int16(const LstmDims& dims, const LstmQuantParams& params, const LstmInt16Tensors& t,
                                        void* scratch);
}  // namespace reference

// Optimized variants (cortex_m7/): the gate products on the FULLY_CONNECTED
// kernels' inner loops, the rest of the step the reference's; int8 and int16
// bit-exact with the reference, float within float rounding. `scratch`: at
// least the *_scratch_bytes of the same sizes (the four state rows and the
// widened input and hidden rows). The op's ScratchQuery: in {batches, steps,
// 1, input_size}, out {batches, steps, 1, units}.
namespace cortex_m7 {
void unidirectional_sequence_lstm_float(const LstmDims& dims, const LstmFloatParams& params, const LstmFloatTensors& t,
                                        void* scratch);
void unidirectional_sequence_lstm_int8(const LstmDims& dims, const LstmQuantParams& params, const LstmInt8Tensors& t,
                                       void* scratch);
std::size_t unidirectional_sequence_lstm_int8_scratch_bytes(int32_t input_size, int32_t units);
void unidirectional_sequence_lstm_int16(const LstmDims& dims, const LstmQuantParams& params, const LstmInt16Tensors& t,
                                        void* scratch);
std::size_t unidirectional_sequence_lstm_int16_scratch_bytes(int32_t input_size, int32_t units);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
