// int16x8 CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED, TRANSPOSE_CONV and
// BATCH_MATMUL: what the conformance folders do not reach (TFLite's 64-bit
// rescale at its rounding edges, int32 biases and their wrapping
// accumulator, broadcasts and adj_x / adj_y, refusals and their messages).
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ops/common/mm16_int16.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

// One op's model, prepared in a 16 KB arena; run() sets the inputs in order,
// invokes and returns output 0.
class Runner {
 public:
  explicit Runner(const ModelBuilder& builder) : bytes_(builder.finish()) {
    status = Model::load(bytes_.data(), bytes_.size(), &model_);
    if (status.is_ok()) status = interpreter_.init(model_, KernelChoice::kReference, arena_, sizeof(arena_));
  }
  template <typename Out, typename... In>
  std::vector<Out> run(const std::vector<In>&... inputs) {
    int32_t index = 0;
    (std::memcpy(interpreter_.input(index++)->data, inputs.data(), inputs.size() * sizeof(In)), ...);
    invoked = interpreter_.invoke();
    const Tensor* out = interpreter_.output(0);
    std::vector<Out> values(out->bytes / sizeof(Out));
    std::memcpy(values.data(), out->data, out->bytes);
    return values;
  }

  Status status;
  Status invoked;

 private:
  testing::AlignedBytes bytes_;
  Model model_;
  alignas(16) uint8_t arena_[16384];
  Interpreter interpreter_;
};

bool mentions(const Status& s, const char* text) { return std::string(s.message()).find(text) != std::string::npos; }

// ---- TFLite's 64-bit rescale ----

TEST(Int16x8MatmulOpsTest, Rescale64RoundsHalfUpAndReducesTheMultiplier) {
  // 0.5 as Q31: reduced to Q15 16384; x * 0.5 rounds half toward +infinity.
  constexpr int32_t kHalf = 1 << 30;
  EXPECT_EQ(quant::multiply_by_quantized_multiplier_64(3, kHalf, 0), 2);
  EXPECT_EQ(quant::multiply_by_quantized_multiplier_64(-3, kHalf, 0), -1);
  EXPECT_EQ(quant::multiply_by_quantized_multiplier_64(1000, kHalf, -2), 125);
  EXPECT_EQ(quant::multiply_by_quantized_multiplier_64(int64_t{1} << 40, kHalf, -20), 1 << 19);
  // A multiplier near 1 saturates its Q15 form at 0x7FFF.
  EXPECT_EQ(quant::multiply_by_quantized_multiplier_64(1 << 20, 0x7FFFFFFF, 0), 1048544);
}

TEST(Int16x8MatmulOpsTest, Int32BiasWrapsLikeTheInt32Accumulator) {
  kernels::Requant rq;
  const int32_t multiplier = 1 << 30, shift = -14;  // x / 2^15
  rq.multipliers = &multiplier;
  rq.shifts = &shift;
  rq.per_channel = false;
  rq.act_min = INT16_MIN;
  rq.act_max = INT16_MAX;
  const int32_t bias32 = 1;
  const int64_t bias64 = 1;
  const int64_t acc = (int64_t{1} << 31) - 1;  // INT32_MAX: + 1 wraps in 32 bits
  EXPECT_EQ(kernels::requantize_int16<int32_t>(acc, &bias32, rq, 0), INT16_MIN);
  EXPECT_EQ(kernels::requantize_int16<int64_t>(acc, &bias64, rq, 0), INT16_MAX);
}

// ---- CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED int16x8 ----

// 1x1x2x2 int16 input, a 1x1 filter per output channel: out[c] = sum_i x[i] * w[c][i] (+ bias) * scale ratio 1/2.
ModelBuilder conv16_model(fb::BuiltinOperator code, fb::TensorType bias_type, bool with_bias, int64_t input_zero = 0) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT16, {1, 1, 2, 2}, 1.0f, input_zero);
  const int32_t out = b.tensor(fb::TensorType::INT16, {1, 1, 2, 2}, 4.0f, 0);
  std::vector<int32_t> inputs = {in, -1};
  const bool depthwise = code == fb::BuiltinOperator::DEPTHWISE_CONV_2D;
  inputs[1] = b.constant<int8_t>(
      fb::TensorType::INT8, depthwise ? std::vector<int32_t>{1, 1, 1, 2} : std::vector<int32_t>{2, 1, 1, 2},
      depthwise ? std::vector<int8_t>{3, -5} : std::vector<int8_t>{3, 1, -5, 2}, {2.0f, 2.0f}, depthwise ? 3 : 0);
  if (with_bias) {
    inputs.push_back(bias_type == fb::TensorType::INT32 ? b.constant<int32_t>(bias_type, {2}, {10, -10})
                                                        : b.constant<int64_t>(bias_type, {2}, {10, -10}));
  }
  fb::OperatorT& op = b.op(b.opcode(code), inputs, {out});
  if (depthwise) {
    fb::DepthwiseConv2DOptionsT o;
    o.padding = fb::Padding::VALID;
    o.stride_w = o.stride_h = 1;
    o.depth_multiplier = 1;
    op.builtin_options.Set(o);
  } else {
    fb::Conv2DOptionsT o;
    o.padding = fb::Padding::VALID;
    o.stride_w = o.stride_h = 1;
    o.quantized_bias_type = bias_type;
    op.builtin_options.Set(o);
  }
  b.io({in}, {out});
  return b;
}

TEST(Int16x8MatmulOpsTest, Conv2dInt16WithInt32AndInt64Bias) {
  for (const fb::TensorType bias_type : {fb::TensorType::INT32, fb::TensorType::INT64}) {
    Runner run(conv16_model(fb::BuiltinOperator::CONV_2D, bias_type, true));
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    const std::vector<int16_t> got = run.run<int16_t>(std::vector<int16_t>{100, -7, 3000, 4});
    ASSERT_TRUE(run.invoked.is_ok());
    // (x . w + bias) * 1 * 2 / 4, rounded half up.
    const std::vector<int16_t> want = {(300 - 7 + 10 + 1) / 2, (-500 - 14 - 10) / 2, (9000 + 4 + 10) / 2,
                                       (-15000 + 8 - 10) / 2};
    EXPECT_EQ(got, want);
  }
}

TEST(Int16x8MatmulOpsTest, Conv2dInt16WithoutBiasAndRelu) {
  ModelBuilder b = conv16_model(fb::BuiltinOperator::CONV_2D, fb::TensorType::INT64, false);
  b.graph().operators[0]->builtin_options.AsConv2DOptions()->fused_activation_function =
      fb::ActivationFunctionType::RELU;
  Runner run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> got = run.run<int16_t>(std::vector<int16_t>{100, -7, 3000, 4});
  ASSERT_TRUE(run.invoked.is_ok());
  const std::vector<int16_t> want = {147, 0, 4502, 0};
  EXPECT_EQ(got, want);
}

TEST(Int16x8MatmulOpsTest, Conv2dInt16NonZeroZeroPointRefused) {
  Runner run(conv16_model(fb::BuiltinOperator::CONV_2D, fb::TensorType::INT64, true, 3));
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "zero point")) << run.status.message();
}

TEST(Int16x8MatmulOpsTest, DepthwiseInt16Int64BiasRunsInt32BiasRefused) {
  Runner run(conv16_model(fb::BuiltinOperator::DEPTHWISE_CONV_2D, fb::TensorType::INT64, true));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> got = run.run<int16_t>(std::vector<int16_t>{100, -7, 3000, 4});
  ASSERT_TRUE(run.invoked.is_ok());
  const std::vector<int16_t> want = {(300 + 10) / 2, (35 - 10 + 1) / 2, (9000 + 10) / 2, (-20 - 10) / 2};
  EXPECT_EQ(got, want);

  Runner refused(conv16_model(fb::BuiltinOperator::DEPTHWISE_CONV_2D, fb::TensorType::INT32, true));
  ASSERT_FALSE(refused.status.is_ok());
  EXPECT_TRUE(mentions(refused.status, "DEPTHWISE_CONV_2D")) << refused.status.message();
}

TEST(Int16x8MatmulOpsTest, FullyConnectedInt16PerTensorInt32Bias) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT16, {2, 3}, 0.5f, 0);
  const int32_t w = b.constant<int8_t>(fb::TensorType::INT8, {2, 3}, {1, 2, 3, -4, 5, -6}, {1.0f});
  const int32_t bias = b.constant<int32_t>(fb::TensorType::INT32, {2}, {1, -1});
  const int32_t out = b.tensor(fb::TensorType::INT16, {2, 2}, 1.0f, 0);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::FULLY_CONNECTED), {in, w, bias}, {out});
  fb::FullyConnectedOptionsT o;
  op.builtin_options.Set(o);
  b.io({in}, {out});
  Runner run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> got = run.run<int16_t>(std::vector<int16_t>{10, 20, 30, -1, -2, -3});
  ASSERT_TRUE(run.invoked.is_ok());
  // (140 + 1) / 2 -> 71 (half up), (-120 - 1) / 2 -> -60, (-14 + 1) / 2 -> -6, (12 - 1) / 2 -> 6.
  const std::vector<int16_t> want = {71, -60, -6, 6};
  EXPECT_EQ(got, want);
}

// ---- BATCH_MATMUL ----

ModelBuilder matmul_model(fb::TensorType type, std::vector<int32_t> lhs_shape, std::vector<int32_t> rhs_shape,
                          std::vector<int32_t> out_shape, bool adj_x, bool adj_y, float scale = 0.0f,
                          int64_t lhs_zero = 0, int64_t rhs_zero = 0, int64_t out_zero = 0) {
  ModelBuilder b;
  const int32_t lhs = b.tensor(type, std::move(lhs_shape), scale, lhs_zero);
  const int32_t rhs = b.tensor(type, std::move(rhs_shape), scale, rhs_zero);
  const int32_t out = b.tensor(type, std::move(out_shape), scale, out_zero);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::BATCH_MATMUL), {lhs, rhs}, {out});
  fb::BatchMatMulOptionsT o;
  o.adj_x = adj_x;
  o.adj_y = adj_y;
  op.builtin_options.Set(o);
  b.io({lhs, rhs}, {out});
  return b;
}

TEST(Int16x8MatmulOpsTest, BatchMatMulFloatBroadcastWithAdjXAndAdjY) {
  // lhs [2, 1, K=3, M=2] (adj_x), rhs [3, N=2, K=3] (adj_y) -> [2, 3, 2, 2].
  Runner run(matmul_model(fb::TensorType::FLOAT32, {2, 1, 3, 2}, {3, 2, 3}, {2, 3, 2, 2}, true, true));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  std::vector<float> lhs(12), rhs(18);
  for (std::size_t i = 0; i < lhs.size(); ++i) lhs[i] = static_cast<float>(i) - 5.0f;
  for (std::size_t i = 0; i < rhs.size(); ++i) rhs[i] = static_cast<float>(i % 7) * 0.5f;
  const std::vector<float> got = run.run<float>(lhs, rhs);
  ASSERT_TRUE(run.invoked.is_ok());
  ASSERT_EQ(got.size(), 24u);
  for (int a = 0; a < 2; ++a) {
    for (int c = 0; c < 3; ++c) {
      for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 2; ++j) {
          float want = 0.0f;
          for (int k = 0; k < 3; ++k) want += lhs[a * 6 + k * 2 + i] * rhs[c * 6 + j * 3 + k];
          EXPECT_FLOAT_EQ(got[((a * 3 + c) * 2 + i) * 2 + j], want) << a << c << i << j;
        }
      }
    }
  }
}

TEST(Int16x8MatmulOpsTest, BatchMatMulInt8ZeroPoints) {
  // [1, 2] x [2, 1]; lhs zero point 1, rhs -2, output 3; scales 1 x 1 / 1.
  Runner run(matmul_model(fb::TensorType::INT8, {1, 2}, {2, 1}, {1, 1}, false, false, 1.0f, 1, -2, 3));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  // (5 - 1) * (2 + 2) + (-3 - 1) * (7 + 2) + 3 = 16 - 36 + 3.
  EXPECT_EQ(run.run<int8_t>(std::vector<int8_t>{5, -3}, std::vector<int8_t>{2, 7}), std::vector<int8_t>{-17});
  EXPECT_TRUE(run.invoked.is_ok());
}

TEST(Int16x8MatmulOpsTest, BatchMatMulInt16Saturates) {
  Runner run(matmul_model(fb::TensorType::INT16, {1, 2}, {2, 1}, {1, 1}, false, false, 1.0f));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  EXPECT_EQ(run.run<int16_t>(std::vector<int16_t>{300, 300}, std::vector<int16_t>{300, -1}),
            std::vector<int16_t>{32767});
  EXPECT_TRUE(run.invoked.is_ok());
}

TEST(Int16x8MatmulOpsTest, BatchMatMulRefusals) {
  Runner mismatch(matmul_model(fb::TensorType::FLOAT32, {2, 2, 3}, {3, 3, 2}, {3, 2, 2}, false, false));
  ASSERT_FALSE(mismatch.status.is_ok());
  EXPECT_TRUE(mentions(mismatch.status, "broadcast")) << mismatch.status.message();
  Runner depth(matmul_model(fb::TensorType::FLOAT32, {2, 3}, {2, 2}, {2, 2}, false, false));
  ASSERT_FALSE(depth.status.is_ok());
  EXPECT_TRUE(mentions(depth.status, "sums over")) << depth.status.message();
  Runner rank(matmul_model(fb::TensorType::FLOAT32, {1, 1, 1, 1, 2, 3}, {3, 2}, {1, 1, 1, 1, 2, 2}, false, false));
  ASSERT_FALSE(rank.status.is_ok());
  EXPECT_TRUE(mentions(rank.status, "rank 6")) << rank.status.message();
  Runner zero(matmul_model(fb::TensorType::INT16, {1, 2}, {2, 1}, {1, 1}, false, false, 1.0f, 1));
  ASSERT_FALSE(zero.status.is_ok());
  EXPECT_TRUE(mentions(zero.status, "zero point")) << zero.status.message();
}

// ---- TRANSPOSE_CONV ----

ModelBuilder transpose_conv_model(fb::Padding padding, const std::vector<int32_t>& output_shape, bool relu) {
  ModelBuilder b;
  const int32_t shape = b.constant<int32_t>(fb::TensorType::INT32, {4}, output_shape);
  const int32_t w = b.constant<float>(fb::TensorType::FLOAT32, {1, 3, 3, 1}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 2, 2, 1});
  const int32_t bias = b.constant<float>(fb::TensorType::FLOAT32, {1}, {-20.0f});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {1, 4, 4, 1});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::TRANSPOSE_CONV, 4), {shape, w, in, bias}, {out});
  fb::TransposeConvOptionsT o;
  o.padding = padding;
  o.stride_w = o.stride_h = 2;
  o.fused_activation_function = relu ? fb::ActivationFunctionType::RELU : fb::ActivationFunctionType::NONE;
  op.builtin_options.Set(o);
  b.io({in}, {out});
  return b;
}

TEST(Int16x8MatmulOpsTest, TransposeConvFloatSameStride2BiasRelu) {
  Runner run(transpose_conv_model(fb::Padding::SAME, {1, 4, 4, 1}, true));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<float> x = {1, 2, 3, 4};
  const std::vector<float> got = run.run<float>(x);
  ASSERT_TRUE(run.invoked.is_ok());
  // SAME, stride 2, 3x3 filter, 4x4 output: total padding 1, top/left 0.
  std::vector<float> want(16, 0.0f);
  for (int iy = 0; iy < 2; ++iy) {
    for (int ix = 0; ix < 2; ++ix) {
      for (int ky = 0; ky < 3; ++ky) {
        for (int kx = 0; kx < 3; ++kx) {
          const int oy = iy * 2 + ky, ox = ix * 2 + kx;
          if (oy < 4 && ox < 4) want[oy * 4 + ox] += x[iy * 2 + ix] * static_cast<float>(ky * 3 + kx + 1);
        }
      }
    }
  }
  for (float& v : want) v = v - 20.0f > 0.0f ? v - 20.0f : 0.0f;
  EXPECT_EQ(got, want);
}

TEST(Int16x8MatmulOpsTest, TransposeConvOutputShapeMismatchRefused) {
  Runner run(transpose_conv_model(fb::Padding::VALID, {1, 5, 5, 1}, false));
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "output_shape")) << run.status.message();
}

}  // namespace
}  // namespace tinyinfer
