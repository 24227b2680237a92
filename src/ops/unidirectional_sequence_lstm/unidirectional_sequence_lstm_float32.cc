// Reference UNIDIRECTIONAL_SEQUENCE_LSTM float32 (TFLM's order of
// operations, lstm_float_sequence.h): the gate products are the
// FULLY_CONNECTED reference kernel's.
#include "ops/fully_connected/fully_connected.h"
#include "ops/unidirectional_sequence_lstm/lstm_float_sequence.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unidirectional_sequence_lstm_float(const LstmDims& d, const LstmFloatParams& params, const LstmFloatTensors& t,
                                        void* scratch) {
  const FloatClamp none;
  lstm::float_sequence(d, params, t, scratch,
                       [&](const float* x, int32_t depth, const float* w, const float* bias, int32_t units,
                           float* out) { fully_connected_float(none, 1, depth, units, x, w, bias, out); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_float32,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_float32", KernelChoice::kReference,
                       signature({kF32, kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::LstmFloatFn, kernels::reference::unidirectional_sequence_lstm_float>(),
                       nullptr});

}  // namespace tinyinfer
