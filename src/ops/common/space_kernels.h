// Kernels of the spatial rearrangement and resize ops (BATCH_TO_SPACE_ND,
// SPACE_TO_BATCH_ND, RESIZE_NEAREST_NEIGHBOR, RESIZE_BILINEAR) on NHWC
// tensors (a rank-3 NHC tensor is seen as NH1C). DEPTH_TO_SPACE and
// SPACE_TO_DEPTH are plain strided views (move_kernels.h).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/common/kernel_types.h"

namespace tinyinfer::kernels {

// BATCH_TO_SPACE_ND (crop_*) and SPACE_TO_BATCH_ND (pad_*): the block and the
// leading amounts; the trailing ones follow from the shapes.
struct SpaceBatchGeometry {
  Dims4 in, out;
  int32_t block_h = 1, block_w = 1;
  int32_t top = 0, left = 0;
};

struct ResizeGeometry {
  Dims4 in;
  int32_t out_h = 1, out_w = 1;
  bool align_corners = false;
  bool half_pixel_centers = false;
};

namespace space {

inline int64_t offset(const Dims4& d, int32_t n, int32_t h, int32_t w) {
  return ((int64_t{n} * d.h + h) * d.w + w) * d.c;
}

template <typename T>
void batch_to_space(const SpaceBatchGeometry& g, const T* in, T* out) {
  const std::size_t run = static_cast<std::size_t>(g.in.c) * sizeof(T);
  for (int32_t b = 0; b < g.in.n; ++b) {
    const int32_t out_b = b % g.out.n;
    const int32_t spatial = b / g.out.n;
    for (int32_t h = 0; h < g.in.h; ++h) {
      const int32_t oh = h * g.block_h + spatial / g.block_w - g.top;
      if (oh < 0 || oh >= g.out.h) continue;
      for (int32_t w = 0; w < g.in.w; ++w) {
        const int32_t ow = w * g.block_w + spatial % g.block_w - g.left;
        if (ow < 0 || ow >= g.out.w) continue;
        std::memcpy(out + offset(g.out, out_b, oh, ow), in + offset(g.in, b, h, w), run);
      }
    }
  }
}

// Padding is filled with zero bytes, as TFLite Micro's kernel does for every
// type (its pad value is never set to the output zero point).
template <typename T>
void space_to_batch(const SpaceBatchGeometry& g, const T* in, T* out) {
  const std::size_t run = static_cast<std::size_t>(g.in.c) * sizeof(T);
  for (int32_t ob = 0; ob < g.out.n; ++ob) {
    const int32_t b = ob % g.in.n;
    const int32_t shift_w = (ob / g.in.n) % g.block_w;
    const int32_t shift_h = (ob / g.in.n) / g.block_w;
    for (int32_t oh = 0; oh < g.out.h; ++oh) {
      const int32_t h = oh * g.block_h + shift_h - g.top;
      for (int32_t ow = 0; ow < g.out.w; ++ow, out += g.out.c) {
        const int32_t w = ow * g.block_w + shift_w - g.left;
        if (h < 0 || h >= g.in.h || w < 0 || w >= g.in.w)
          std::memset(out, 0, run);
        else
          std::memcpy(out, in + offset(g.in, b, h, w), run);
      }
    }
  }
}

// The input row or column an output one takes (TFLite's nearest-neighbour
// rule, float arithmetic included).
inline int32_t nearest_source(int32_t i, int32_t in_size, int32_t out_size, const ResizeGeometry& g) {
  const float scale = (g.align_corners && out_size > 1)
                          ? static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1)
                          : static_cast<float>(in_size) / static_cast<float>(out_size);
  const float x = (static_cast<float>(i) + (g.half_pixel_centers ? 0.5f : 0.0f)) * scale;
  int32_t v = static_cast<int32_t>(g.align_corners ? std::round(x) : std::floor(x));
  if (v > in_size - 1) v = in_size - 1;
  if (g.half_pixel_centers && v < 0) v = 0;
  return v;
}

template <typename T>
void resize_nearest(const ResizeGeometry& g, const T* in, T* out) {
  const std::size_t run = static_cast<std::size_t>(g.in.c) * sizeof(T);
  for (int32_t b = 0; b < g.in.n; ++b) {
    for (int32_t y = 0; y < g.out_h; ++y) {
      const int32_t iy = nearest_source(y, g.in.h, g.out_h, g);
      for (int32_t x = 0; x < g.out_w; ++x, out += g.in.c)
        std::memcpy(out, in + offset(g.in, b, iy, nearest_source(x, g.in.w, g.out_w, g)), run);
    }
  }
}

// Float bilinear sampling position and its two neighbours.
struct FloatTap {
  float pos;
  int32_t lo, hi;
};
inline FloatTap float_tap(int32_t i, float scale, int32_t in_size, bool half_pixel) {
  FloatTap t;
  t.pos = half_pixel ? (static_cast<float>(i) + 0.5f) * scale - 0.5f : static_cast<float>(i) * scale;
  const auto lo = static_cast<int32_t>(std::floor(t.pos));
  const auto hi = static_cast<int32_t>(std::ceil(t.pos));
  // TFLite clamps the low neighbour at 0 only; strong upscaling can put it
  // past the last row there (an out-of-bounds read), so it is clamped at
  // both ends here.
  t.lo = lo > 0 ? (lo < in_size - 1 ? lo : in_size - 1) : 0;
  t.hi = hi < in_size - 1 ? hi : in_size - 1;
  return t;
}

inline float float_scale(int32_t in_size, int32_t out_size, bool align_corners) {
  if (align_corners && out_size > 1) return static_cast<float>(in_size - 1) / static_cast<float>(out_size - 1);
  return static_cast<float>(in_size) / static_cast<float>(out_size);
}

inline void resize_bilinear_float(const ResizeGeometry& g, const float* in, float* out) {
  const float sh = float_scale(g.in.h, g.out_h, g.align_corners);
  const float sw = float_scale(g.in.w, g.out_w, g.align_corners);
  for (int32_t b = 0; b < g.in.n; ++b) {
    for (int32_t y = 0; y < g.out_h; ++y) {
      const FloatTap ty = float_tap(y, sh, g.in.h, g.half_pixel_centers);
      const float fy = ty.pos - static_cast<float>(ty.lo);
      for (int32_t x = 0; x < g.out_w; ++x) {
        const FloatTap tx = float_tap(x, sw, g.in.w, g.half_pixel_centers);
        const float fx = tx.pos - static_cast<float>(tx.lo);
        const float* p00 = in + offset(g.in, b, ty.lo, tx.lo);
        const float* p10 = in + offset(g.in, b, ty.hi, tx.lo);
        const float* p01 = in + offset(g.in, b, ty.lo, tx.hi);
        const float* p11 = in + offset(g.in, b, ty.hi, tx.hi);
        // Same association of products as TFLite's reference.
        for (int32_t c = 0; c < g.in.c; ++c)
          *out++ = p00[c] * (1 - fy) * (1 - fx) + p10[c] * fy * (1 - fx) + p01[c] * (1 - fy) * fx + p11[c] * fy * fx;
      }
    }
  }
}

// Integer bilinear: positions in 1/1024 units, weights multiply to 2^20.
struct FixedTap {
  int32_t pos, lo, hi;
};
inline int32_t fixed_scale(int32_t in_size, int32_t out_size, bool align_corners) {
  if (align_corners && out_size > 1) return ((1 << 10) * (in_size - 1) + (out_size - 1) / 2) / (out_size - 1);
  return ((1 << 10) * in_size + out_size / 2) / out_size;
}
inline FixedTap fixed_tap(int32_t i, int32_t scale_10, int32_t in_size, bool half_pixel) {
  FixedTap t;
  t.pos = half_pixel ? i * scale_10 + scale_10 / 2 - (1 << 9) : i * scale_10;
  const int32_t lo = t.pos / (1 << 10);  // truncates toward zero, as TFLite
  const int32_t hi = (t.pos + (1 << 10) - 1) / (1 << 10);
  t.lo = lo > 0 ? (lo < in_size - 1 ? lo : in_size - 1) : 0;  // clamped at both ends, see float_tap
  t.hi = hi < in_size - 1 ? hi : in_size - 1;
  return t;
}

template <typename T>
void resize_bilinear_integer(const ResizeGeometry& g, const T* in, T* out) {
  const int32_t sh = fixed_scale(g.in.h, g.out_h, g.align_corners);
  const int32_t sw = fixed_scale(g.in.w, g.out_w, g.align_corners);
  constexpr int64_t kOne = 1 << 10;
  for (int32_t b = 0; b < g.in.n; ++b) {
    for (int32_t y = 0; y < g.out_h; ++y) {
      const FixedTap ty = fixed_tap(y, sh, g.in.h, g.half_pixel_centers);
      const int64_t fy = ty.pos - kOne * ty.lo;
      for (int32_t x = 0; x < g.out_w; ++x) {
        const FixedTap tx = fixed_tap(x, sw, g.in.w, g.half_pixel_centers);
        const int64_t fx = tx.pos - kOne * tx.lo;
        const T* p00 = in + offset(g.in, b, ty.lo, tx.lo);
        const T* p10 = in + offset(g.in, b, ty.hi, tx.lo);
        const T* p01 = in + offset(g.in, b, ty.lo, tx.hi);
        const T* p11 = in + offset(g.in, b, ty.hi, tx.hi);
        for (int32_t c = 0; c < g.in.c; ++c) {
          const int64_t sum = p00[c] * (kOne - fy) * (kOne - fx) + p10[c] * fy * (kOne - fx) +
                              p01[c] * (kOne - fy) * fx + p11[c] * fy * fx;
          // Round half away from zero, then truncate (TFLite's default
          // double rounding, not TFLITE_SINGLE_ROUNDING).
          const int64_t round = sum > 0 ? (1 << 19) : -(1 << 19);
          *out++ = static_cast<T>((sum + round) / (1 << 20));
        }
      }
    }
  }
}

}  // namespace space
}  // namespace tinyinfer::kernels
