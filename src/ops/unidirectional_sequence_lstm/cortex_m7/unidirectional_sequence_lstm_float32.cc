// UNIDIRECTIONAL_SEQUENCE_LSTM float32 for the Cortex-M7: TFLM's float LSTM
// (lstm_float_sequence.h) with its gate products on the optimized
// FULLY_CONNECTED float kernel (FPv5 register-blocked dot products). Equal
// to the reference within float rounding: the dot products' order of
// multiply-adds (and their fusing on the M7) differs from the reference's.
#include "ops/fully_connected/fully_connected.h"
#include "ops/unidirectional_sequence_lstm/lstm_float_sequence.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {

void unidirectional_sequence_lstm_float(const LstmDims& d, const LstmFloatParams& params, const LstmFloatTensors& t,
                                        void* scratch) {
  const FloatClamp none;
  lstm::float_sequence(d, params, t, scratch,
                       [&](const float* x, int32_t depth, const float* w, const float* bias, int32_t units,
                           float* out) { fully_connected_float(none, 1, depth, units, x, w, bias, out, nullptr); });
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_float32_cortex_m7,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_float32_cortex_m7",
                       KernelChoice::kOptimized, signature({kF32, kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::LstmFloatFn, kernels::cortex_m7::unidirectional_sequence_lstm_float>(),
                       nullptr});

}  // namespace tinyinfer
