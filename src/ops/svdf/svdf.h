// SVDF: its kernel types and kernels. A rank-R SVDF layer keeps the last
// `memory` feature activations of every filter in a variable tensor (the
// state, [batches, filters * memory]): each invoke shifts it by one step,
// appends input x weights_feature and reduces it with weights_time.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSvdfOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

struct SvdfDims {
  int32_t batches = 1, input_size = 1, filters = 1, units = 1, rank = 1, memory = 1;
};

// Float output activation: the clamp of NONE/RELU/RELU6/RELU_N1_TO_1, or a
// TFLite activation that is not a clamp.
enum class SvdfFloatActivation : uint8_t { kClamp, kTanh, kSignBit };
struct SvdfFloatParams {
  FloatClamp clamp;
  SvdfFloatActivation activation = SvdfFloatActivation::kClamp;
};

// Integer SVDF (TFLM): feature products requantized into the state type by
// (multiplier1, shift1), the state's time products plus the int32 bias into
// int8 by (multiplier2, shift2). TFLM applies no fused activation here
// beyond the int8 range.
struct SvdfQuantParams {
  int32_t input_zero_point = 0, state_zero_point = 0, output_zero_point = 0;
  int32_t multiplier1 = 0, multiplier2 = 0;
  int32_t shift1 = 0, shift2 = 0;
};

using SvdfFloatFn = void (*)(const SvdfDims& dims, const SvdfFloatParams& params, const float* input,
                             const float* weights_feature, const float* weights_time, const float* bias, float* state,
                             float* output, void* scratch);
// State and weights_time share the type: int16 (the usual) or int8.
using SvdfInt8Int16Fn = void (*)(const SvdfDims& dims, const SvdfQuantParams& params, const int8_t* input,
                                 const int8_t* weights_feature, const int16_t* weights_time, const int32_t* bias,
                                 int16_t* state, int8_t* output, void* scratch);
using SvdfInt8Int8Fn = void (*)(const SvdfDims& dims, const SvdfQuantParams& params, const int8_t* input,
                                const int8_t* weights_feature, const int8_t* weights_time, const int32_t* bias,
                                int8_t* state, int8_t* output, void* scratch);

namespace reference {
void svdf_float(const SvdfDims& dims, const SvdfFloatParams& params, const float* input, const float* weights_feature,
                const float* weights_time, const float* bias, float* state, float* output);
void svdf_int8_int16(const SvdfDims& dims, const SvdfQuantParams& params, const int8_t* input,
                     const int8_t* weights_feature, const int16_t* weights_time, const int32_t* bias, int16_t* state,
                     int8_t* output);
void svdf_int8_int8(const SvdfDims& dims, const SvdfQuantParams& params, const int8_t* input,
                    const int8_t* weights_feature, const int8_t* weights_time, const int32_t* bias, int8_t* state,
                    int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
