// Reference UNIDIRECTIONAL_SEQUENCE_LSTM int16 (TFLM's 16x8->16 integer
// LSTM): int16 input and hidden state, int8 weights, int64 biases, int16
// cell state.
#include "ops/common/lstm_integer.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unidirectional_sequence_lstm_int16(const LstmDims& dims, const LstmQuantParams& params, const LstmInt16Tensors& t,
                                        void* scratch) {
  lstm::integer_sequence(dims, params, t, scratch);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_int16,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_int16", KernelChoice::kReference,
                       signature({kI16, kI8, kI16, kI64}, kI16),
                       kernel_entry<kernels::LstmInt16Fn, kernels::reference::unidirectional_sequence_lstm_int16>(),
                       nullptr});

}  // namespace tinyinfer
