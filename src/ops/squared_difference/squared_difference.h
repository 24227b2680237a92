// SQUARED_DIFFERENCE: (input 1 - input 2)^2 with TFLite broadcasting, no
// fused activation. int32 wraps; int8/int16: TFLite's rescale of both inputs
// (left_shift int8 7, int16 0; multipliers to 2 * max(input scales)), the
// squared difference requantized by output_multiplier/output_shift (which may
// exceed 1), offset and clamped to act_min/act_max (the type's range).
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSquaredDifferenceOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void squared_difference_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1,
                              const float* input2, float* output);
void squared_difference_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1,
                              const int32_t* input2, int32_t* output);
void squared_difference_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1,
                             const int8_t* input2, int8_t* output);
void squared_difference_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1,
                              const int16_t* input2, int16_t* output);

// The int8/int16 math (TFLite Micro's quantized SquaredDifference).
template <typename T>
inline void squared_difference_quantized(const BinaryParams& p, const BroadcastShape& shape, const T* input1,
                                         const T* input2, T* output) {
  binary_broadcast(shape, input1, input2, output, [&](T a, T b) {
    const int32_t scaled1 = rescale_input(a, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift);
    const int32_t scaled2 = rescale_input(b, p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift);
    const int32_t diff = scaled1 - scaled2;  // at most 2^15 in magnitude: the square fits
    const int32_t raw =
        quant::multiply_by_quantized_multiplier(diff * diff, p.output_multiplier, p.output_shift) + p.output_offset;
    return static_cast<T>(clamp_to(raw, p.act_min, p.act_max));
  });
}

}  // namespace tinyinfer::kernels::reference
