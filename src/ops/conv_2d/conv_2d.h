// CONV_2D: its kernel types and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kConv2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Conv 2D: filter [out_c, kh, kw, in_c], bias [out_c] (may be null) ----
using Conv2dFloatFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                               const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out,
                               float* output, void* scratch);
using Conv2dInt8Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                              const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                              int8_t* output, void* scratch);
// int16x8: int16 activations (zero point 0), int8 weights; an int64 bias
// (TFLite's int64 accumulator) or an int32 one (its int32 accumulator).
using Conv2dInt16Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                               const Dims4& filter, const int8_t* filter_data, const int64_t* bias, const Dims4& out,
                               int16_t* output, void* scratch);
using Conv2dInt16Bias32Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                                     const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                                     const Dims4& out, int16_t* output, void* scratch);
// Hybrid: float activations, symmetric int8 weights with one scale per output
// channel (filter_scales[out_c]); real weight = scale * q.
using Conv2dHybridFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                                const Dims4& filter, const int8_t* filter_data, const float* filter_scales,
                                const float* bias, const Dims4& out, float* output, void* scratch);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                  const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out, float* output);
void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input, const Dims4& filter,
                 const int8_t* filter_data, const int32_t* bias, const Dims4& out, int8_t* output);
void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                   const Dims4& filter, const int8_t* filter_data, const float* filter_scales, const float* bias,
                   const Dims4& out, float* output);
void conv2d_int16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input, const Dims4& filter,
                  const int8_t* filter_data, const int64_t* bias, const Dims4& out, int16_t* output);
void conv2d_int16_bias32(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                         const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                         int16_t* output);
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input, const Dims4& filter,
                 const int8_t* filter_data, const int32_t* bias, const Dims4& out, int8_t* output, void* scratch);
std::size_t conv2d_int8_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out);
void conv2d_int16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input, const Dims4& filter,
                  const int8_t* filter_data, const int64_t* bias, const Dims4& out, int16_t* output, void* scratch);
void conv2d_int16_bias32(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                         const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                         int16_t* output, void* scratch);
std::size_t conv2d_int16_scratch_bytes(const Dims4& in, const Dims4& filter);
}  // namespace cortex_m7

// FPv5 float/hybrid variants (cortex_m7/), equal to the reference within float
// rounding; `scratch` as above (none where there is no size function).
namespace cortex_m7 {
void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                  const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out, float* output,
                  void* scratch);
void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                   const Dims4& filter, const int8_t* filter_data, const float* filter_scales, const float* bias,
                   const Dims4& out, float* output, void* scratch);
std::size_t conv2d_hybrid_scratch_bytes(const Dims4& in, const Dims4& filter);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
