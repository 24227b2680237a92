// MUL: its kernel types and kernels.
#pragma once

#include "ops/common/binary_kernels.h"
#include "ops/common/broadcast.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kMulOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Elementwise MUL with TFLite broadcasting (ops/common/broadcast.h) ----
// int8: out = out_zp + (in1 - zp1) * (in2 - zp2) * in1_scale * in2_scale / out_scale,
// the real factor as one Q31 multiplier and power of two (TFLite's scheme).
struct MulInt8Params {
  int32_t input1_offset = 0, input2_offset = 0, output_offset = 0;  // offsets = -zero point (output: +zp)
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;  // power of two (negative: right)
  int32_t act_min = -128, act_max = 127;
};
using MulFloatFn = void (*)(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1,
                            const float* input2, float* output);
using MulInt8Fn = void (*)(const MulInt8Params& params, const BroadcastShape& shape, const int8_t* input1,
                           const int8_t* input2, int8_t* output);

// Reference kernels: TFLite's reference semantics (integers bit-exact).
namespace reference {
void mul_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void mul_int8(const MulInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output);
// int16 (zero points 0, as TFLite Micro requires: the product of the two
// int16 values requantized by one multiplier) and int32 (wrapping product,
// clamped to the fused activation). Kernel type BinaryFn<T>, parameters in
// BinaryParams (ops/common/binary_kernels.h).
void mul_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output);
void mul_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
