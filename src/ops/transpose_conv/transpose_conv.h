// TRANSPOSE_CONV: its kernel types and kernels.
#pragma once

#include <cstddef>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kTransposeConvOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Transpose conv: input [n, h, w, in_c], filter [out_c, kh, kw, in_c],
// bias [out_c] (may be null), output [n, H, W, out_c]. `window`: strides and
// the padding cut from the top/left of the full (h - 1) * stride + kh rows.
// Quantized kernels sum into `scratch` (one accumulator per output element).
using TransposeConvFloatFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in,
                                      const float* input, const Dims4& filter, const float* filter_data,
                                      const float* bias, const Dims4& out, float* output, void* scratch);
using TransposeConvInt8Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                                     const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                                     const Dims4& out, int8_t* output, void* scratch);
// int16x8: int16 activations (zero point 0), int8 weights, int64 bias (or an
// int16 one, widened) and accumulators.
using TransposeConvInt16Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                                      const Dims4& filter, const int8_t* filter_data, const int64_t* bias,
                                      const Dims4& out, int16_t* output, void* scratch);
using TransposeConvInt16Bias16Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in,
                                            const int16_t* input, const Dims4& filter, const int8_t* filter_data,
                                            const int16_t* bias, const Dims4& out, int16_t* output, void* scratch);

// Reference kernels: TFLite's reference semantics (scatter of each input
// element through the filter, then bias, requantization and clamp).
namespace reference {
void transpose_conv_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                          const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out,
                          float* output, void* scratch);
void transpose_conv_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                         const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                         int8_t* output, void* scratch);
void transpose_conv_int16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                          const Dims4& filter, const int8_t* filter_data, const int64_t* bias, const Dims4& out,
                          int16_t* output, void* scratch);
void transpose_conv_int16_bias16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                                 const Dims4& filter, const int8_t* filter_data, const int16_t* bias, const Dims4& out,
                                 int16_t* output, void* scratch);
// Scratch of the quantized kernels: one accumulator per output element.
std::size_t transpose_conv_int8_scratch_bytes(const ScratchQuery& query);
std::size_t transpose_conv_int16_scratch_bytes(const ScratchQuery& query);
}  // namespace reference

}  // namespace tinyinfer::kernels
