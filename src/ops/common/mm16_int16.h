// What the int16x8 matrix kernels share (CONV_2D, DEPTHWISE_CONV_2D,
// FULLY_CONNECTED, TRANSPOSE_CONV int16 activations with int8 weights, and
// BATCH_MATMUL int16): TFLite's 64-bit requantization, the accumulator
// finish per bias type and the fused activation range of a 16-bit output.
// Sums are formed with wrapping arithmetic: where TFLite's int32 (or int64)
// accumulator overflows we give the same bits without undefined behaviour.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "dsp/fixed_point.h"
#include "ops/common/kernel_types.h"
#include "ops/common/op_params.h"

namespace tinyinfer {

// Input and output of an int8 / int16x8 matrix op: quantized per tensor,
// int16 ones with zero point 0 (TFLite's 16x8 rule).
Status mm16_check_activations(const PrepareContext& ctx, const Tensor& input, const Tensor& output);
// rq's clamp: the fused activation's range in the output's type.
Status mm16_fused_range(const PrepareContext& ctx, ActivationFunctionType act, const Tensor& output,
                        kernels::Requant* rq);
// The whole requantization of an int8 or int16x8 (by the input's type)
// CONV_2D, DEPTHWISE_CONV_2D or TRANSPOSE_CONV: the checks above, symmetric
// int8 weights quantized per tensor or along `channel_dim`, the multipliers
// (common/op_params.h: per-channel ones derived into the scratch), offsets
// and clamp.
Status prepare_conv_requant(PrepareContext& ctx, const Tensor& input, const Tensor& filter, const Tensor& output,
                            int32_t channels, int32_t channel_dim, ActivationFunctionType act, kernels::Requant* rq,
                            RequantSource* source);

namespace quant {

// Two's-complement wrap of a 64-bit sum into 32 bits: what an int32
// accumulator that overflowed holds.
inline int32_t wrap_to_int32(int64_t x) {
  return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(x)));
}

inline int64_t wrapping_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}

// TFLite's MultiplyByQuantizedMultiplier for a 64-bit accumulator: the Q31
// multiplier rounded to Q15, one rounding right shift by 15 - shift, the
// result truncated to 32 bits. shift in [-31, 7].
inline int32_t multiply_by_quantized_multiplier_64(int64_t x, int32_t multiplier, int shift) {
  const int64_t reduced = multiplier < 0x7FFF0000 ? (int64_t{multiplier} + (1 << 15)) >> 16 : 0x7FFF;
  const int total_shift = 15 - shift;
  const uint64_t product = static_cast<uint64_t>(x) * static_cast<uint64_t>(reduced);
  const int64_t rounded = static_cast<int64_t>(product + (uint64_t{1} << (total_shift - 1)));
  return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(rounded >> total_shift)));
}

}  // namespace quant

namespace kernels {

// TFLite's int16x8 requantization of one accumulator of output channel c
// (output zero point rq.output_offset): an int32 bias means TFLite's int32
// accumulator (it wraps) and 32-bit rescale; an int64 (or int16, widened)
// bias the int64 accumulator and 64-bit rescale.
template <typename Bias>
inline int16_t requantize_int16(int64_t acc, const Bias* bias, const Requant& rq, int32_t c) {
  int32_t scaled = 0;
  if constexpr (std::is_same_v<Bias, int32_t>) {
    int32_t acc32 = quant::wrap_to_int32(acc);
    if (bias != nullptr) acc32 = quant::wrap_to_int32(int64_t{acc32} + bias[c]);
    scaled = quant::multiply_by_quantized_multiplier(acc32, rq.multiplier(c), rq.shift(c));
  } else {
    if (bias != nullptr) acc = quant::wrapping_add(acc, bias[c]);
    scaled = quant::multiply_by_quantized_multiplier_64(acc, rq.multiplier(c), rq.shift(c));
  }
  scaled += rq.output_offset;
  return static_cast<int16_t>(std::min(std::max(scaled, rq.act_min), rq.act_max));
}

// Products and finisher of the reference window walks (window_walk.h).
struct Int16Product {
  int64_t operator()(int16_t x, int8_t w) const { return int64_t{x} * w; }
};
template <typename Bias>
struct Int16Finish {
  const Bias* bias;
  const Requant& rq;
  int16_t operator()(int64_t acc, int32_t oc) const { return requantize_int16(acc, bias, rq, oc); }
};

}  // namespace kernels
}  // namespace tinyinfer
