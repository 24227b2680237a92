// UNIDIRECTIONAL_SEQUENCE_LSTM's walk over the sequence, shared by its float
// and integer kernels. Every op inside a step works row by row, so a batch
// row depends only on its own input rows and state row: stepping each batch
// through time one row at a time gives TFLM's results for both layouts
// (TFLM steps all batches at once when time-major) with one state row of
// working memory per buffer instead of a batch of them.
#pragma once

#include <cstdint>

#include "ops/unidirectional_sequence_lstm/unidirectional_sequence_lstm.h"

namespace tinyinfer::kernels::lstm {

// step(input row, hidden row, cell row, output row) per batch and time step.
template <typename Act, typename W, typename Bias, typename Cell, typename Step>
void for_each_step(const LstmDims& d, const LstmTensors<Act, W, Bias, Cell>& t, Step step) {
  for (int32_t b = 0; b < d.batches; ++b) {
    for (int32_t s = 0; s < d.steps; ++s) {
      const int64_t row = d.time_major ? int64_t{s} * d.batches + b : int64_t{b} * d.steps + s;
      step(t.input + row * d.input_size, t.hidden + int64_t{b} * d.units, t.cell + int64_t{b} * d.units,
           t.output + row * d.units);
    }
  }
}

// The four state-row buffers of a step, carved from the kernel's scratch.
template <typename Cell>
struct StepBuffers {
  Cell* gate[4];
  StepBuffers(void* scratch, int32_t units) {
    for (int i = 0; i < 4; ++i) gate[i] = static_cast<Cell*>(scratch) + int64_t{i} * units;
  }
};

}  // namespace tinyinfer::kernels::lstm
