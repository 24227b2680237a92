// Reference FULLY_CONNECTED int16x8: output[b, u] = sum_d input[b, d] * filter[u, d]
// (+ bias[u]) requantized per unit, filter row-major [units, depth]; the bias
// type chooses TFLite's accumulator (int64, or int32 that wraps).
#include <cstddef>

#include "ops/common/mm16_int16.h"
#include "ops/fully_connected/fully_connected.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

template <typename Bias>
void fully_connected_int16x8(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int16_t* input,
                             const int8_t* filter, const Bias* bias, int16_t* output) {
  for (int32_t b = 0; b < batches; ++b) {
    const int16_t* row = input + static_cast<std::ptrdiff_t>(b) * depth;
    for (int32_t u = 0; u < units; ++u) {
      const int8_t* weights = filter + static_cast<std::ptrdiff_t>(u) * depth;
      int64_t acc = 0;
      for (int32_t d = 0; d < depth; ++d)
        acc += int64_t{int32_t{weights[d]} + rq.filter_offset} * (int32_t{row[d]} + rq.input_offset);
      output[static_cast<std::ptrdiff_t>(b) * units + u] = requantize_int16(acc, bias, rq, u);
    }
  }
}

}  // namespace

void fully_connected_int16(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int16_t* input,
                           const int8_t* filter, const int64_t* bias, int16_t* output) {
  fully_connected_int16x8(rq, batches, depth, units, input, filter, bias, output);
}

void fully_connected_int16_bias32(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                  const int16_t* input, const int8_t* filter, const int32_t* bias, int16_t* output) {
  fully_connected_int16x8(rq, batches, depth, units, input, filter, bias, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    fully_connected_int16,
    {&kFullyConnectedOp, "fully_connected_int16", KernelChoice::kReference, signature({kI16, kI8, kI64}, kI16),
     kernel_entry<kernels::FullyConnectedInt16Fn, WithoutScratch<kernels::reference::fully_connected_int16>::call>(),
     nullptr},
    {&kFullyConnectedOp, "fully_connected_int16", KernelChoice::kReference, signature({kI16, kI8, kI32}, kI16),
     kernel_entry<kernels::FullyConnectedInt16Bias32Fn,
                  WithoutScratch<kernels::reference::fully_connected_int16_bias32>::call>(),
     nullptr});

}  // namespace tinyinfer
