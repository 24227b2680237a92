// Reference FULLY_CONNECTED int8: output[b, u] = sum_d input[b, d] * filter[u, d]
// (+ bias[u]), filter row-major [units, depth].
#include <algorithm>
#include <cstddef>

#include "dsp/fixed_point.h"
#include "ops/fully_connected/fully_connected.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

std::ptrdiff_t row_index(int32_t row, int32_t row_length, int32_t column) {
  return static_cast<std::ptrdiff_t>(row) * row_length + column;
}

}  // namespace

void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int8_t* input,
                          const int8_t* filter, const int32_t* bias, int8_t* output) {
  for (int32_t b = 0; b < batches; ++b) {
    for (int32_t u = 0; u < units; ++u) {
      int32_t acc = 0;
      for (int32_t d = 0; d < depth; ++d) {
        const int32_t input_value = input[row_index(b, depth, d)];
        const int32_t filter_value = filter[row_index(u, depth, d)];
        acc += (input_value + rq.input_offset) * (filter_value + rq.filter_offset);
      }
      if (bias) acc += bias[u];
      acc = quant::multiply_by_quantized_multiplier(acc, rq.multiplier(u), rq.shift(u));
      acc += rq.output_offset;
      acc = std::min(std::max(acc, rq.act_min), rq.act_max);
      output[row_index(b, units, u)] = static_cast<int8_t>(acc);
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    fully_connected_int8,
    {&kFullyConnectedOp, "fully_connected_int8", KernelChoice::kReference, signature({kI8, kI8, kI32}, kI8),
     kernel_entry<kernels::FullyConnectedInt8Fn, WithoutScratch<kernels::reference::fully_connected_int8>::call>(),
     nullptr});

}  // namespace tinyinfer
