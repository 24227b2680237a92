// The int8 rescaling TFLite's CUMSUM and ADD_N share: each input q becomes
// (q - input zero point) * 2^20 * (1/2), the int32 sum of those is scaled by
// 2 * input scale / (2^20 * output scale) and offset by the output zero
// point. TFLite starts every sum from the rescaled value of a zero q (its
// accumulator is set to the input offset, not to 0), so the sums carry one
// extra -zero_point term; kept here to match it byte for byte.
#pragma once

#include <cstdint>

#include "dsp/fixed_point.h"
#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer::kernels {

struct SumRescale {
  int32_t input_offset = 0;   // -input zero point
  int32_t output_offset = 0;  // output zero point
  int32_t input_multiplier = 0;
  int32_t input_shift = 0;
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;
};

namespace reduce {

constexpr int kSumRescaleLeftShift = 20;

inline int32_t rescale_in(const SumRescale& r, int32_t q) {
  return quant::multiply_by_quantized_multiplier((r.input_offset + q) * (1 << kSumRescaleLeftShift), r.input_multiplier,
                                                 r.input_shift);
}

// int32 addition that wraps instead of overflowing (TFLite's int32 sum).
inline int32_t add_wrapping(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}

inline int8_t rescale_out(const SumRescale& r, int32_t sum) {
  const int32_t v =
      add_wrapping(quant::multiply_by_quantized_multiplier(sum, r.output_multiplier, r.output_shift), r.output_offset);
  return static_cast<int8_t>(v < -128 ? -128 : (v > 127 ? 127 : v));
}

}  // namespace reduce
}  // namespace tinyinfer::kernels

namespace tinyinfer {

class PrepareContext;

// The rescaling of int8 `input` (every input of ADD_N shares its
// quantization) to int8 `output`; refuses what TFLite cannot run (an output
// scale below 2 * input scale / 2^20, zero points outside int8).
Status prepare_sum_rescale(const PrepareContext& ctx, const Tensor& input, const Tensor& output,
                           kernels::SumRescale* r);

}  // namespace tinyinfer
