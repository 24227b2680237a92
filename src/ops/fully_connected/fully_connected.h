// FULLY_CONNECTED: its kernel types and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kFullyConnectedOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Fully connected: input [batches, depth], filter [units, depth], bias [units] ----
using FullyConnectedFloatFn = void (*)(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units,
                                       const float* input, const float* filter, const float* bias, float* output,
                                       void* scratch);
using FullyConnectedInt8Fn = void (*)(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                      const int8_t* input, const int8_t* filter, const int32_t* bias, int8_t* output,
                                      void* scratch);
// int16x8: int16 activations (zero point 0), int8 weights; an int64 bias
// (TFLite's int64 accumulator) or an int32 one (its int32 accumulator).
using FullyConnectedInt16Fn = void (*)(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                       const int16_t* input, const int8_t* filter, const int64_t* bias, int16_t* output,
                                       void* scratch);
using FullyConnectedInt16Bias32Fn = void (*)(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                             const int16_t* input, const int8_t* filter, const int32_t* bias,
                                             int16_t* output, void* scratch);
using FullyConnectedHybridFn = void (*)(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units,
                                        const float* input, const int8_t* filter, const float* filter_scales,
                                        const float* bias, float* output, void* scratch);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                           const float* filter, const float* bias, float* output);
void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int8_t* input,
                          const int8_t* filter, const int32_t* bias, int8_t* output);
void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                            const int8_t* filter, const float* filter_scales, const float* bias, float* output);
void fully_connected_int16(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int16_t* input,
                           const int8_t* filter, const int64_t* bias, int16_t* output);
void fully_connected_int16_bias32(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                  const int16_t* input, const int8_t* filter, const int32_t* bias, int16_t* output);
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int8_t* input,
                          const int8_t* filter, const int32_t* bias, int8_t* output, void* scratch);
std::size_t fully_connected_int8_scratch_bytes(int32_t depth);
void fully_connected_int16(const Requant& rq, int32_t batches, int32_t depth, int32_t units, const int16_t* input,
                           const int8_t* filter, const int64_t* bias, int16_t* output, void* scratch);
void fully_connected_int16_bias32(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                                  const int16_t* input, const int8_t* filter, const int32_t* bias, int16_t* output,
                                  void* scratch);
std::size_t fully_connected_int16_scratch_bytes(int32_t depth);
}  // namespace cortex_m7

// FPv5 float/hybrid variants (cortex_m7/), equal to the reference within float
// rounding; `scratch` as above (none where there is no size function).
namespace cortex_m7 {
void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                           const float* filter, const float* bias, float* output, void* scratch);
void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units, const float* input,
                            const int8_t* filter, const float* filter_scales, const float* bias, float* output,
                            void* scratch);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
