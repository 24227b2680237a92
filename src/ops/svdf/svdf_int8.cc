// Reference SVDF int8 (TFLM's integer SVDF): int8 input and feature weights,
// state and time weights int16 (the usual) or int8. Feature products are
// requantized into the state type and saturated to its range; the time
// products plus the bias are requantized into int8. The int32 sums wrap as
// TFLM's do, so they are formed in 64 bits and truncated once.
#include <algorithm>
#include <cstring>
#include <limits>

#include "dsp/fixed_point.h"
#include "ops/svdf/svdf.h"
#include "runtime/op_kernel.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

int32_t wrap_int32(int64_t v) { return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(v))); }

template <typename T>
void svdf_integer(const SvdfDims& dims, const SvdfQuantParams& p, const int8_t* input, const int8_t* weights_feature,
                  const T* weights_time, const int32_t* bias, T* state, int8_t* output) {
  const int32_t memory = dims.memory;
  const int64_t state_elements = int64_t{dims.batches} * dims.filters * memory;
  std::memmove(state, state + 1, sizeof(T) * static_cast<std::size_t>(state_elements - 1));
  constexpr int32_t kStateMin = std::numeric_limits<T>::min(), kStateMax = std::numeric_limits<T>::max();
  for (int32_t b = 0; b < dims.batches; ++b) {
    const int8_t* in = input + int64_t{b} * dims.input_size;
    T* batch_state = state + int64_t{b} * dims.filters * memory;
    for (int32_t f = 0; f < dims.filters; ++f) {
      const int8_t* w = weights_feature + int64_t{f} * dims.input_size;
      int64_t dot = 0;
      for (int32_t i = 0; i < dims.input_size; ++i) dot += int32_t{w[i]} * (int32_t{in[i]} - p.input_zero_point);
      int32_t scaled = quant::multiply_by_quantized_multiplier(wrap_int32(dot), p.multiplier1, p.shift1);
      scaled = std::min(std::max(scaled, kStateMin), kStateMax);
      // TFLM stores zero point + value into T without saturating again.
      batch_state[int64_t{f} * memory + memory - 1] = static_cast<T>(p.state_zero_point + scaled);
    }
    for (int32_t u = 0; u < dims.units; ++u) {
      int64_t acc = bias != nullptr ? bias[u] : 0;
      for (int32_t r = 0; r < dims.rank; ++r) {
        const int64_t f = int64_t{u} * dims.rank + r;
        const T* wt = weights_time + f * memory;
        const T* row = batch_state + f * memory;
        for (int32_t m = 0; m < memory; ++m) acc += int32_t{wt[m]} * (int32_t{row[m]} - p.state_zero_point);
      }
      const int32_t scaled = quant::multiply_by_quantized_multiplier(wrap_int32(acc), p.multiplier2, p.shift2);
      const int32_t out = std::min<int32_t>(std::max<int32_t>(scaled + p.output_zero_point, -128), 127);
      output[int64_t{b} * dims.units + u] = static_cast<int8_t>(out);
    }
  }
}

}  // namespace

void svdf_int8_int16(const SvdfDims& dims, const SvdfQuantParams& params, const int8_t* input,
                     const int8_t* weights_feature, const int16_t* weights_time, const int32_t* bias, int16_t* state,
                     int8_t* output) {
  svdf_integer<int16_t>(dims, params, input, weights_feature, weights_time, bias, state, output);
}

void svdf_int8_int8(const SvdfDims& dims, const SvdfQuantParams& params, const int8_t* input,
                    const int8_t* weights_feature, const int8_t* weights_time, const int32_t* bias, int8_t* state,
                    int8_t* output) {
  svdf_integer<int8_t>(dims, params, input, weights_feature, weights_time, bias, state, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    svdf_int8,
    {&kSvdfOp, "svdf_int8", KernelChoice::kReference, signature({kI8, kI8, kI16, kI16}, kI8),
     kernel_entry<kernels::SvdfInt8Int16Fn, WithoutScratch<kernels::reference::svdf_int8_int16>::call>(), nullptr},
    {&kSvdfOp, "svdf_int8", KernelChoice::kReference, signature({kI8, kI8, kI8, kI8}, kI8),
     kernel_entry<kernels::SvdfInt8Int8Fn, WithoutScratch<kernels::reference::svdf_int8_int8>::call>(), nullptr});

}  // namespace tinyinfer
