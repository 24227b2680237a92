// DEPTHWISE_CONV_2D: its kernel types and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kDepthwiseConv2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Depthwise conv 2D: filter [1, kh, kw, out_c], out_c = in_c * depth_multiplier ----
using DepthwiseFloatFn = void (*)(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp,
                                  const Dims4& in, const float* input, const Dims4& filter, const float* filter_data,
                                  const float* bias, const Dims4& out, float* output, void* scratch);
using DepthwiseInt8Fn = void (*)(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                                 const int8_t* input, const Dims4& filter, const int8_t* filter_data,
                                 const int32_t* bias, const Dims4& out, int8_t* output, void* scratch);
// int16x8: int16 activations (zero point 0), int8 weights, int64 bias.
using DepthwiseInt16Fn = void (*)(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                                  const int16_t* input, const Dims4& filter, const int8_t* filter_data,
                                  const int64_t* bias, const Dims4& out, int16_t* output, void* scratch);
using DepthwiseHybridFn = void (*)(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp,
                                   const Dims4& in, const float* input, const Dims4& filter, const int8_t* filter_data,
                                   const float* filter_scales, const float* bias, const Dims4& out, float* output,
                                   void* scratch);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void depthwise_float(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                     const float* input, const Dims4& filter, const float* filter_data, const float* bias,
                     const Dims4& out, float* output);
void depthwise_int8(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                    const int8_t* input, const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                    const Dims4& out, int8_t* output);
void depthwise_hybrid(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                      const float* input, const Dims4& filter, const int8_t* filter_data, const float* filter_scales,
                      const float* bias, const Dims4& out, float* output);
void depthwise_int16(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                     const int16_t* input, const Dims4& filter, const int8_t* filter_data, const int64_t* bias,
                     const Dims4& out, int16_t* output);
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void depthwise_int8(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                    const int8_t* input, const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                    const Dims4& out, int8_t* output, void* scratch);
std::size_t depthwise_int8_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                         const Dims4& filter, const Dims4& out);
// int16x8 needs no scratch (the argument is ignored).
void depthwise_int16(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                     const int16_t* input, const Dims4& filter, const int8_t* filter_data, const int64_t* bias,
                     const Dims4& out, int16_t* output, void* scratch);
}  // namespace cortex_m7

// FPv5 float/hybrid variants (cortex_m7/), equal to the reference within float
// rounding; `scratch` as above (none where there is no size function).
namespace cortex_m7 {
void depthwise_float(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                     const float* input, const Dims4& filter, const float* filter_data, const float* bias,
                     const Dims4& out, float* output, void* scratch);
std::size_t depthwise_float_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                          const Dims4& filter, const Dims4& out);
void depthwise_hybrid(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                      const float* input, const Dims4& filter, const int8_t* filter_data, const float* filter_scales,
                      const float* bias, const Dims4& out, float* output, void* scratch);
std::size_t depthwise_hybrid_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                           const Dims4& filter, const Dims4& out);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
