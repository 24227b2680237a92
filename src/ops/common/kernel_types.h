// What kernels of several ops share: NHWC dimensions, window geometry,
// activation clamps, int8 requantization and the scratch layout. Kernels are
// plain functions over arrays with explicit parameters, no model or arena
// knowledge; each op's header (src/ops/<op>/<op>.h) declares its kernel
// types. The op validates shapes and types, computes the parameters once at
// prepare time and calls the kernel registered for the node's type signature
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

}  // namespace tinyinfer::kernels
