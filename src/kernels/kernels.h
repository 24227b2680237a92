// The kernel interface: plain functions over NHWC arrays with explicit
// parameters, no model or arena knowledge. The op layer (src/runtime/ops_*.cc)
// validates shapes and types, computes the parameters once at prepare time and
// calls the kernel registered for the node's type signature
// (runtime/op_kernel.h), so reference and optimized kernels are
// interchangeable and testable side by side.
#pragma once

#include <cstddef>
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

// ---- Scratch: working memory of one conv / depthwise / fully connected call ----
// Optimized kernels need memory that lives only while they run (im2col
// columns, sign-extended or transposed filters, requantization tables). At
// prepare time the op layer asks the chosen kernel how many bytes the op's
// geometry needs; the interpreter plans them in the arena, live during that
// op only, and passes them as the kernels' last argument. So the arena size
// is the RAM an inference needs, not a figure with the working memory hidden
// on the stack. Reference kernels need none (they ignore the argument).
struct ScratchQuery {
  Window window;
  int32_t depth_multiplier = 1;
  // Fully connected: in {batches, 1, 1, depth}, filter {units, 1, 1, depth}.
  // ADD: in / filter / out {1, 1, 1, elements} of input 1 / input 2 / output.
  Dims4 in, filter, out;
  // InterpreterOptions::small_arena: kernels that can run without part of
  // their scratch (more instructions) ask for less; they then get null.
  bool small_arena = false;
};
using ScratchBytesFn = std::size_t (*)(const ScratchQuery& query);

// Hands out aligned pieces of a kernel's scratch in order; with a null base
// it only counts, so a kernel's size function and its body share one layout.
class ScratchCarver {
 public:
  explicit ScratchCarver(void* base) : base_(static_cast<uint8_t*>(base)) {}
  template <typename T>
  T* take(std::size_t count) {
    offset_ = (offset_ + kAlign - 1) / kAlign * kAlign;
    T* piece = base_ != nullptr ? reinterpret_cast<T*>(base_ + offset_) : nullptr;
    offset_ += sizeof(T) * count;
    return piece;
  }
  std::size_t bytes() const { return offset_; }
  template <typename T>
  static std::size_t bytes_of(std::size_t count) {
    ScratchCarver carve(nullptr);
    carve.take<T>(count);
    return carve.bytes();
  }

 private:
  static constexpr std::size_t kAlign = 8;
  uint8_t* base_;
  std::size_t offset_ = 0;
};

// ---- Conv 2D: filter [out_c, kh, kw, in_c], bias [out_c] (may be null) ----
using Conv2dFloatFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in,
                               const float* input, const Dims4& filter, const float* filter_data,
                               const float* bias, const Dims4& out, float* output, void* scratch);
using Conv2dInt8Fn = void (*)(const Window& window, const Requant& rq, const Dims4& in,
                              const int8_t* input, const Dims4& filter, const int8_t* filter_data,
                              const int32_t* bias, const Dims4& out, int8_t* output, void* scratch);
// Hybrid: float activations, symmetric int8 weights with one scale per output
// channel (filter_scales[out_c]); real weight = scale * q.
using Conv2dHybridFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in,
                                const float* input, const Dims4& filter, const int8_t* filter_data,
                                const float* filter_scales, const float* bias, const Dims4& out,
                                float* output, void* scratch);

// ---- Depthwise conv 2D: filter [1, kh, kw, out_c], out_c = in_c * depth_multiplier ----
using DepthwiseFloatFn = void (*)(const Window& window, int32_t depth_multiplier,
                                  const FloatClamp& clamp, const Dims4& in, const float* input,
                                  const Dims4& filter, const float* filter_data, const float* bias,
                                  const Dims4& out, float* output, void* scratch);
using DepthwiseInt8Fn = void (*)(const Window& window, int32_t depth_multiplier, const Requant& rq,
                                 const Dims4& in, const int8_t* input, const Dims4& filter,
                                 const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                                 int8_t* output, void* scratch);
using DepthwiseHybridFn = void (*)(const Window& window, int32_t depth_multiplier,
                                   const FloatClamp& clamp, const Dims4& in, const float* input,
                                   const Dims4& filter, const int8_t* filter_data,
                                   const float* filter_scales, const float* bias, const Dims4& out,
                                   float* output, void* scratch);

// ---- Fully connected: input [batches, depth], filter [units, depth], bias [units] ----
using FullyConnectedFloatFn = void (*)(const FloatClamp& clamp, int32_t batches, int32_t depth,
                                       int32_t units, const float* input, const float* filter,
                                       const float* bias, float* output, void* scratch);
using FullyConnectedInt8Fn = void (*)(const Requant& rq, int32_t batches, int32_t depth,
                                      int32_t units, const int8_t* input, const int8_t* filter,
                                      const int32_t* bias, int8_t* output, void* scratch);
using FullyConnectedHybridFn = void (*)(const FloatClamp& clamp, int32_t batches, int32_t depth,
                                        int32_t units, const float* input, const int8_t* filter,
                                        const float* filter_scales, const float* bias,
                                        float* output, void* scratch);

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
                           const int8_t* input1, const int8_t* input2, int8_t* output, void* scratch);

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

// ---- Moves bytes unchanged (RESHAPE): source and destination may overlap ----
using CopyFn = void (*)(const void* input, void* output, std::size_t bytes);

}  // namespace tinyinfer::kernels
