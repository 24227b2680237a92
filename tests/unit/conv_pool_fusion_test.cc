// Conv + pool fusion: the same outputs as running the two ops separately,
// in a smaller arena.
#include <cstring>
#include <random>

#include <gtest/gtest.h>

#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"

namespace tinyinfer {
namespace {

using testing::AlignedBytes;
using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

// input [1,9,7,2] -> CONV_2D 3x3 (SAME or VALID) x4 channels -> pool 2x2/2 VALID
AlignedBytes conv_pool_model(bool depthwise, fb::Padding conv_padding, bool max_pool) {
  ModelBuilder b;
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 9, 7, 2});
  std::vector<float> weights(depthwise ? 3 * 3 * 4 : 4 * 3 * 3 * 2);
  for (float& w : weights) w = value(rng);
  const int32_t filter =
      b.constant<float>(fb::TensorType::FLOAT32,
                        depthwise ? std::vector<int32_t>{1, 3, 3, 4} : std::vector<int32_t>{4, 3, 3, 2}, weights);
  const int32_t bias = b.constant<float>(fb::TensorType::FLOAT32, {4}, {0.1f, -0.2f, 0.3f, 0.0f});
  const int32_t h = conv_padding == fb::Padding::SAME ? 9 : 7, w = conv_padding == fb::Padding::SAME ? 7 : 5;
  const int32_t conv_out = b.tensor(fb::TensorType::FLOAT32, {1, h, w, 4});
  const int32_t pooled = b.tensor(fb::TensorType::FLOAT32, {1, h / 2, w / 2, 4});
  fb::OperatorT& conv =
      b.op(b.opcode(depthwise ? fb::BuiltinOperator::DEPTHWISE_CONV_2D : fb::BuiltinOperator::CONV_2D),
           {in, filter, bias}, {conv_out});
  if (depthwise) {
    fb::DepthwiseConv2DOptionsT o;
    o.padding = conv_padding;
    o.stride_h = o.stride_w = 1;
    o.depth_multiplier = 2;
    o.fused_activation_function = fb::ActivationFunctionType::RELU;
    conv.builtin_options.Set(o);
  } else {
    fb::Conv2DOptionsT o;
    o.padding = conv_padding;
    o.stride_h = o.stride_w = 1;
    conv.builtin_options.Set(o);
  }
  fb::OperatorT& pool =
      b.op(b.opcode(max_pool ? fb::BuiltinOperator::MAX_POOL_2D : fb::BuiltinOperator::AVERAGE_POOL_2D), {conv_out},
           {pooled});
  fb::Pool2DOptionsT p;
  p.padding = fb::Padding::VALID;
  p.stride_h = p.stride_w = p.filter_height = p.filter_width = 2;
  pool.builtin_options.Set(p);
  b.io({in}, {pooled});
  return b.finish();
}

std::vector<float> run(const AlignedBytes& bytes, bool fuse, std::size_t* arena_used, bool* fused) {
  Model model;
  EXPECT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
  AlignedBytes arena(1 << 20);
  Interpreter interpreter;
  InterpreterOptions options;
  options.fuse_conv_pool = fuse;
  const Status status = interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size(), options);
  EXPECT_TRUE(status.is_ok()) << status.message();
  Tensor* input = interpreter.input(0);
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> value(-2.0f, 2.0f);
  for (int64_t i = 0; i < input->shape.elements(); ++i) input->data_as<float>()[i] = value(rng);
  EXPECT_TRUE(interpreter.invoke().is_ok());
  *arena_used = interpreter.arena_used_bytes();
  *fused = interpreter.op_fused_into_previous(1);
  const Tensor* out = interpreter.output(0);
  return std::vector<float>(out->data_as<const float>(), out->data_as<const float>() + out->shape.elements());
}

TEST(ConvPoolFusion, SameOutputsSmallerArena) {
  for (bool depthwise : {false, true}) {
    for (fb::Padding padding : {fb::Padding::SAME, fb::Padding::VALID}) {
      for (bool max_pool : {true, false}) {
        SCOPED_TRACE(std::string(depthwise ? "depthwise" : "conv") +
                     (padding == fb::Padding::SAME ? " SAME" : " VALID") + (max_pool ? " max" : " average"));
        const AlignedBytes bytes = conv_pool_model(depthwise, padding, max_pool);
        std::size_t plain_arena = 0, fused_arena = 0;
        bool plain_fused = true, fused = false;
        const std::vector<float> plain = run(bytes, false, &plain_arena, &plain_fused);
        const std::vector<float> banded = run(bytes, true, &fused_arena, &fused);
        EXPECT_FALSE(plain_fused);
        EXPECT_TRUE(fused);
        EXPECT_EQ(plain, banded);  // same kernel per element: bit-identical
        EXPECT_LT(fused_arena, plain_arena);
      }
    }
  }
}

}  // namespace
}  // namespace tinyinfer
