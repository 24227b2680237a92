#include <cstdint>

#include "kernels/reference/reference.h"

namespace tinyinfer::kernels::reference {

namespace {

// The part of the filter window that lies inside the input along one axis:
// filter taps [begin, end) relative to the window origin. Padding cells are
// excluded, so averages divide by the number of real cells.
struct TapRange {
  int32_t begin, end;
};

TapRange clip_window(int32_t origin, int32_t filter_size, int32_t input_size) {
  TapRange r;
  r.begin = origin < 0 ? -origin : 0;
  r.end = input_size - origin < filter_size ? input_size - origin : filter_size;
  if (r.end < r.begin) r.end = r.begin;  // window entirely outside the input
  return r;
}

float clamp_float(float x, const FloatClamp& clamp) {
  return x < clamp.min ? clamp.min : (x > clamp.max ? clamp.max : x);
}

int32_t clamp_int(int32_t x, int32_t lo, int32_t hi) { return x < lo ? lo : (x > hi ? hi : x); }

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

int64_t input_index(const Dims4& in, int32_t n, int32_t y, int32_t x, int32_t c) {
  return ((int64_t{n} * in.h + y) * in.w + x) * in.c + c;
}

}  // namespace

void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                    const float* input, const Dims4& out, float* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c,
                      int64_t out_index) {
                    float max_value = -3.402823466e+38f;  // lowest float, as TFLite starts
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        const float v = input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        if (v > max_value) max_value = v;
                      }
                    }
                    output[out_index] = clamp_float(max_value, clamp);
                  });
}

void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                   const int8_t* input, const Dims4& out, int8_t* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c,
                      int64_t out_index) {
                    int32_t max_value = -128;
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        const int32_t v = input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        if (v > max_value) max_value = v;
                      }
                    }
                    output[out_index] = static_cast<int8_t>(clamp_int(max_value, act_min, act_max));
                  });
}

void average_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in,
                        const float* input, const Dims4& out, float* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c,
                      int64_t out_index) {
                    float sum = 0.0f;
                    int32_t count = 0;
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        sum += input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        ++count;
                      }
                    }
                    // An empty window (impossible with valid padding) gives 0
                    // instead of dividing by zero.
                    const float average = count > 0 ? sum / static_cast<float>(count) : 0.0f;
                    output[out_index] = clamp_float(average, clamp);
                  });
}

void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                       const int8_t* input, const Dims4& out, int8_t* output) {
  for_each_output(window, in, out,
                  [&](int32_t n, int32_t y0, int32_t x0, TapRange ys, TapRange xs, int32_t c,
                      int64_t out_index) {
                    int32_t sum = 0;
                    int32_t count = 0;
                    for (int32_t fy = ys.begin; fy < ys.end; ++fy) {
                      for (int32_t fx = xs.begin; fx < xs.end; ++fx) {
                        sum += input[input_index(in, n, y0 + fy, x0 + fx, c)];
                        ++count;
                      }
                    }
                    // Round half away from zero (TFLite): C++ division
                    // truncates, so bias by half the count toward the sign.
                    int32_t average = 0;
                    if (count > 0) {
                      average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                    }
                    output[out_index] = static_cast<int8_t>(clamp_int(average, act_min, act_max));
                  });
}

}  // namespace tinyinfer::kernels::reference
