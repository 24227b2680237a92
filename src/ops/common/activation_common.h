// Prepare steps shared by the activation ops (RELU, RELU6, LEAKY_RELU,
// HARD_SWISH, LOGISTIC, TANH, ELU, LOG_SOFTMAX, L2_NORMALIZATION, PRELU):
// one input, one output of the same shape and type, per-tensor quantization
// for int8 / int16, and TFLite's parameter derivations that these ops use.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/logistic/logistic.h"  // SigmoidQuantParams, shared with TANH
#include "runtime/node.h"
#include "runtime/op_kernel.h"
#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

// Checks 1 input and 1 output with equal shapes and types, picks the kernel
// for signature({input}, output) and, for int8 / int16, requires one
// positive finite scale per tensor. Fills `input` and `output`.
Status prepare_unary_activation(PrepareContext& ctx, Tensor* input, Tensor* output);

// A quantized tensor read as a single (scale, zero point) pair: quantized,
// per tensor, with a positive finite scale.
Status require_per_tensor_quant(const PrepareContext& ctx, const Tensor& t, const char* role);

// int16 activations are symmetric (16x8 scheme): zero point 0.
Status require_zero_point(const PrepareContext& ctx, const Tensor& t, const char* role, int32_t zero_point);

// Element count of a tensor as the eval loops take it.
inline int64_t activation_elements(const TensorSlot& t) { return t.elements(); }

// LOGISTIC and TANH (the sigmoid family) prepare alike: they differ only in
// the int8 output's fixed quantization and the int16 input's largest
// power-of-two shift.
struct SigmoidFamilySpec {
  int32_t int8_output_scale_inverse;  // output scale 1/256 (LOGISTIC), 1/128 (TANH)
  int32_t int8_output_zero_point;     // -128, 0
  int int16_max_pot_shift;            // 0, 1
};
struct SigmoidFamilyData {
  DataType type;
  kernels::SigmoidQuantParams params;
};
// Checks the tensors and stores the node's SigmoidFamilyData.
Status prepare_sigmoid_family(PrepareContext& ctx, const SigmoidFamilySpec& spec);
// The input type, "int8".
void describe_sigmoid_family(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

// Calls the node's kernel of type FloatFn, Int8Fn or Int16Fn (LOGISTIC's or TANH's).
template <typename FloatFn, typename Int8Fn, typename Int16Fn>
void eval_sigmoid_family(const EvalContext& ctx) {
  const SigmoidFamilyData& d = *ctx.data<SigmoidFamilyData>();
  const int64_t n = activation_elements(ctx.input(0));
  if (d.type == DataType::kInt8)
    ctx.kernel<Int8Fn>()(d.params, n, ctx.input(0).data_as<const int8_t>(), ctx.output(0).data_as<int8_t>());
  else if (d.type == DataType::kInt16)
    ctx.kernel<Int16Fn>()(d.params, n, ctx.input(0).data_as<const int16_t>(), ctx.output(0).data_as<int16_t>());
  else
    ctx.kernel<FloatFn>()(n, ctx.input(0).data_as<const float>(), ctx.output(0).data_as<float>());
}

namespace act {

// TFLite's CalculateInputRadius: the largest |input| whose rescaled value
// still fits in Q(integer_bits), floor((2^ib - 1) * 2^(total - ib) / 2^shift).
int32_t calculate_input_radius(int integer_bits, int left_shift, int total_signed_bits = 31);

// TFLite's CheckedLog2: rounded log2 of x, true when x is a power of two
// (within 1e-3 in the exponent), computed in float as TFLite does.
bool checked_log2(float x, int* log2_result);

// TFLite's DownScaleInt32ToInt16Multiplier: a Q31 multiplier rounded to Q15.
int16_t downscale_int32_to_int16_multiplier(int32_t multiplier);

// QuantizeMultiplier for a possibly negative real multiplier (LEAKY_RELU's
// alpha): frexp and rounding are symmetric, so the sign rides on the mantissa.
void quantize_signed_multiplier(double real_multiplier, int32_t* multiplier, int* shift);

// The int8 LOGISTIC / TANH input scaling (TFLite: frexp of
// scale * 2^(31 - 4), no rounding carry handling) and its radius.
void prepare_q4_input_scaling(float input_scale, int32_t* multiplier, int32_t* left_shift, int32_t* radius);

// The int16 LOGISTIC / TANH input scaling of TFLite Micro: a power-of-two
// scale 2^(k - 12) with 0 <= k <= max_pot_shift keeps multiplier 0 and shift
// k (the kernel then uses 3 << k), else a 15-bit multiplier of
// scale * 3 * 2^12 with the left shift that brings it above 2^14.
void prepare_int16_lut_input_scaling(float input_scale, int max_pot_shift, int32_t* multiplier, int32_t* left_shift);

}  // namespace act

}  // namespace tinyinfer
