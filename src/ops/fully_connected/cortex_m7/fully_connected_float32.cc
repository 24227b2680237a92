// Optimized FULLY_CONNECTED for float and hybrid (int8 weights, per-unit
// float scale): output[b, u] = clamp(sum_d input[b, d] * w[u, d] + bias[u]),
// hybrid: clamp(scale[u] * sum_d input[b, d] * float(q[u, d]) + bias[u]).
// Up to 3 batches x 4 units at a time, so each loaded input value feeds 4
// multiply-adds and each weight up to 3 (see float_dot.h). Hybrid weights
// are widened inside the dot product: each is used once per batch block, so
// widening them up front would not save work.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "dsp/float_dot.h"
#include "ops/fully_connected/fully_connected.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

template <int P, int O, typename W>
void fc_block(const FloatClamp& clamp, int32_t depth, int32_t units, const float* input, const W* filter,
              const float* scales, const float* bias, int32_t b0, int32_t u0, float* output) {
  const float* a[P];
  const W* w[O];
  for (int p = 0; p < P; ++p) a[p] = input + static_cast<std::ptrdiff_t>(b0 + p) * depth;
  for (int o = 0; o < O; ++o) w[o] = filter + static_cast<std::ptrdiff_t>(u0 + o) * depth;
  float acc[P][O] = {};
  run_dot<P, O, W>(a, w, depth, acc);
  for (int o = 0; o < O; ++o) {
    const float bv = bias ? bias[u0 + o] : 0.0f;
    const float s = scales ? scales[u0 + o] : 1.0f;
    for (int p = 0; p < P; ++p) {
      const float v = scales ? acc[p][o] * s + bv : acc[p][o] + bv;
      output[static_cast<std::ptrdiff_t>(b0 + p) * units + u0 + o] = std::fmin(std::fmax(v, clamp.min), clamp.max);
    }
  }
}

template <int P, typename W>
void fc_batches(const FloatClamp& clamp, int32_t depth, int32_t units, const float* input, const W* filter,
                const float* scales, const float* bias, int32_t b0, float* output) {
  int32_t u = 0;
  for (; u + 4 <= units; u += 4) fc_block<P, 4, W>(clamp, depth, units, input, filter, scales, bias, b0, u, output);
  switch (units - u) {
    case 3:
      fc_block<P, 3, W>(clamp, depth, units, input, filter, scales, bias, b0, u, output);
      break;
    case 2:
      fc_block<P, 2, W>(clamp, depth, units, input, filter, scales, bias, b0, u, output);
      break;
    case 1:
      fc_block<P, 1, W>(clamp, depth, units, input, filter, scales, bias, b0, u, output);
      break;
    default:
      break;
  }
}

template <typename W>
void fc(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input, const W* filter,
        const float* scales, const float* bias, float* output) {
  int32_t b = 0;
  for (; b + 3 <= batches; b += 3) fc_batches<3, W>(clamp, depth, units, input, filter, scales, bias, b, output);
  if (batches - b == 2) fc_batches<2, W>(clamp, depth, units, input, filter, scales, bias, b, output);
  if (batches - b == 1) fc_batches<1, W>(clamp, depth, units, input, filter, scales, bias, b, output);
}

}  // namespace

void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                           const float* filter, const float* bias, float* output, void*) {
  fc<float>(clamp, batches, depth, units, input, filter, nullptr, bias, output);
}

void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                            const int8_t* filter, const float* filter_scales, const float* bias, float* output, void*) {
  fc<int8_t>(clamp, batches, depth, units, input, filter, filter_scales, bias, output);
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(fully_connected_float32_cortex_m7,
                      {&kFullyConnectedOp, "fully_connected_float32_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::FullyConnectedFloatFn, kernels::cortex_m7::fully_connected_float>(),
                       nullptr});
// Hybrid: float activations, int8 weights.
TINYINFER_KERNEL_LIST(fully_connected_hybrid_cortex_m7,
                      {&kFullyConnectedOp, "fully_connected_hybrid_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32, kI8, kF32}, kF32),
                       kernel_entry<kernels::FullyConnectedHybridFn, kernels::cortex_m7::fully_connected_hybrid>(),
                       nullptr});

}  // namespace tinyinfer
