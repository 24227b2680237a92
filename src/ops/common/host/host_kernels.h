// Host SIMD variants (src/ops/<op>/host/, Highway with run-time dispatch to
// the best target the CPU has): the same kernel types and results as the
// reference kernels, byte for byte. Each vectorises same shapes, a scalar
// operand and broadcasts whose innermost rows are contiguous
// (common/host/broadcast_rows.h) and hands any other broadcast to the
// reference kernel. Linked into host builds with Highway only.
#pragma once

#include <cstdint>

#include "ops/add/add.h"
#include "ops/common/binary_kernels.h"
#include "ops/mul/mul.h"
#include "ops/sub/sub.h"

namespace tinyinfer::kernels::host {

void add_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void sub_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void mul_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void maximum_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                   float* output);
void minimum_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                   float* output);
void squared_difference_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1,
                              const float* input2, float* output);

// int8: TFLite's integer requantization, bit-exact with the reference kernels.
// ADD takes (and ignores) the scratch argument of its kernel type.
void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output, void* scratch);
void sub_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output);
void mul_int8(const MulInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output);

// Unary float32 (common/host/unary_map-inl.h): count elements, output may be
// input; the reference's comparisons and IEEE operations, byte for byte.
void abs_float32(int64_t count, const float* input, float* output);
void neg_float32(int64_t count, const float* input, float* output);
void relu_float(int64_t count, const float* input, float* output);
void relu6_float(int64_t count, const float* input, float* output);
void square_float32(int64_t count, const float* input, float* output);
void sqrt_float32(int64_t count, const float* input, float* output);
void rsqrt_float32(int64_t count, const float* input, float* output);

// Unary float32 through Highway's exp and tanh (common/host/exp_lanes-inl.h):
// within a few ULP of the reference, not byte for byte; NaNs pass through.
void exp_float32(int64_t count, const float* input, float* output);
void logistic_float(int64_t count, const float* input, float* output);
void tanh_float(int64_t count, const float* input, float* output);

// The Highway target the host kernels dispatch to on this CPU ("AVX2", "SSE4", ...).
const char* simd_target_name();

}  // namespace tinyinfer::kernels::host
