// SOFTMAX: its kernel types and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kSoftmaxOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Softmax over the last dimension (rows x depth) ----
struct SoftmaxInt8Params {
  int32_t input_multiplier = 0;  // beta * input_scale in Q(31-5), TFLite's PreprocessSoftmaxScaling
  int32_t input_left_shift = 0;
  int32_t diff_min = 0;  // differences below this give exp = 0
};
using SoftmaxFloatFn = void (*)(float beta, int32_t rows, int32_t depth, const float* input, float* output);
// Output int8 with scale 1/256 and zero point -128, as the TFLite spec fixes.
using SoftmaxInt8Fn = void (*)(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input,
                               int8_t* output);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void softmax_float(float beta, int32_t rows, int32_t depth, const float* input, float* output);
void softmax_int8(const SoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input, int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels

namespace tinyinfer::quant {

// Prepare-time parameters of the int8 softmax from beta and the input scale
// (TFLite's PreprocessSoftmaxScaling + CalculateInputRadius). TFLite requires
// beta * input_scale * 2^26 > 1 (left shift >= 0) and aborts otherwise; here
// a smaller product keeps its negative shift (the kernel then shifts right)
// and diff_min admits every int8 difference.
void prepare_softmax_int8(double beta, double input_scale, kernels::SoftmaxInt8Params* params);

}  // namespace tinyinfer::quant
