// What the one-input elementwise ops share (ABS, NEG, SQUARE, SQRT, RSQRT,
// EXP, LOG, SIN, COS, CEIL, FLOOR, ROUND, LOGICAL_NOT, ZEROS_LIKE, CAST): one
// input and one output of as many elements, checked at prepare; one kernel
// shape for the float and bool kernels, and the per-tensor quantization of
// the int8/int16 kernels (ABS, RSQRT).
#pragma once

#include <cstddef>
#include <cstdint>

#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

class PrepareContext;
struct EvalContext;
struct Node;
struct TensorSlot;

// 1 input, 1 output with the input's element count (and its type when
// `same_type`), then the kernel for input type -> output type: other types
// are refused naming the ones registered.
Status prepare_unary(PrepareContext& ctx, bool same_type);

// Calls the node's kernels::UnaryFloatFn / UnaryBoolFn over every element.
void eval_unary_float(const EvalContext& ctx);
void eval_unary_bool(const EvalContext& ctx);

// "int8 1x7x5x3".
void describe_unary(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using UnaryFloatFn = void (*)(int64_t count, const float* input, float* output);
// bool tensors hold one byte per element; any non-zero byte reads as true and
// outputs are written as 0 or 1.
using UnaryBoolFn = void (*)(int64_t count, const uint8_t* input, uint8_t* output);

// Per-tensor quantization of an int8/int16 unary op (TFLite's OpDataAbsRsqrt):
// real = scale * (q - zero_point). `quantized` false: an int16 ABS on raw
// integers. The multiplier is the op's (ABS: in/out scale; RSQRT:
// 1/(sqrt(in scale) * out scale)), as TFLite's QuantizeMultiplier.
struct UnaryQuantParams {
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
  int32_t multiplier = 0;
  int32_t shift = 0;           // power of two (negative: right)
  bool needs_rescale = false;  // input scale != output scale
  bool quantized = true;
};
using UnaryInt8Fn = void (*)(const UnaryQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
using UnaryInt16Fn = void (*)(const UnaryQuantParams& params, int64_t count, const int16_t* input, int16_t* output);

}  // namespace tinyinfer::kernels

namespace tinyinfer {

// Checks of an int8/int16 op's quantization at prepare: input and output
// quantized per tensor with finite positive scales (or, where
// `allow_unquantized_int16`, an int16 pair with no quantization at all);
// int16 zero points 0 (TFLite's 16-bit symmetric rule). Fills the zero
// points, needs_rescale and quantized; the op derives the multiplier.
Status prepare_unary_quantization(PrepareContext& ctx, bool allow_unquantized_int16, kernels::UnaryQuantParams* params);

}  // namespace tinyinfer
