// Reference SVDF float32 (TFLM's order of summation): the state moves one
// step back, the newest column takes input x weights_feature, and each unit
// is bias + the sum over its `rank` filters of weights_time . state row.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "ops/svdf/svdf.h"
#include "runtime/op_kernel.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void svdf_float(const SvdfDims& dims, const SvdfFloatParams& params, const float* input, const float* weights_feature,
                const float* weights_time, const float* bias, float* state, float* output) {
  const int32_t memory = dims.memory;
  const int64_t state_elements = int64_t{dims.batches} * dims.filters * memory;
  std::memmove(state, state + 1, sizeof(float) * static_cast<std::size_t>(state_elements - 1));
  for (int32_t b = 0; b < dims.batches; ++b) {
    const float* in = input + int64_t{b} * dims.input_size;
    float* batch_state = state + int64_t{b} * dims.filters * memory;
    for (int32_t f = 0; f < dims.filters; ++f) {
      const float* w = weights_feature + int64_t{f} * dims.input_size;
      float dot = 0.0f;
      for (int32_t i = 0; i < dims.input_size; ++i) dot += w[i] * in[i];
      batch_state[int64_t{f} * memory + memory - 1] = dot;
    }
    for (int32_t u = 0; u < dims.units; ++u) {
      float acc = bias != nullptr ? bias[u] : 0.0f;
      for (int32_t r = 0; r < dims.rank; ++r) {
        const int64_t f = int64_t{u} * dims.rank + r;
        const float* wt = weights_time + f * memory;
        const float* row = batch_state + f * memory;
        float dot = 0.0f;
        for (int32_t m = 0; m < memory; ++m) dot += wt[m] * row[m];
        acc += dot;
      }
      float out = acc;
      switch (params.activation) {
        case SvdfFloatActivation::kTanh:
          out = std::tanh(acc);
          break;
        case SvdfFloatActivation::kSignBit:
          out = std::signbit(acc) ? 1.0f : 0.0f;
          break;
        case SvdfFloatActivation::kClamp:
          out = std::max(params.clamp.min, std::min(acc, params.clamp.max));
          break;
      }
      output[int64_t{b} * dims.units + u] = out;
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(svdf_float32,
                      {&kSvdfOp, "svdf_float32", KernelChoice::kReference, signature({kF32, kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::SvdfFloatFn, WithoutScratch<kernels::reference::svdf_float>::call>(),
                       nullptr});

}  // namespace tinyinfer
