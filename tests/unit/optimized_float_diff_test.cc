// Differential tests: every float / hybrid kernel that install_float_kernels()
// puts into the optimized KernelSet against its reference twin, over
// thousands of random shapes, strides, dilations, paddings, channel counts,
// depth multipliers, batches and clamps (fixed seed, so failures reproduce).
//
// The optimized kernels sum in a different order, so they may differ from the
// reference by float rounding only:
//   |got - want| <= 1e-5 * magnitude + 1e-6
// where magnitude = sum |product| + |bias| of that output (for hybrid:
// |scale| * sum |x * q| + |bias|), obtained by running the reference kernel
// on the absolute values. Max pooling must match exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "kernels/kernels.h"
#include "kernels/optimized/float_kernels.h"
#include "kernels/reference/reference.h"

namespace tinyinfer::kernels {
namespace {

struct Rng {
  uint64_t state;
  uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  }
  int32_t range(int32_t lo, int32_t hi) {  // inclusive
    return lo + static_cast<int32_t>(next() % static_cast<uint32_t>(hi - lo + 1));
  }
  float uniform(float lo, float hi) { return lo + (hi - lo) * (next() & 0xffffff) / 16777216.0f; }
  bool chance(int percent) { return range(0, 99) < percent; }
};

std::vector<float> random_floats(Rng& rng, int64_t n, float lo = -1.0f, float hi = 1.0f) {
  std::vector<float> v(static_cast<size_t>(n));
  for (float& x : v) x = rng.uniform(lo, hi);
  return v;
}

std::vector<int8_t> random_int8(Rng& rng, int64_t n) {
  std::vector<int8_t> v(static_cast<size_t>(n));
  for (int8_t& x : v) x = static_cast<int8_t>(rng.range(-127, 127));
  return v;
}

template <typename T>
std::vector<T> absolute(const std::vector<T>& v) {
  std::vector<T> a(v.size());
  for (size_t i = 0; i < v.size(); ++i) a[i] = static_cast<T>(v[i] < 0 ? -v[i] : v[i]);
  return a;
}

FloatClamp random_clamp(Rng& rng) {
  FloatClamp c;
  switch (rng.range(0, 4)) {
    case 0:
      break;  // NONE
    case 1:
      c.min = 0.0f;
      break;  // RELU
    case 2:
      c.min = 0.0f;
      c.max = 6.0f;
      break;  // RELU6
    case 3:
      c.min = -1.0f;
      c.max = 1.0f;
      break;  // RELU_N1_TO_1
    default:
      c.min = rng.uniform(-2.0f, 0.5f);
      c.max = c.min + rng.uniform(0.0f, 3.0f);
      break;
  }
  return c;
}

Dims4 dims(int32_t n, int32_t h, int32_t w, int32_t c) {
  Dims4 d;
  d.n = n;
  d.h = h;
  d.w = w;
  d.c = c;
  return d;
}

// One spatial axis with TFLite's SAME / VALID output size and padding.
struct Axis {
  int32_t in, out, pad;
};

Axis random_axis(Rng& rng, int32_t filter, int32_t stride, int32_t dilation, bool same,
                 int32_t max_extra) {
  const int32_t effective = (filter - 1) * dilation + 1;
  Axis a;
  if (same) {
    a.in = rng.range(1, effective + max_extra);
    a.out = (a.in + stride - 1) / stride;
  } else {
    a.in = rng.range(effective, effective + max_extra);
    a.out = (a.in - effective) / stride + 1;
  }
  const int32_t total = (a.out - 1) * stride + effective - a.in;
  a.pad = total > 0 ? total / 2 : 0;
  return a;
}

::testing::AssertionResult close(const std::vector<float>& got, const std::vector<float>& want,
                                 const std::vector<float>& magnitude, const std::string& what) {
  for (size_t i = 0; i < want.size(); ++i) {
    const double tol = 1e-5 * magnitude[i] + 1e-6;
    if (!(std::fabs(double{got[i]} - double{want[i]}) <= tol)) {
      return ::testing::AssertionFailure() << what << ": element " << i << " got " << got[i]
                                           << " want " << want[i] << " (tolerance " << tol << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(OptimizedFloatDiffTest, InstallsTheFloatKernels) {
  const KernelSet& s = optimized_kernels();
  EXPECT_EQ(s.conv2d_float, &optimized::conv2d_float);
  EXPECT_EQ(s.conv2d_hybrid, &optimized::conv2d_hybrid);
  EXPECT_EQ(s.depthwise_float, &optimized::depthwise_float);
  EXPECT_EQ(s.depthwise_hybrid, &optimized::depthwise_hybrid);
  EXPECT_EQ(s.fully_connected_float, &optimized::fully_connected_float);
  EXPECT_EQ(s.fully_connected_hybrid, &optimized::fully_connected_hybrid);
  EXPECT_EQ(s.max_pool_float, &optimized::max_pool_float);
}

// ---- CONV_2D ----------------------------------------------------------------

struct ConvCase {
  Window window;
  FloatClamp clamp;
  Dims4 in, filter, out;
  bool has_bias = true;
  std::string describe() const {
    return "conv in " + std::to_string(in.n) + "x" + std::to_string(in.h) + "x" +
           std::to_string(in.w) + "x" + std::to_string(in.c) + " filter " +
           std::to_string(filter.n) + "x" + std::to_string(filter.h) + "x" +
           std::to_string(filter.w) + "x" + std::to_string(filter.c) + " stride " +
           std::to_string(window.stride_h) + "," + std::to_string(window.stride_w) + " dilation " +
           std::to_string(window.dilation_h) + "," + std::to_string(window.dilation_w) + " pad " +
           std::to_string(window.pad_top) + "," + std::to_string(window.pad_left);
  }
};

ConvCase random_conv(Rng& rng) {
  ConvCase k;
  const bool same = rng.chance(50);
  const int32_t kh = rng.range(1, 5), kw = rng.range(1, 5);
  k.window.stride_h = rng.range(1, 3);
  k.window.stride_w = rng.range(1, 3);
  k.window.dilation_h = rng.range(1, 2);
  k.window.dilation_w = rng.range(1, 2);
  const Axis y = random_axis(rng, kh, k.window.stride_h, k.window.dilation_h, same, 9);
  const Axis x = random_axis(rng, kw, k.window.stride_w, k.window.dilation_w, same, 9);
  k.window.pad_top = y.pad;
  k.window.pad_left = x.pad;
  const int32_t batches = rng.range(1, 3);
  // Channel counts: small odd ones and a few wide ones (runs longer than 4).
  const int32_t in_c = rng.chance(25) ? rng.range(8, 40) : rng.range(1, 9);
  const int32_t out_c = rng.range(1, 13);
  int32_t filter_c = in_c;
  int32_t groups = 1;
  if (rng.chance(5) && in_c % 2 == 0 && out_c % 2 == 0) {  // grouped conv
    groups = 2;
    filter_c = in_c / 2;
  }
  (void)groups;
  k.in = dims(batches, y.in, x.in, in_c);
  k.filter = dims(out_c, kh, kw, filter_c);
  k.out = dims(batches, y.out, x.out, out_c);
  k.clamp = random_clamp(rng);
  k.has_bias = rng.chance(85);
  return k;
}

::testing::AssertionResult check_conv_float(Rng& rng, const ConvCase& k) {
  const auto input = random_floats(rng, k.in.elements());
  const auto filter = random_floats(rng, k.filter.elements());
  const auto bias = random_floats(rng, k.out.c);
  const float* b = k.has_bias ? bias.data() : nullptr;
  std::vector<float> got(static_cast<size_t>(k.out.elements()), 1234.0f);
  std::vector<float> want(got.size(), -1234.0f), magnitude(got.size());
  optimized_kernels().conv2d_float(k.window, k.clamp, k.in, input.data(), k.filter, filter.data(),
                                   b, k.out, got.data());
  reference::conv2d_float(k.window, k.clamp, k.in, input.data(), k.filter, filter.data(), b, k.out,
                          want.data());
  const auto abs_bias = absolute(bias);
  reference::conv2d_float(k.window, FloatClamp{}, k.in, absolute(input).data(), k.filter,
                          absolute(filter).data(), k.has_bias ? abs_bias.data() : nullptr, k.out,
                          magnitude.data());
  return close(got, want, magnitude, "float " + k.describe());
}

::testing::AssertionResult check_conv_hybrid(Rng& rng, const ConvCase& k) {
  const auto input = random_floats(rng, k.in.elements());
  const auto filter = random_int8(rng, k.filter.elements());
  const auto scales = random_floats(rng, k.out.c, 0.001f, 0.05f);
  const auto bias = random_floats(rng, k.out.c);
  const float* b = k.has_bias ? bias.data() : nullptr;
  std::vector<float> got(static_cast<size_t>(k.out.elements()), 1234.0f);
  std::vector<float> want(got.size(), -1234.0f), magnitude(got.size());
  optimized_kernels().conv2d_hybrid(k.window, k.clamp, k.in, input.data(), k.filter, filter.data(),
                                    scales.data(), b, k.out, got.data());
  reference::conv2d_hybrid(k.window, k.clamp, k.in, input.data(), k.filter, filter.data(),
                           scales.data(), b, k.out, want.data());
  const auto abs_bias = absolute(bias);
  reference::conv2d_hybrid(k.window, FloatClamp{}, k.in, absolute(input).data(), k.filter,
                           absolute(filter).data(), scales.data(),
                           k.has_bias ? abs_bias.data() : nullptr, k.out, magnitude.data());
  return close(got, want, magnitude, "hybrid " + k.describe());
}

TEST(OptimizedFloatDiffTest, Conv2dFloatRandom) {
  Rng rng{0xC0FFEE01};
  for (int i = 0; i < 3000; ++i) {
    const ConvCase k = random_conv(rng);
    ASSERT_TRUE(check_conv_float(rng, k)) << "case " << i;
  }
}

TEST(OptimizedFloatDiffTest, Conv2dHybridRandom) {
  Rng rng{0xC0FFEE02};
  for (int i = 0; i < 3000; ++i) {
    const ConvCase k = random_conv(rng);
    ASSERT_TRUE(check_conv_hybrid(rng, k)) << "case " << i;
  }
}

// The study's and the MLPerf Tiny models' convolution shapes.
TEST(OptimizedFloatDiffTest, Conv2dModelShapes) {
  Rng rng{0xC0FFEE03};
  struct Shape {
    int32_t h, w, c, kh, kw, oc, stride;
    bool same;
  };
  const Shape shapes[] = {
      {13, 13, 32, 3, 3, 64, 1, false},  // mnist conv2d_4
      {5, 5, 64, 3, 3, 64, 1, false},    // mnist conv2d_5
      {49, 10, 1, 10, 4, 64, 2, true},   // kws first conv
      {25, 5, 64, 1, 1, 64, 1, true},    // kws pointwise
      {32, 32, 3, 3, 3, 16, 1, true},    // resnet first conv
      {32, 32, 16, 3, 3, 32, 2, true},   // resnet strided
      {32, 32, 16, 1, 1, 32, 2, true},   // resnet 1x1 shortcut
  };
  for (const Shape& s : shapes) {
    ConvCase k;
    k.window.stride_h = k.window.stride_w = s.stride;
    const int32_t oh = s.same ? (s.h + s.stride - 1) / s.stride : (s.h - s.kh) / s.stride + 1;
    const int32_t ow = s.same ? (s.w + s.stride - 1) / s.stride : (s.w - s.kw) / s.stride + 1;
    k.window.pad_top = std::max(0, ((oh - 1) * s.stride + s.kh - s.h) / 2);
    k.window.pad_left = std::max(0, ((ow - 1) * s.stride + s.kw - s.w) / 2);
    k.in = dims(1, s.h, s.w, s.c);
    k.filter = dims(s.oc, s.kh, s.kw, s.c);
    k.out = dims(1, oh, ow, s.oc);
    k.clamp.min = 0.0f;
    EXPECT_TRUE(check_conv_float(rng, k));
    EXPECT_TRUE(check_conv_hybrid(rng, k));
  }
}

// ---- DEPTHWISE_CONV_2D ------------------------------------------------------

struct DwCase {
  Window window;
  int32_t dm = 1;
  FloatClamp clamp;
  Dims4 in, filter, out;
  bool has_bias = true;
  std::string describe() const {
    return "depthwise in " + std::to_string(in.n) + "x" + std::to_string(in.h) + "x" +
           std::to_string(in.w) + "x" + std::to_string(in.c) + " dm " + std::to_string(dm) +
           " filter " + std::to_string(filter.h) + "x" + std::to_string(filter.w) + " stride " +
           std::to_string(window.stride_h) + "," + std::to_string(window.stride_w) + " dilation " +
           std::to_string(window.dilation_h) + "," + std::to_string(window.dilation_w) + " pad " +
           std::to_string(window.pad_top) + "," + std::to_string(window.pad_left);
  }
};

DwCase random_dw(Rng& rng) {
  DwCase k;
  const bool same = rng.chance(50);
  // A third of the cases take the packed 3x3 single-channel path.
  const bool packed = rng.chance(33);
  const int32_t kh = packed ? 3 : rng.range(1, 5), kw = packed ? 3 : rng.range(1, 5);
  k.window.stride_h = rng.range(1, 3);
  k.window.stride_w = rng.range(1, 3);
  k.window.dilation_h = packed ? 1 : rng.range(1, 2);
  k.window.dilation_w = packed ? 1 : rng.range(1, 2);
  const Axis y = random_axis(rng, kh, k.window.stride_h, k.window.dilation_h, same, 9);
  const Axis x = random_axis(rng, kw, k.window.stride_w, k.window.dilation_w, same, 9);
  k.window.pad_top = y.pad;
  k.window.pad_left = x.pad;
  const int32_t batches = rng.range(1, 3);
  const int32_t in_c = packed ? 1 : rng.range(1, 12);
  k.dm = packed ? 8 * rng.range(1, 5) : rng.range(1, 3);
  k.in = dims(batches, y.in, x.in, in_c);
  k.filter = dims(1, kh, kw, in_c * k.dm);
  k.out = dims(batches, y.out, x.out, in_c * k.dm);
  k.clamp = random_clamp(rng);
  k.has_bias = rng.chance(85);
  return k;
}

::testing::AssertionResult check_dw_float(Rng& rng, const DwCase& k) {
  const auto input = random_floats(rng, k.in.elements());
  const auto filter = random_floats(rng, k.filter.elements());
  const auto bias = random_floats(rng, k.out.c);
  const float* b = k.has_bias ? bias.data() : nullptr;
  std::vector<float> got(static_cast<size_t>(k.out.elements()), 1234.0f);
  std::vector<float> want(got.size(), -1234.0f), magnitude(got.size());
  optimized_kernels().depthwise_float(k.window, k.dm, k.clamp, k.in, input.data(), k.filter,
                                      filter.data(), b, k.out, got.data());
  reference::depthwise_float(k.window, k.dm, k.clamp, k.in, input.data(), k.filter, filter.data(),
                             b, k.out, want.data());
  const auto abs_bias = absolute(bias);
  reference::depthwise_float(k.window, k.dm, FloatClamp{}, k.in, absolute(input).data(), k.filter,
                             absolute(filter).data(), k.has_bias ? abs_bias.data() : nullptr, k.out,
                             magnitude.data());
  return close(got, want, magnitude, "float " + k.describe());
}

::testing::AssertionResult check_dw_hybrid(Rng& rng, const DwCase& k) {
  const auto input = random_floats(rng, k.in.elements());
  const auto filter = random_int8(rng, k.filter.elements());
  const auto scales = random_floats(rng, k.out.c, 0.001f, 0.05f);
  const auto bias = random_floats(rng, k.out.c);
  const float* b = k.has_bias ? bias.data() : nullptr;
  std::vector<float> got(static_cast<size_t>(k.out.elements()), 1234.0f);
  std::vector<float> want(got.size(), -1234.0f), magnitude(got.size());
  optimized_kernels().depthwise_hybrid(k.window, k.dm, k.clamp, k.in, input.data(), k.filter,
                                       filter.data(), scales.data(), b, k.out, got.data());
  reference::depthwise_hybrid(k.window, k.dm, k.clamp, k.in, input.data(), k.filter, filter.data(),
                              scales.data(), b, k.out, want.data());
  const auto abs_bias = absolute(bias);
  reference::depthwise_hybrid(k.window, k.dm, FloatClamp{}, k.in, absolute(input).data(), k.filter,
                              absolute(filter).data(), scales.data(),
                              k.has_bias ? abs_bias.data() : nullptr, k.out, magnitude.data());
  return close(got, want, magnitude, "hybrid " + k.describe());
}

TEST(OptimizedFloatDiffTest, DepthwiseFloatRandom) {
  Rng rng{0xD3E701};
  for (int i = 0; i < 3000; ++i) {
    const DwCase k = random_dw(rng);
    ASSERT_TRUE(check_dw_float(rng, k)) << "case " << i;
  }
}

TEST(OptimizedFloatDiffTest, DepthwiseHybridRandom) {
  Rng rng{0xD3E702};
  for (int i = 0; i < 3000; ++i) {
    const DwCase k = random_dw(rng);
    ASSERT_TRUE(check_dw_hybrid(rng, k)) << "case " << i;
  }
}

TEST(OptimizedFloatDiffTest, DepthwiseModelShapes) {
  Rng rng{0xD3E703};
  {  // mnist first layer: 28x28x1, 3x3, dm 32, VALID
    DwCase k;
    k.dm = 32;
    k.in = dims(1, 28, 28, 1);
    k.filter = dims(1, 3, 3, 32);
    k.out = dims(1, 26, 26, 32);
    k.clamp.min = 0.0f;
    EXPECT_TRUE(check_dw_float(rng, k));
    EXPECT_TRUE(check_dw_hybrid(rng, k));
  }
  {  // kws: 25x5x64, 3x3, dm 1, SAME
    DwCase k;
    k.window.pad_top = k.window.pad_left = 1;
    k.in = dims(1, 25, 5, 64);
    k.filter = dims(1, 3, 3, 64);
    k.out = dims(1, 25, 5, 64);
    k.clamp.min = 0.0f;
    EXPECT_TRUE(check_dw_float(rng, k));
    EXPECT_TRUE(check_dw_hybrid(rng, k));
  }
}

// ---- FULLY_CONNECTED --------------------------------------------------------

TEST(OptimizedFloatDiffTest, FullyConnectedRandom) {
  Rng rng{0xFC0001};
  for (int i = 0; i < 3000; ++i) {
    const int32_t batches = rng.range(1, 5);
    const int32_t depth = rng.chance(20) ? rng.range(64, 700) : rng.range(1, 40);
    const int32_t units = rng.range(1, 13);
    const FloatClamp clamp = random_clamp(rng);
    const bool has_bias = rng.chance(85);
    const bool hybrid = rng.chance(50);
    const auto input = random_floats(rng, int64_t{batches} * depth);
    const auto bias = random_floats(rng, units);
    const auto abs_bias = absolute(bias);
    const float* b = has_bias ? bias.data() : nullptr;
    const float* ab = has_bias ? abs_bias.data() : nullptr;
    std::vector<float> got(static_cast<size_t>(batches * units), 1234.0f);
    std::vector<float> want(got.size(), -1234.0f), magnitude(got.size());
    const std::string what = std::string(hybrid ? "hybrid" : "float") + " fully connected " +
                             std::to_string(batches) + "x" + std::to_string(depth) + " -> " +
                             std::to_string(units);
    if (hybrid) {
      const auto filter = random_int8(rng, int64_t{units} * depth);
      const auto scales = random_floats(rng, units, 0.001f, 0.05f);
      optimized_kernels().fully_connected_hybrid(clamp, batches, depth, units, input.data(),
                                                 filter.data(), scales.data(), b, got.data());
      reference::fully_connected_hybrid(clamp, batches, depth, units, input.data(), filter.data(),
                                        scales.data(), b, want.data());
      reference::fully_connected_hybrid(FloatClamp{}, batches, depth, units, absolute(input).data(),
                                        absolute(filter).data(), scales.data(), ab,
                                        magnitude.data());
    } else {
      const auto filter = random_floats(rng, int64_t{units} * depth);
      optimized_kernels().fully_connected_float(clamp, batches, depth, units, input.data(),
                                                filter.data(), b, got.data());
      reference::fully_connected_float(clamp, batches, depth, units, input.data(), filter.data(), b,
                                       want.data());
      reference::fully_connected_float(FloatClamp{}, batches, depth, units, absolute(input).data(),
                                       absolute(filter).data(), ab, magnitude.data());
    }
    ASSERT_TRUE(close(got, want, magnitude, what)) << "case " << i;
  }
}

// ---- MAX_POOL_2D ------------------------------------------------------------

TEST(OptimizedFloatDiffTest, MaxPoolFloatRandom) {
  Rng rng{0x9001};
  for (int i = 0; i < 3000; ++i) {
    Window w;
    const bool same = rng.chance(50);
    w.filter_h = rng.range(1, 4);
    w.filter_w = rng.range(1, 4);
    w.stride_h = rng.range(1, 3);
    w.stride_w = rng.range(1, 3);
    const Axis y = random_axis(rng, w.filter_h, w.stride_h, 1, same, 9);
    const Axis x = random_axis(rng, w.filter_w, w.stride_w, 1, same, 9);
    w.pad_top = y.pad;
    w.pad_left = x.pad;
    const int32_t batches = rng.range(1, 3), c = rng.range(1, 11);
    const Dims4 in = dims(batches, y.in, x.in, c), out = dims(batches, y.out, x.out, c);
    const FloatClamp clamp = random_clamp(rng);
    const auto input = random_floats(rng, in.elements(), -3.0f, 3.0f);
    std::vector<float> got(static_cast<size_t>(out.elements()), 1234.0f);
    std::vector<float> want(got.size(), -1234.0f);
    optimized_kernels().max_pool_float(w, clamp, in, input.data(), out, got.data());
    reference::max_pool_float(w, clamp, in, input.data(), out, want.data());
    ASSERT_EQ(got, want) << "case " << i << " in " << y.in << "x" << x.in << "x" << c << " filter "
                         << w.filter_h << "x" << w.filter_w;
  }
}

}  // namespace
}  // namespace tinyinfer::kernels
