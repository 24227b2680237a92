// Reference UNIDIRECTIONAL_SEQUENCE_LSTM int8 (TFLM's 8x8->16 integer LSTM):
// int8 input and hidden state, int8 weights, int32 biases, int16 cell state.
#include "ops/common/lstm_integer.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void unidirectional_sequence_lstm_int8(const LstmDims& dims, const LstmQuantParams& params, const LstmInt8Tensors& t,
                                       void* scratch) {
  lstm::integer_sequence(dims, params, t, scratch);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_int8,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_int8", KernelChoice::kReference,
                       signature({kI8, kI8, kI16, kI32}, kI8),
                       kernel_entry<kernels::LstmInt8Fn, kernels::reference::unidirectional_sequence_lstm_int8>(),
                       nullptr});

}  // namespace tinyinfer
