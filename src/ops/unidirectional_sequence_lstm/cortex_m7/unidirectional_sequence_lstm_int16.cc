// UNIDIRECTIONAL_SEQUENCE_LSTM int16 (16x8) for ARMv7E-M: TFLM's integer
// LSTM (common/lstm_integer.h) with its gate products on the int16x8
// FULLY_CONNECTED inner loop (common/cortex_m7/mm16_dot.h): the input and
// hidden rows are paired once per step and serve all four gates, each unit
// one SMLALD per 2 MACs into an exact int64 sum, then TFLite's 64-bit
// requantization, as the reference. Products with a nonzero input or weight
// zero point (TFLite's 16x8 scheme has none) take the reference loop.
#include "ops/common/cortex_m7/mm16_dot.h"
#include "ops/common/lstm_integer.h"
#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

// The kernel's scratch: the reference's four state rows, then the paired
// input and hidden rows.
struct Int16LstmScratch {
  std::size_t bytes = 0;
  int16_t* state_rows;
  int16_t* input_row;
  int16_t* hidden_row;
  Int16LstmScratch(void* base, int32_t input_size, int32_t units) {
    ScratchCarver carve(base);
    state_rows = carve.take<int16_t>(4 * static_cast<std::size_t>(units));
    input_row = reinterpret_cast<int16_t*>(carve.take<uint8_t>(mm16_row_bytes(input_size)));
    hidden_row = reinterpret_cast<int16_t*>(carve.take<uint8_t>(mm16_row_bytes(units)));
    bytes = carve.bytes();
  }
};

// out[u] = int16(requantize64(row . w[u] + bias[u])), the row paired.
void gate_product(const int16_t* row, int32_t depth, const int8_t* w, const int64_t* bias, const LstmScale& scale,
                  int32_t units, int16_t* out) {
  Requant rq;
  rq.multipliers = &scale.multiplier;
  rq.shifts = &scale.shift;
  rq.per_channel = false;
  rq.act_min = INT16_MIN;
  rq.act_max = INT16_MAX;
  mm16_dot_units(row, depth, w, units, bias, rq, out, 1);
}

struct Int16GateProducts {
  const LstmDims& d;
  const LstmQuantParams& p;
  const LstmInt16Tensors& t;
  Int16LstmScratch rows;

  void begin_step(const int16_t* input, const int16_t* hidden) {
    mm16_pair_row(input, d.input_size, rows.input_row);
    mm16_pair_row(hidden, d.units, rows.hidden_row);
  }
  void products(int g, const int16_t* input, const int16_t* hidden, int16_t* input_product,
                int16_t* recurrent_product) {
    if (p.input_offset == 0 && p.input_weight_offset[g] == 0)
      gate_product(rows.input_row, d.input_size, t.input_weights[g], t.bias[g], p.input_fc[g], d.units, input_product);
    else
      lstm::gate_product(input, d.input_size, p.input_offset, t.input_weights[g], p.input_weight_offset[g], t.bias[g],
                         p.input_fc[g], d.units, input_product);
    if (p.hidden_offset == 0 && p.recurrent_weight_offset[g] == 0)
      gate_product(rows.hidden_row, d.units, t.recurrent_weights[g], nullptr, p.recurrent_fc[g], d.units,
                   recurrent_product);
    else
      lstm::gate_product(hidden, d.units, p.hidden_offset, t.recurrent_weights[g], p.recurrent_weight_offset[g],
                         static_cast<const int64_t*>(nullptr), p.recurrent_fc[g], d.units, recurrent_product);
  }
};

}  // namespace

std::size_t unidirectional_sequence_lstm_int16_scratch_bytes(int32_t input_size, int32_t units) {
  return Int16LstmScratch(nullptr, input_size, units).bytes;
}

void unidirectional_sequence_lstm_int16(const LstmDims& dims, const LstmQuantParams& params, const LstmInt16Tensors& t,
                                        void* scratch) {
  Int16GateProducts engine{dims, params, t, Int16LstmScratch(scratch, dims.input_size, dims.units)};
  lstm::integer_sequence(dims, params, t, engine.rows.state_rows, engine);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

namespace {
std::size_t lstm_int16_scratch(const kernels::ScratchQuery& q) {
  return kernels::cortex_m7::unidirectional_sequence_lstm_int16_scratch_bytes(q.in.c, q.out.c);
}
}  // namespace

TINYINFER_KERNEL_LIST(unidirectional_sequence_lstm_int16_cortex_m7,
                      {&kUnidirectionalSequenceLstmOp, "unidirectional_sequence_lstm_int16_cortex_m7",
                       KernelChoice::kOptimized, signature({kI16, kI8, kI16, kI64}, kI16),
                       kernel_entry<kernels::LstmInt16Fn, kernels::cortex_m7::unidirectional_sequence_lstm_int16>(),
                       lstm_int16_scratch});

}  // namespace tinyinfer
