// UNIDIRECTIONAL_SEQUENCE_LSTM int8 for ARMv7E-M: TFLM's integer LSTM
// (common/lstm_integer.h) with its eight gate products per step on the
// FULLY_CONNECTED int8 inner loop (common/cortex_m7/mm8_dot.h). The input
// and hidden rows are widened once per step (x - zero point, int16 pairs)
// and serve all four gates; a weight zero point adds w_offset * sum(x +
// x_offset) per unit, the reference's sum regrouped. The int32 sums wrap
// as TFLM's do, so the gates are the reference's bit for bit; the rest of
// the step is the reference code. No weight preprocessing: the widened
// rows already carry the input offset.
#include "ops/common/cortex_m7/mm8_dot.h"
#include "ops/common/lstm_integer.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// The kernel's scratch: the reference's four state rows, then the widened
// input and hidden rows.
struct Int8LstmScratch {
  std::size_t bytes = 0;
  int16_t* state_rows;
  int16_t* input_row;
  int16_t* hidden_row;
  Int8LstmScratch(void* base, int32_t input_size, int32_t units) {
    ScratchCarver carve(base);
    state_rows = carve.take<int16_t>(4 * static_cast<std::size_t>(units));
    input_row = carve.take<int16_t>(mm8_row_entries(input_size));
    hidden_row = carve.take<int16_t>(mm8_row_entries(units));
    bytes = carve.bytes();
  }
};

// out[u] = int16(requantize(row . w[u] + w_offset * row_sum + bias[u])).
void gate_product(const int16_t* row, int32_t depth, int32_t row_sum, const int8_t* w, int32_t w_offset,
                  const int32_t* bias, const LstmScale& scale, int32_t units, int16_t* out) {
  const int32_t extra = static_cast<int32_t>(static_cast<uint32_t>(w_offset) * static_cast<uint32_t>(row_sum));
  mm8_dot_units(row, depth, w, 0, units, bias, extra, [&](int32_t u, int32_t acc) {
    out[u] = lstm::saturate_int16(quant::multiply_by_quantized_multiplier(acc, scale.multiplier, scale.shift));
  });
}

struct Int8GateProducts {
  const LstmDims& d;
  const LstmQuantParams& p;
  const LstmInt8Tensors& t;
  Int8LstmScratch rows;
  int32_t input_sum = 0, hidden_sum = 0;

  void begin_step(const int8_t* input, const int8_t* hidden) {
    input_sum = mm8_widen_row(input, d.input_size, p.input_offset, rows.input_row);
    hidden_sum = mm8_widen_row(hidden, d.units, p.hidden_offset, rows.hidden_row);
  }
  void products(int g, const int8_t*, const int8_t*, int16_t* input_product, int16_t* recurrent_product) {
    gate_product(rows.input_row, d.input_size, input_sum, t.input_weights[g], p.input_weight_offset[g], t.bias[g],
                 p.input_fc[g], d.units, input_product);
    gate_product(rows.hidden_row, d.units, hidden_sum, t.recurrent_weights[g], p.recurrent_weight_offset[g], nullptr,
                 p.recurrent_fc[g], d.units, recurrent_product);
  }
};

}  // namespace

std::size_t unidirectional_sequence_lstm_int8_scratch_bytes(int32_t input_size, int32_t units) {
  return Int8LstmScratch(nullptr, input_size, units).bytes;
}

void unidirectional_sequence_lstm_int8(const LstmDims& dims, const LstmQuantParams& params, const LstmInt8Tensors& t,
                                       void* scratch) {
  Int8GateProducts engine{dims, params, t, Int8LstmScratch(scratch, dims.input_size, dims.units)};
  lstm::integer_sequence(dims, params, t, engine.rows.state_rows, engine);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
std::size_t lstm_int8_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::unidirectional_sequence_lstm_int8_scratch_bytes(q.in.c, q.out.c);
}
}  // namespace

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_int8_cortex_m7,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_int8_cortex_m7",
                       KernelChoice::kOptimized, signature({kI8, kI8, kI16, kI32}, kI8),
                       kernel_entry<kernels::LstmInt8Fn, kernels::cortex_m7::unidirectional_sequence_lstm_int8>(),
                       lstm_int8_scratch});

}  // namespace tinyinfer
