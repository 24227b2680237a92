// SUB: input 1 - input 2 with TFLite broadcasting and the fused activation.
// float32: params.clamp; int32: params.act_min/act_max (wrapping difference);
// int8/int16: TFLite's general rescale: both inputs offset, shifted left by
// left_shift (int8 20, int16 15) and rescaled to 2 * max(input scales), the
// difference rescaled to the output scale, offset and clamped to act_min/max.
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSubOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void sub_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void sub_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output);
void sub_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output);
void sub_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output);

// The int8/int16 math (TFLite's SubElementwise / BroadcastQuantSubSlow).
template <typename T>
inline void sub_quantized(const BinaryParams& p, const BroadcastShape& shape, const T* input1, const T* input2,
                          T* output) {
  binary_broadcast(shape, input1, input2, output, [&](T a, T b) {
    const int32_t scaled1 = rescale_input(a, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift);
    const int32_t scaled2 = rescale_input(b, p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift);
    const int32_t raw =
        quant::multiply_by_quantized_multiplier(scaled1 - scaled2, p.output_multiplier, p.output_shift) +
        p.output_offset;
    return static_cast<T>(clamp_to(raw, p.act_min, p.act_max));
  });
}

}  // namespace tinyinfer::kernels::reference
