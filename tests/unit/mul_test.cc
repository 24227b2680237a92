// MUL: reference math by hand (broadcast, clamp, int8 requantization with a
// factor above one) and the refusal of the types it does not implement.
#include "ops/mul/mul.h"

#include <cstdint>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

// in1 [2,3] * in2 [3] (a row broadcast over both rows) -> out [2,3].
ModelBuilder mul_model(fb::TensorType type, float scale1, int64_t zp1, float scale2, int64_t zp2, float out_scale,
                       int64_t out_zp, fb::ActivationFunctionType act) {
  ModelBuilder b;
  const int32_t in1 = b.tensor(type, {2, 3}, scale1, zp1);
  const int32_t in2 = b.tensor(type, {3}, scale2, zp2);
  const int32_t out = b.tensor(type, {2, 3}, out_scale, out_zp);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::MUL, 2), {in1, in2}, {out});
  fb::MulOptionsT options;
  options.fused_activation_function = act;
  op.builtin_options.Set(options);
  b.io({in1, in2}, {out});
  return b;
}

struct MulRun {
  testing::AlignedBytes bytes;
  Model model;
  alignas(16) uint8_t arena[4096];
  Interpreter interpreter;
  Status status;

  explicit MulRun(const ModelBuilder& builder) : bytes(builder.finish()) {
    status = Model::load(bytes.data(), bytes.size(), &model);
    if (status.is_ok()) status = interpreter.init(model, KernelChoice::kReference, arena, sizeof(arena));
  }
};

TEST(MulTest, FloatBroadcastRowAndRelu6) {
  MulRun run(mul_model(fb::TensorType::FLOAT32, 0, 0, 0, 0, 0, 0, fb::ActivationFunctionType::RELU6));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const float a[6] = {1, 2, 3, -1, 4, 0.5f};
  const float b[3] = {2, -1, 1.5f};
  std::memcpy(run.interpreter.input(0)->data, a, sizeof(a));
  std::memcpy(run.interpreter.input(1)->data, b, sizeof(b));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  const float* out = static_cast<const float*>(run.interpreter.output(0)->data);
  const float expected[6] = {2, 0, 4.5f, 0, 0, 0.75f};  // -2, -4 clamp to 0; 8 would clamp to 6
  for (int i = 0; i < 6; ++i) EXPECT_FLOAT_EQ(out[i], expected[i]) << "element " << i;
}

TEST(MulTest, Int8RequantizesWithAFactorAboveOne) {
  // scale 0.5 * 0.5 / 0.125 = 2: out = out_zp + 2 * (a - 1) * (b + 2), clamped to int8.
  MulRun run(mul_model(fb::TensorType::INT8, 0.5f, 1, 0.5f, -2, 0.125f, 3, fb::ActivationFunctionType::NONE));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const int8_t a[6] = {1, 2, 11, -9, 127, -128};
  const int8_t b[3] = {-2, 3, 8};
  std::memcpy(run.interpreter.input(0)->data, a, sizeof(a));
  std::memcpy(run.interpreter.input(1)->data, b, sizeof(b));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  const int8_t* out = static_cast<const int8_t*>(run.interpreter.output(0)->data);
  // a-1: 0 1 10 | -10 126 -129;  b+2: 0 5 10
  const int8_t expected[6] = {3, 13, 127, 3, 127, -128};  // 203 and 1263 saturate high, -2577 low
  for (int i = 0; i < 6; ++i) EXPECT_EQ(out[i], expected[i]) << "element " << i;
}

TEST(MulTest, TypesWithoutKernelAreRefusedNamingTheType) {
  for (fb::TensorType type : {fb::TensorType::INT64, fb::TensorType::UINT8}) {
    MulRun run(mul_model(type, 0.5f, 0, 0.5f, 0, 0.5f, 0, fb::ActivationFunctionType::NONE));
    EXPECT_EQ(run.status.code(), StatusCode::kUnsupported);
    const std::string message = run.status.message();
    EXPECT_NE(message.find("MUL"), std::string::npos) << message;
    EXPECT_NE(message.find(type == fb::TensorType::INT64 ? "int64" : "uint8"), std::string::npos) << message;
  }
}

TEST(MulTest, ShapesThatDoNotBroadcastAreRefused) {
  ModelBuilder b;
  const int32_t in1 = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t in2 = b.tensor(fb::TensorType::FLOAT32, {2});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  b.op(b.opcode(fb::BuiltinOperator::MUL), {in1, in2}, {out});
  b.io({in1, in2}, {out});
  MulRun run(b);
  EXPECT_EQ(run.status.code(), StatusCode::kInvalidModel);
  EXPECT_NE(std::string(run.status.message()).find("cannot broadcast"), std::string::npos) << run.status.message();
}

}  // namespace
}  // namespace tinyinfer
