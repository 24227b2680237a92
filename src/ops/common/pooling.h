// What MAX_POOL_2D, AVERAGE_POOL_2D and L2_POOL_2D share: their kernel types, the op
// layer (common/pool_family.cc: checks, window, fused activation, conv + pool
// fusion hooks) and the reference kernels' window walk.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/kernel_types.h"
#include "tinyinfer/status.h"

namespace tinyinfer {

class PrepareContext;
struct EvalContext;
struct Node;
struct RowFusion;
struct TensorSlot;

Status prepare_pool(PrepareContext& ctx);
void eval_pool(const EvalContext& ctx);
void describe_pool(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);
// Conv + pool fusion: a pool takes its input band by band.
extern const RowFusion kPoolRowFusion;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Pooling (window.filter_h/w; padding cells are excluded from max and average) ----
using PoolFloatFn = void (*)(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                             const Dims4& out, float* output);
template <typename T>
using PoolQuantizedFn = void (*)(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                                 const T* input, const Dims4& out, T* output);
using PoolInt8Fn = PoolQuantizedFn<int8_t>;
using PoolInt16Fn = PoolQuantizedFn<int16_t>;

namespace reference::pooling {

// The part of the filter window that lies inside the input along one axis:
// filter taps [begin, end) relative to the window origin. Padding cells are
// excluded, so averages divide by the number of real cells.
struct TapRange {
  int32_t begin, end;
};

inline TapRange clip_window(int32_t origin, int32_t filter_size, int32_t input_size) {
  TapRange r;
  r.begin = origin < 0 ? -origin : 0;
  r.end = input_size - origin < filter_size ? input_size - origin : filter_size;
  if (r.end < r.begin) r.end = r.begin;  // window entirely outside the input
  return r;
}

inline float clamp_float(float x, const FloatClamp& clamp) {
  return x < clamp.min ? clamp.min : (x > clamp.max ? clamp.max : x);
}

inline int32_t clamp_int(int32_t x, int32_t lo, int32_t hi) { return x < lo ? lo : (x > hi ? hi : x); }

// Visits every output cell and channel with the clipped window, calling
// reduce(n, in_y0, in_x0, ys, xs, c, out_index). in_y0/in_x0 are the window
// origin; ys/xs the valid tap ranges.
template <typename Reduce>
void for_each_output(const Window& window, const Dims4& in, const Dims4& out, Reduce reduce) {
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t in_y0 = oy * window.stride_h - window.pad_top;
      const TapRange ys = clip_window(in_y0, window.filter_h, in.h);
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t in_x0 = ox * window.stride_w - window.pad_left;
        const TapRange xs = clip_window(in_x0, window.filter_w, in.w);
        const int64_t out_base = ((int64_t{n} * out.h + oy) * out.w + ox) * out.c;
        for (int32_t c = 0; c < out.c; ++c) reduce(n, in_y0, in_x0, ys, xs, c, out_base + c);
      }
    }
  }
}

inline int64_t input_index(const Dims4& in, int32_t n, int32_t y, int32_t x, int32_t c) {
  return ((int64_t{n} * in.h + y) * in.w + x) * in.c + c;
}

// acc = step(acc, value) over the real cells of one window (channel c of
// batch n, origin y0/x0, tap ranges ys/xs), row by row as TFLite visits them.
template <typename T, typename Acc, typename Step>
Acc fold_window(const Dims4& in, const T* input, int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c,
                Acc acc, Step step) {
  for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
    for (int32_t fx = xs.begin; fx < xs.end; ++fx) acc = step(acc, input[input_index(in, n, y0 + fy, x0 + fx, c)]);
  }
  return acc;
}

// How many real cells a clipped window has.
inline int32_t window_cells(TapRange ys, TapRange xs) { return (ys.end - ys.begin) * (xs.end - xs.begin); }

}  // namespace reference::pooling

}  // namespace tinyinfer::kernels
