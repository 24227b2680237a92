// Optimized float and hybrid kernels (src/kernels/optimized/*_float.cc).
// Same signatures (plus the scratch of kernels.h, at least *_scratch_bytes
// for the geometry; none where there is no size function) and semantics as
// their reference twins in kernels/reference/reference.h; results agree within float rounding
// (accumulation order differs). install_float_kernels() puts them into the
// optimized KernelSet.
#pragma once

#include "kernels/kernels.h"

namespace tinyinfer::kernels::optimized {

void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                  const float* input, const Dims4& filter, const float* filter_data,
                  const float* bias, const Dims4& out, float* output, void* scratch);
void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in,
                   const float* input, const Dims4& filter, const int8_t* filter_data,
                   const float* filter_scales, const float* bias, const Dims4& out, float* output,
                   void* scratch);
std::size_t conv2d_hybrid_scratch_bytes(const Dims4& in, const Dims4& filter);

void depthwise_float(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp,
                     const Dims4& in, const float* input, const Dims4& filter,
                     const float* filter_data, const float* bias, const Dims4& out, float* output,
                     void* scratch);
std::size_t depthwise_float_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                          const Dims4& filter, const Dims4& out);
void depthwise_hybrid(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp,
                      const Dims4& in, const float* input, const Dims4& filter,
                      const int8_t* filter_data, const float* filter_scales, const float* bias,
                      const Dims4& out, float* output, void* scratch);
std::size_t depthwise_hybrid_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                           const Dims4& filter, const Dims4& out);

void fully_connected_float(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units,
                           const float* input, const float* filter, const float* bias,
                           float* output, void* scratch);
void fully_connected_hybrid(const FloatClamp& clamp, int32_t batches, int32_t depth, int32_t units,
                            const float* input, const int8_t* filter, const float* filter_scales,
                            const float* bias, float* output, void* scratch);

void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                    const float* input, const Dims4& out, float* output);

}  // namespace tinyinfer::kernels::optimized
