// real_value(): what the shell, the link server and the board CLI print for
// an output element, per tensor type.
#include <cstdint>

#include <gtest/gtest.h>

#include "tinyinfer/tensor.h"

namespace tinyinfer {
namespace {

Tensor tensor_of(DataType type, void* data, const float* scale = nullptr, const int64_t* zero_point = nullptr) {
  Tensor t;
  t.type = type;
  t.shape.rank = 1;
  t.shape.dims[0] = 3;
  t.data = data;
  if (scale != nullptr) {
    t.quant.scales = scale;
    t.quant.zero_points = zero_point;
    t.quant.count = 1;
  }
  return t;
}

TEST(TensorValue, FloatAsItIs) {
  float data[3] = {0.5f, -2.25f, 7.0f};
  float v = 0;
  ASSERT_TRUE(real_value(tensor_of(DataType::kFloat32, data), 1, &v));
  EXPECT_EQ(v, -2.25f);
}

TEST(TensorValue, QuantizedIntegersDequantized) {
  const float scale = 0.5f;
  const int64_t zero_point = -3;
  int8_t i8[3] = {-128, -3, 127};
  uint8_t u8[3] = {0, 255, 1};
  int16_t i16[3] = {-32768, 0, 32767};
  float v = 0;
  ASSERT_TRUE(real_value(tensor_of(DataType::kInt8, i8, &scale, &zero_point), 0, &v));
  EXPECT_EQ(v, 0.5f * (-128 + 3));
  ASSERT_TRUE(real_value(tensor_of(DataType::kInt8, i8, &scale, &zero_point), 1, &v));
  EXPECT_EQ(v, 0.0f);
  ASSERT_TRUE(real_value(tensor_of(DataType::kUInt8, u8, &scale, &zero_point), 1, &v));
  EXPECT_EQ(v, 0.5f * (255 + 3));
  ASSERT_TRUE(real_value(tensor_of(DataType::kInt16, i16, &scale, &zero_point), 2, &v));
  EXPECT_EQ(v, 0.5f * (32767 + 3));
}

TEST(TensorValue, UnquantizedIntegersRaw) {
  int32_t i32[3] = {1, -70000, 3};
  int16_t i16[3] = {4, 5, -6};
  float v = 0;
  ASSERT_TRUE(real_value(tensor_of(DataType::kInt32, i32), 1, &v));
  EXPECT_EQ(v, -70000.0f);
  ASSERT_TRUE(real_value(tensor_of(DataType::kInt16, i16), 2, &v));
  EXPECT_EQ(v, -6.0f);
}

TEST(TensorValue, OtherTypesRefusedAndValueUntouched) {
  bool flags[3] = {true, false, true};
  int64_t wide[3] = {1, 2, 3};
  float v = 42.0f;
  EXPECT_FALSE(real_value(tensor_of(DataType::kBool, flags), 0, &v));
  EXPECT_FALSE(real_value(tensor_of(DataType::kInt64, wide), 0, &v));
  EXPECT_EQ(v, 42.0f);
}

}  // namespace
}  // namespace tinyinfer
