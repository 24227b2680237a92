// Kernel side of the elementwise binary ops beyond ADD and MUL (SUB, DIV,
// MAXIMUM, SQUARED_DIFFERENCE, the comparisons, the logical ops, ...): one
// parameter block (TFLite's ArithmeticParams, the fields these ops read), the
// kernel function types and the per-element walks over the broadcast.
#pragma once

#include <cstdint>

#include "dsp/fixed_point.h"
#include "ops/common/broadcast.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer::kernels {

// What a binary kernel needs besides its tensors; each op fills the fields
// its math reads (see its header).
struct BinaryParams {
  FloatClamp clamp;                  // float outputs: the fused activation
  int32_t act_min = 0, act_max = 0;  // integer outputs: the fused activation (in the output's quantization)
  // Quantized inputs: q + offset (offset = -zero point; output: +zero point),
  // shifted left by left_shift, rescaled by multiplier * 2^shift.
  int32_t input1_offset = 0, input2_offset = 0, output_offset = 0;
  int32_t input1_multiplier = 0, input2_multiplier = 0, output_multiplier = 0;
  int32_t input1_shift = 0, input2_shift = 0, output_shift = 0;  // powers of two (negative: right)
  int32_t left_shift = 0;
};

// Same-type inputs and output (SUB, DIV, MAXIMUM, LOGICAL_AND, ...).
template <typename T>
using BinaryFn = void (*)(const BinaryParams& params, const BroadcastShape& shape, const T* input1, const T* input2,
                          T* output);
// Comparisons: inputs of type T, bool output (for T = bool the same as BinaryFn<bool>).
template <typename T>
using CompareFn = void (*)(const BinaryParams& params, const BroadcastShape& shape, const T* input1, const T* input2,
                           bool* output);

namespace reference {

// out[o] = f(in1[i1], in2[i2]) over the broadcast.
template <typename T, typename U, typename F>
inline void binary_broadcast(const BroadcastShape& shape, const T* input1, const T* input2, U* output, F f) {
  for_each_broadcast(shape,
                     [&](int64_t i1, int64_t i2, int64_t o) { output[o] = static_cast<U>(f(input1[i1], input2[i2])); });
}

template <typename T>
inline T clamp_to(T value, T lo, T hi) {
  // NaN stays NaN, as TFLite's min(max(x, lo), hi).
  return value < lo ? lo : (value > hi ? hi : value);
}

// TFLite's input rescale of the quantized binary ops: (q + offset) << left_shift,
// times multiplier * 2^shift (MultiplyByQuantizedMultiplierSmallerThanOneExp
// for shift <= 0, the only case TFLite admits; the op checks the range).
inline int32_t rescale_input(int32_t q, int32_t offset, int32_t left_shift, int32_t multiplier, int32_t shift) {
  const int32_t shifted = (q + offset) * (int32_t{1} << left_shift);
  return quant::multiply_by_quantized_multiplier(shifted, multiplier, shift);
}

// Wrapping int32 arithmetic (TFLite's int32 kernels overflow the same way in
// practice; done unsigned to keep it defined behaviour).
inline int32_t wrapping_sub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}
inline int32_t wrapping_mul(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(b));
}

// Comparisons on the raw values (float, int32, int64, bool).
template <typename T, typename Cmp>
inline void compare_raw(const BroadcastShape& shape, const T* input1, const T* input2, bool* output, Cmp cmp) {
  binary_broadcast(shape, input1, input2, output, [&](T a, T b) { return cmp(a, b); });
}

// Quantized comparisons: both inputs rescaled to real value * 2^left_shift
// (TFLite's ComparisonWithScaling, left shift 8), then compared; values
// closer than the rescale's resolution compare equal, as in TFLite.
template <typename T, typename Cmp>
inline void compare_scaled(const BinaryParams& p, const BroadcastShape& shape, const T* input1, const T* input2,
                           bool* output, Cmp cmp) {
  binary_broadcast(shape, input1, input2, output, [&](T a, T b) {
    return cmp(rescale_input(a, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift),
               rescale_input(b, p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift));
  });
}

}  // namespace reference

}  // namespace tinyinfer::kernels
