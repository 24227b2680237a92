// RSQRT: its kernels (kernel types in ops/common/unary_elementwise.h).
#pragma once

#include <cstdint>

#include "ops/common/unary_elementwise.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kRsqrtOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// out = 1 / sqrt(in) in float.
void rsqrt_float32(int64_t count, const float* input, float* output);
// TFLite Micro's RsqrtEvalQuantized: v = q - in_zp; v == 0 gives 127; else
// 1/sqrt(v) from GetInvSqrtQuantizedMultiplierExp as a 2^20 fixed-point
// value, requantized by the multiplier of 1/(sqrt(in_scale) * out_scale).
// Inputs below the zero point (negative reals; TFLite Micro fails the
// invoke) are computed as v = 1.
void rsqrt_int8(const UnaryQuantParams& params, int64_t count, const int8_t* input, int8_t* output);

}  // namespace tinyinfer::kernels::reference
