// The kernel interface: plain functions over NHWC arrays with explicit
// parameters, no model or arena knowledge. The interpreter's op layer
// (src/runtime/ops_*.cc) validates shapes and types, computes the parameters
// once at prepare time and then calls through a KernelSet, so the reference
// and the optimized kernels are interchangeable and testable side by side.
#pragma once

#include <cstdint>

namespace tinyinfer::kernels {

// NHWC dimensions of conv, depthwise and pooling tensors.
struct Dims4 {
  int32_t n = 1, h = 1, w = 1, c = 1;
  int64_t elements() const { return int64_t{n} * h * w * c; }
};

// Window geometry of conv, depthwise conv and pooling. Padding is already
// resolved to explicit top/left amounts (bottom/right follow from the shapes).
struct Window {
  int32_t stride_h = 1, stride_w = 1;
  int32_t dilation_h = 1, dilation_w = 1;  // conv / depthwise only
  int32_t filter_h = 1, filter_w = 1;      // pooling only (conv: from filter dims)
  int32_t pad_top = 0, pad_left = 0;
};

// Fused activation for float kernels: output = clamp(x, min, max).
struct FloatClamp {
  float min = -3.402823466e+38f;
  float max = 3.402823466e+38f;
};

// Requantization of int32 accumulators to int8 (TFLite int8 spec):
//   out = clamp(MBQM(acc + bias, multiplier[c], shift[c]) + output_offset,
//               act_min, act_max)
// with inputs entering the accumulation as (q + input_offset).
// multipliers/shifts hold one entry per output channel, or a single entry
// for every channel when per_channel is false (per-tensor weights: no
// per-channel copies in the arena).
struct Requant {
  int32_t input_offset = 0;   // -input zero point
  int32_t filter_offset = 0;  // -filter zero point (fully connected only; 0 elsewhere)
  int32_t output_offset = 0;  // output zero point
  int32_t act_min = -128, act_max = 127;
  const int32_t* multipliers = nullptr;
  const int32_t* shifts = nullptr;
  bool per_channel = true;

  int32_t multiplier(int32_t c) const { return multipliers[per_channel ? c : 0]; }
  int32_t shift(int32_t c) const { return shifts[per_channel ? c : 0]; }
};

// ---- Conv 2D: filter [out_c, kh, kw, in_c], bias [out_c] (may be null) ----
using Conv2dFloatFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in,
                               const float* input, const Dims4& filter, const float* filter_data,
                               const float* bias, const Dims4& out, float* output);
using Conv2dInt8Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in,
                              const int8_t* input, const Dims4& filter, const int8_t* filter_data,
                              const int32_t* bias, const Dims4& out, int8_t* output);
// Hybrid: float activations, symmetric int8 weights with one scale per output
// channel (filter_scales[out_c]); real weight = scale * q.
using Conv2dHybridFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in,
                                const float* input, const Dims4& filter, const int8_t* filter_data,
                                const float* filter_scales, const float* bias, const Dims4& out,
                                float* output);

// ---- Depthwise conv 2D: filter [1, kh, kw, out_c], out_c = in_c * depth_multiplier ----
using DepthwiseFloatFn = void (*)(const Window& window, int32_t depth_multiplier,
                                  const FloatClamp& clamp, const Dims4& in, const float* input,
                                  const Dims4& filter, const float* filter_data, const float* bias,
                                  const Dims4& out, float* output);
using DepthwiseInt8Fn = void (*)(const Window& window, int32_t depth_multiplier, const Requant& rq,
                                 const Dims4& in, const int8_t* input, const Dims4& filter,
                                 const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                                 int8_t* output);
using DepthwiseHybridFn = void (*)(const Window& window, int32_t depth_multiplier,
                                   const FloatClamp& clamp, const Dims4& in, const float* input,
                                   const Dims4& filter, const int8_t* filter_data,
                                   const float* filter_scales, const float* bias, const Dims4& out,
                                   float* output);

// ---- Fully connected: input [batches, depth], filter [units, depth], bias [units] ----
using FullyConnectedFloatFn = void (*)(const FloatClamp& clamp, int32_t batches, int32_t depth,
                                       int32_t units, const float* input, const float* filter,
                                       const float* bias, float* output);
using FullyConnectedInt8Fn = void (*)(const Requant& rq, int32_t batches, int32_t depth,
                                      int32_t units, const int8_t* input, const int8_t* filter,
                                      const int32_t* bias, int8_t* output);
using FullyConnectedHybridFn = void (*)(const FloatClamp& clamp, int32_t batches, int32_t depth,
                                        int32_t units, const float* input, const int8_t* filter,
                                        const float* filter_scales, const float* bias,
                                        float* output);

// ---- Pooling (window.filter_h/w; padding cells are excluded from max and average) ----
using PoolFloatFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in,
                             const float* input, const Dims4& out, float* output);
using PoolInt8Fn = void (*)(const Window& window, int32_t act_min, int32_t act_max,
                            const Dims4& in, const int8_t* input, const Dims4& out,
                            int8_t* output);

// ---- Elementwise ADD with TFLite broadcasting over up to 6 dimensions ----
constexpr int kMaxBroadcastRank = 6;
// Both inputs are described in the output's rank: dims of 1 broadcast.
struct BroadcastShape {
  int32_t rank = 0;
  int32_t out[kMaxBroadcastRank] = {};
  int32_t in1[kMaxBroadcastRank] = {};
  int32_t in2[kMaxBroadcastRank] = {};
};
struct AddInt8Params {
  int32_t input1_offset = 0, input2_offset = 0, output_offset = 0;  // offsets = -zero point (output: +zp)
  int32_t input1_multiplier = 0, input2_multiplier = 0, output_multiplier = 0;
  int32_t input1_shift = 0, input2_shift = 0, output_shift = 0;  // powers of two (negative: right)
  int32_t left_shift = 20;
  int32_t act_min = -128, act_max = 127;
};
using AddFloatFn = void (*)(const FloatClamp& clamp, const BroadcastShape& shape,
                            const float* input1, const float* input2, float* output);
using AddInt8Fn = void (*)(const AddInt8Params& params, const BroadcastShape& shape,
                           const int8_t* input1, const int8_t* input2, int8_t* output);

// ---- Softmax over the last dimension (rows x depth) ----
struct SoftmaxInt8Params {
  int32_t input_multiplier = 0;  // beta * input_scale in Q(31-5), TFLite's PreprocessSoftmaxScaling
  int32_t input_left_shift = 0;
  int32_t diff_min = 0;  // differences below this give exp = 0
};
using SoftmaxFloatFn = void (*)(float beta, int32_t rows, int32_t depth, const float* input,
                                float* output);
// Output int8 with scale 1/256 and zero point -128, as the TFLite spec fixes.
using SoftmaxInt8Fn = void (*)(const SoftmaxInt8Params& params, int32_t rows, int32_t depth,
                               const int8_t* input, int8_t* output);

// ---- QUANTIZE (float -> int8) and DEQUANTIZE (int8 -> float), per tensor ----
using QuantizeFn = void (*)(float scale, int32_t zero_point, int64_t count, const float* input,
                            int8_t* output);
using DequantizeFn = void (*)(float scale, int32_t zero_point, int64_t count, const int8_t* input,
                              float* output);

// One table per kernel family choice. The op layer only calls through this.
struct KernelSet {
  const char* name;
  Conv2dFloatFn conv2d_float;
  Conv2dInt8Fn conv2d_int8;
  Conv2dHybridFn conv2d_hybrid;
  DepthwiseFloatFn depthwise_float;
  DepthwiseInt8Fn depthwise_int8;
  DepthwiseHybridFn depthwise_hybrid;
  FullyConnectedFloatFn fully_connected_float;
  FullyConnectedInt8Fn fully_connected_int8;
  FullyConnectedHybridFn fully_connected_hybrid;
  PoolFloatFn max_pool_float;
  PoolInt8Fn max_pool_int8;
  PoolFloatFn average_pool_float;
  PoolInt8Fn average_pool_int8;
  AddFloatFn add_float;
  AddInt8Fn add_int8;
  SoftmaxFloatFn softmax_float;
  SoftmaxInt8Fn softmax_int8;
  QuantizeFn quantize;
  DequantizeFn dequantize;
};

const KernelSet& reference_kernels();
// The fast set: every entry an optimized kernel where one exists, else the
// reference kernel (so it is always complete).
const KernelSet& optimized_kernels();

}  // namespace tinyinfer::kernels
