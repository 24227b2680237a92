// Reference kernels: plain loops that follow TFLite's reference semantics
// exactly (same accumulation order for int8, same rounding). The optimized
// kernels are tested against these.
#pragma once

#include "kernels/kernels.h"

namespace tinyinfer::kernels::reference {

void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                  const float* input, const Dims4& filter, const float* filter_data,
                  const float* bias, const Dims4& out, float* output);
void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                 const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                 const Dims4& out, int8_t* output);
void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in,
                   const float* input, const Dims4& filter, const int8_t* filter_data,
                   const float* filter_scales, const float* bias, const Dims4& out,
                   float* output);

void depthwise_float(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp,
                     const Dims4& in, const float* input, const Dims4& filter,
                     const float* filter_data, const float* bias, const Dims4& out,
                     float* output);
void depthwise_int8(const Window& window, int32_t depth_multiplier, const Requant& rq,
                    const Dims4& in, const int8_t* input, const Dims4& filter,
                    const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                    int8_t* output);
void depthwise_hybrid(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp,
                      const Dims4& in, const float* input, const Dims4& filter,
                      const int8_t* filter_data, const float* filter_scales, const float* bias,
                      const Dims4& out, float* output);

void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth,
                           int32_t units, const float* input, const float* filter,
                           const float* bias, float* output);
void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                          const int8_t* input, const int8_t* filter, const int32_t* bias,
                          int8_t* output);
void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth,
                            int32_t units, const float* input, const int8_t* filter,
                            const float* filter_scales, const float* bias, float* output);

void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                    const float* input, const Dims4& out, float* output);
void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                   const int8_t* input, const Dims4& out, int8_t* output);
void average_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                        const float* input, const Dims4& out, float* output);
void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                       const int8_t* input, const Dims4& out, int8_t* output);

void add_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1,
               const float* input2, float* output);
void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1,
              const int8_t* input2, int8_t* output);

void softmax_float(float beta, int32_t rows, int32_t depth, const float* input, float* output);
void softmax_int8(const SoftmaxInt8Params& params, int32_t rows, int32_t depth,
                  const int8_t* input, int8_t* output);

void quantize(float scale, int32_t zero_point, int64_t count, const float* input,
              int8_t* output);
void dequantize(float scale, int32_t zero_point, int64_t count, const int8_t* input,
                float* output);

}  // namespace tinyinfer::kernels::reference
