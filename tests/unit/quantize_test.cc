// Reference QUANTIZE / DEQUANTIZE: rounding half away from zero, zero point,
// saturation and round trips.
#include "ops/quantize/quantize.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

#include "ops/dequantize/dequantize.h"

namespace tinyinfer::kernels::reference {
namespace {

TEST(QuantizeTest, RoundsHalfAwayFromZero) {
  // scale 0.5: x / 0.5 = 2x, all exact in float.
  const float in[8] = {0.25f, -0.25f, 0.75f, -0.75f, 1.0f, -1.0f, 0.2f, -0.2f};
  int8_t out[8] = {};
  quantize(0.5f, 0, 8, in, out);
  const int8_t expected[8] = {1, -1, 2, -2, 2, -2, 0, 0};  // 0.5, -0.5, 1.5, -1.5, ..., 0.4, -0.4
  for (int i = 0; i < 8; ++i) EXPECT_EQ(out[i], expected[i]) << i;
}

TEST(QuantizeTest, ZeroPointAndSaturation) {
  const float in[6] = {0.0f, 1.0f, 1000.0f, -1000.0f, 63.5f, -64.5f};
  int8_t out[6] = {};
  quantize(0.5f, -10, 6, in, out);
  // 0 -> -10; 2 - 10 = -8; saturate both ends; 127 - 10 = 117; -129 - 10 -> -128.
  const int8_t expected[6] = {-10, -8, 127, -128, 117, -128};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], expected[i]) << i;
  // The zero point is added after rounding: -0.5 -> -1, then + 1 -> 0.
  const float half[1] = {-0.25f};
  quantize(0.5f, 1, 1, half, out);
  EXPECT_EQ(out[0], 0);
}

TEST(QuantizeTest, NonFiniteInputsAreDefined) {
  const float inf = std::numeric_limits<float>::infinity();
  const float in[4] = {inf, -inf, 3e38f, std::numeric_limits<float>::quiet_NaN()};
  int8_t out[4] = {};
  quantize(1e-3f, 5, 4, in, out);
  EXPECT_EQ(out[0], 127);
  EXPECT_EQ(out[1], -128);
  EXPECT_EQ(out[2], 127);
  EXPECT_EQ(out[3], 5);  // NaN -> zero point
}

TEST(QuantizeTest, Dequantize) {
  const int8_t in[4] = {20, 10, -128, 127};
  float out[4] = {};
  dequantize(0.5f, 10, 4, in, out);
  EXPECT_FLOAT_EQ(out[0], 5.0f);  // 0.5 * 10
  EXPECT_FLOAT_EQ(out[1], 0.0f);
  EXPECT_FLOAT_EQ(out[2], -69.0f);  // 0.5 * -138
  EXPECT_FLOAT_EQ(out[3], 58.5f);   // 0.5 * 117
  // The product is formed in double and rounded once: float(0.1f) * 3 in
  // double, then to float, equals float(3 * double(0.1f)).
  const int8_t three[1] = {3};
  dequantize(0.1f, 0, 1, three, out);
  EXPECT_EQ(out[0], static_cast<float>(3.0 * static_cast<double>(0.1f)));
}

TEST(QuantizeTest, RoundTripAllInt8) {
  const float scale = 0.037f;
  const int32_t zero_point = 7;
  int8_t q[256];
  for (int i = 0; i < 256; ++i) q[i] = static_cast<int8_t>(i - 128);
  float real[256];
  int8_t back[256];
  dequantize(scale, zero_point, 256, q, real);
  quantize(scale, zero_point, 256, real, back);
  for (int i = 0; i < 256; ++i) EXPECT_EQ(back[i], q[i]) << i;
}

}  // namespace
}  // namespace tinyinfer::kernels::reference
