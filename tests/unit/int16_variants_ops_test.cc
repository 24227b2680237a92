// The int16 (16x8), int32 and requantizing variants of ADD, MUL, QUANTIZE,
// DEQUANTIZE, the pools and SOFTMAX, and L2_POOL_2D: math by hand where the
// conformance folders do not reach (broadcasts, zero points, activations,
// saturation, wrapping, padding) and the refusals at prepare.
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ops/add/add.h"
#include "ops/common/q16_int16_lut.h"
#include "ops/softmax/softmax.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;
using Type = fb::TensorType;
using Act = fb::ActivationFunctionType;

struct TensorSpec {
  Type type;
  std::vector<int32_t> shape;
  float scale = 0.0f;
  int64_t zero_point = 0;
};

// One operator `code` from `ins` to `out`; `options` sets its builtin options.
ModelBuilder single_op(fb::BuiltinOperator code, const std::vector<TensorSpec>& ins, const TensorSpec& out,
                       const std::function<void(fb::OperatorT&)>& options = nullptr) {
  ModelBuilder b;
  std::vector<int32_t> inputs;
  inputs.reserve(ins.size());
  for (const TensorSpec& t : ins) inputs.push_back(b.tensor(t.type, t.shape, t.scale, t.zero_point));
  const int32_t output = b.tensor(out.type, out.shape, out.scale, out.zero_point);
  fb::OperatorT& op = b.op(b.opcode(code, 1), inputs, {output});
  if (options) options(op);
  b.io(inputs, {output});
  return b;
}

// The model loaded and prepared in its own arena, run with typed inputs.
class Prepared {
 public:
  explicit Prepared(const ModelBuilder& builder, KernelChoice kernels = KernelChoice::kReference)
      : bytes_(builder.finish()), arena_(new uint8_t[kArenaBytes + 16]) {
    status_ = Model::load(bytes_.data(), bytes_.size(), &model_);
    auto* aligned = reinterpret_cast<uint8_t*>((reinterpret_cast<uintptr_t>(arena_.get()) + 15) & ~uintptr_t{15});
    if (status_.is_ok()) status_ = interpreter_.init(model_, kernels, aligned, kArenaBytes);
  }
  const Status& status() const { return status_; }
  bool refused_with(const char* text) const {
    return !status_.is_ok() && std::string(status_.message()).find(text) != std::string::npos;
  }
  template <typename T>
  void input(int32_t i, const std::vector<T>& values) {
    std::memcpy(interpreter_.input(i)->data, values.data(), values.size() * sizeof(T));
  }
  template <typename T>
  std::vector<T> run() {
    EXPECT_TRUE(interpreter_.invoke().is_ok());
    const Tensor* t = interpreter_.output(0);
    std::vector<T> v(t->bytes / sizeof(T));
    std::memcpy(v.data(), t->data, t->bytes);
    return v;
  }

 private:
  static constexpr std::size_t kArenaBytes = 16384;
  testing::AlignedBytes bytes_;
  std::unique_ptr<uint8_t[]> arena_;
  Model model_;
  Interpreter interpreter_;
  Status status_;
};

std::function<void(fb::OperatorT&)> add_options(Act act) {
  return [act](fb::OperatorT& op) {
    fb::AddOptionsT o;
    o.fused_activation_function = act;
    op.builtin_options.Set(o);
  };
}

std::function<void(fb::OperatorT&)> mul_options(Act act) {
  return [act](fb::OperatorT& op) {
    fb::MulOptionsT o;
    o.fused_activation_function = act;
    op.builtin_options.Set(o);
  };
}

std::function<void(fb::OperatorT&)> pool_options(int32_t filter, int32_t stride, fb::Padding padding, Act act) {
  return [=](fb::OperatorT& op) {
    fb::Pool2DOptionsT o;
    o.filter_height = o.filter_width = filter;
    o.stride_h = o.stride_w = stride;
    o.padding = padding;
    o.fused_activation_function = act;
    op.builtin_options.Set(o);
  };
}

std::function<void(fb::OperatorT&)> softmax_options(float beta) {
  return [beta](fb::OperatorT& op) {
    fb::SoftmaxOptionsT o;
    o.beta = beta;
    op.builtin_options.Set(o);
  };
}

// ---- ADD ----

TEST(Int16VariantsOpsTest, AddInt16BroadcastHalvesTheSum) {
  // Inputs at scale 1, output at scale 2: (a + b) / 2, rounded half away from zero.
  Prepared p(single_op(fb::BuiltinOperator::ADD, {{Type::INT16, {2, 3}, 1.0f}, {Type::INT16, {3}, 1.0f}},
                       {Type::INT16, {2, 3}, 2.0f}, add_options(Act::NONE)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {1, -3, 100, 32767, -32768, 7});
  p.input<int16_t>(1, {2, 0, -100});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{2, -2, 0, 16385, -16384, -47}));
}

TEST(Int16VariantsOpsTest, AddInt16ReluSaturates) {
  // Scales 1, 1 -> 1: the plain sum, clamped by RELU and int16.
  Prepared p(single_op(fb::BuiltinOperator::ADD, {{Type::INT16, {4}, 1.0f}, {Type::INT16, {4}, 1.0f}},
                       {Type::INT16, {4}, 1.0f}, add_options(Act::RELU)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {0, 20, -10, 32000});
  p.input<int16_t>(1, {0, -1, 4, 32000});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{0, 19, 0, 32767}));
}

TEST(Int16VariantsOpsTest, AddInt16KernelHonoursZeroPoints) {
  // TFLite Micro's int16 ADD takes any zero points (the kernel is called
  // directly here): inputs at 1/2 of the common
  // scale, output multiplier 2^-14 at left shift 15: (a - 10) + (b + 4) + 1.
  kernels::BinaryParams p;
  p.left_shift = 15;
  p.input1_offset = -10;
  p.input2_offset = 4;
  p.output_offset = 1;
  p.input1_multiplier = p.input2_multiplier = p.output_multiplier = 1 << 30;
  p.input1_shift = p.input2_shift = 0;
  p.output_shift = -13;
  p.act_min = -32768;
  p.act_max = 32767;
  kernels::BroadcastShape shape;
  shape.rank = 1;
  shape.in1[0] = shape.in2[0] = shape.out[0] = 3;
  const int16_t a[3] = {10, 20, 32767};
  const int16_t b[3] = {-4, 5, 32767};
  int16_t out[3] = {};
  kernels::reference::add_int16(p, shape, a, b, out);
  EXPECT_EQ(out[0], 1);
  EXPECT_EQ(out[1], 20);
  EXPECT_EQ(out[2], 32767);
}

TEST(Int16VariantsOpsTest, AddInt32WrapsAndIgnoresActivation) {
  // TFLite Micro clamps int32 ADD to the whole int32 range whatever the activation.
  Prepared p(single_op(fb::BuiltinOperator::ADD, {{Type::INT32, {3}}, {Type::INT32, {1}}}, {Type::INT32, {3}},
                       add_options(Act::RELU6)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int32_t>(0, {-5, 100, 2147483647});
  p.input<int32_t>(1, {2});
  EXPECT_EQ(p.run<int32_t>(), (std::vector<int32_t>{-3, 102, -2147483647}));
}

TEST(Int16VariantsOpsTest, AddInt32QuantizedRefused) {
  Prepared p(single_op(fb::BuiltinOperator::ADD, {{Type::INT32, {3}, 0.5f}, {Type::INT32, {3}}}, {Type::INT32, {3}},
                       add_options(Act::NONE)));
  EXPECT_TRUE(p.refused_with("quantized int32")) << p.status().message();
}

// The optimized set runs the Cortex-M7 int16 ADD (its portable twin here): 1.5 and -1.5 round away from zero.
TEST(Int16VariantsOpsTest, AddInt16OptimizedSetRoundsAsTheReference) {
  Prepared p(single_op(fb::BuiltinOperator::ADD, {{Type::INT16, {2}, 1.0f}, {Type::INT16, {2}, 1.0f}},
                       {Type::INT16, {2}, 2.0f}, add_options(Act::NONE)),
             KernelChoice::kOptimized);
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {3, -3});
  p.input<int16_t>(1, {0, 0});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{2, -2}));
}

// ---- MUL ----

TEST(Int16VariantsOpsTest, MulInt16BroadcastRequantizes) {
  // 0.5 * 0.25 / 0.125 = 1: the plain product, saturated to int16.
  Prepared p(single_op(fb::BuiltinOperator::MUL, {{Type::INT16, {2, 2}, 0.5f}, {Type::INT16, {1}, 0.25f}},
                       {Type::INT16, {2, 2}, 0.125f}, mul_options(Act::NONE)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {3, -7, 1000, -1000});
  p.input<int16_t>(1, {-4});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{-12, 28, -4000, 4000}));
}

TEST(Int16VariantsOpsTest, MulInt16RoundsAndClampsToRelu) {
  // Output scale 4: product / 4, rounded twice as TFLite (5 -> 2.5 -> 3 -> 2), then RELU.
  Prepared p(single_op(fb::BuiltinOperator::MUL, {{Type::INT16, {4}, 1.0f}, {Type::INT16, {4}, 1.0f}},
                       {Type::INT16, {4}, 4.0f}, mul_options(Act::RELU)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {3, 5, -6, 32767});
  p.input<int16_t>(1, {2, 1, 1, 32767});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{2, 2, 0, 32767}));
}

TEST(Int16VariantsOpsTest, MulInt16ZeroPointRefused) {
  // Refused at init: MUL takes symmetric int16 only.
  Prepared p(single_op(fb::BuiltinOperator::MUL, {{Type::INT16, {4}, 1.0f, 3}, {Type::INT16, {4}, 1.0f}},
                       {Type::INT16, {4}, 1.0f}, mul_options(Act::NONE)));
  EXPECT_FALSE(p.status().is_ok());
  Prepared unquantized(single_op(fb::BuiltinOperator::MUL, {{Type::INT16, {4}}, {Type::INT16, {4}, 1.0f}},
                                 {Type::INT16, {4}, 1.0f}, mul_options(Act::NONE)));
  EXPECT_TRUE(unquantized.refused_with("without quantization")) << unquantized.status().message();
}

TEST(Int16VariantsOpsTest, MulInt32WrapsAndClampsToRelu6) {
  Prepared p(single_op(fb::BuiltinOperator::MUL, {{Type::INT32, {4}}, {Type::INT32, {4}}}, {Type::INT32, {4}},
                       mul_options(Act::RELU6)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int32_t>(0, {2, -3, 65536, 65537});
  p.input<int32_t>(1, {2, 4, 65536, 65537});
  // 65536^2 wraps to 0; 65537^2 wraps to 131073, clamped to 6.
  EXPECT_EQ(p.run<int32_t>(), (std::vector<int32_t>{4, 0, 0, 6}));
}

// ---- QUANTIZE / DEQUANTIZE ----

TEST(Int16VariantsOpsTest, QuantizeFloatToInt16Saturates) {
  Prepared p(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::FLOAT32, {5}}}, {Type::INT16, {5}, 0.5f}));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<float>(0, {0.0f, 1.25f, -1.25f, 1e9f, -1e9f});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{0, 3, -3, 32767, -32768}));
}

TEST(Int16VariantsOpsTest, QuantizeInt8ToInt16Rescales) {
  // Scale 1 -> 1/256, zero point 5 -> 0: (q - 5) * 256, saturated.
  Prepared p(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::INT8, {4}, 1.0f, 5}}, {Type::INT16, {4}, 1.0f / 256.0f}));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int8_t>(0, {5, 6, -128, 127});
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{0, 256, -32768, 31232}));
}

TEST(Int16VariantsOpsTest, QuantizeInt16ToInt8RoundsAndSaturates) {
  // Scale 1 -> 4: q / 4 plus zero point 1, rounded twice as TFLite's
  // MultiplyByQuantizedMultiplier does (q / 2, then / 2): 5 -> 2.5 -> 3 -> 2.
  Prepared p(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::INT16, {5}, 1.0f}}, {Type::INT8, {5}, 4.0f, 1}));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {2, -2, 5, 1000, -1000});
  EXPECT_EQ(p.run<int8_t>(), (std::vector<int8_t>{2, 0, 3, 127, -128}));
}

TEST(Int16VariantsOpsTest, QuantizeInt32ToInt16AndUint8ToInt8) {
  Prepared wide(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::INT32, {3}, 0.5f, 0}}, {Type::INT16, {3}, 1.0f}));
  ASSERT_TRUE(wide.status().is_ok()) << wide.status().message();
  // x 0.5: 1.5 rounds up, -1.5 toward zero (gemmlowp's doubling high multiply).
  wide.input<int32_t>(0, {3, -3, 2000000});
  EXPECT_EQ(wide.run<int16_t>(), (std::vector<int16_t>{2, -1, 32767}));

  Prepared shift(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::UINT8, {3}, 0.5f, 128}}, {Type::INT8, {3}, 0.5f, 0}));
  ASSERT_TRUE(shift.status().is_ok()) << shift.status().message();
  shift.input<uint8_t>(0, {0, 128, 255});
  EXPECT_EQ(shift.run<int8_t>(), (std::vector<int8_t>{-128, 0, 127}));
}

TEST(Int16VariantsOpsTest, QuantizeUnsupportedPairRefusedWithTypes) {
  Prepared p(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::INT16, {3}, 1.0f}}, {Type::UINT8, {3}, 1.0f, 0}));
  EXPECT_TRUE(p.refused_with("QUANTIZE")) << p.status().message();
  EXPECT_TRUE(p.refused_with("int16")) << p.status().message();
}

TEST(Int16VariantsOpsTest, QuantizeUnquantizedInputRefused) {
  Prepared p(single_op(fb::BuiltinOperator::QUANTIZE, {{Type::INT8, {3}}}, {Type::INT16, {3}, 1.0f}));
  EXPECT_TRUE(p.refused_with("without quantization")) << p.status().message();
}

TEST(Int16VariantsOpsTest, DequantizeInt16AndUint8) {
  Prepared p16(single_op(fb::BuiltinOperator::DEQUANTIZE, {{Type::INT16, {3}, 0.25f}}, {Type::FLOAT32, {3}}));
  ASSERT_TRUE(p16.status().is_ok()) << p16.status().message();
  p16.input<int16_t>(0, {2, -32768, 32767});
  EXPECT_EQ(p16.run<float>(), (std::vector<float>{0.5f, -8192.0f, 8191.75f}));

  Prepared p8(single_op(fb::BuiltinOperator::DEQUANTIZE, {{Type::UINT8, {2}, 0.5f, 128}}, {Type::FLOAT32, {2}}));
  ASSERT_TRUE(p8.status().is_ok()) << p8.status().message();
  p8.input<uint8_t>(0, {0, 255});
  EXPECT_EQ(p8.run<float>(), (std::vector<float>{-64.0f, 63.5f}));
}

// Weight-only models: int8 weights with one scale per slice along
// quantized_dimension, dequantized by a version-5 DEQUANTIZE (TFLite's
// per-channel kernel: element (outer, c, inner) uses scale c, zero point c).
TEST(Int16VariantsOpsTest, DequantizePerChannelWeights) {
  for (const int32_t dim : {0, 1}) {
    ModelBuilder b;
    const std::vector<int8_t> q = {1, 2, 3, -4, -5, -6};  // [2, 3]
    const std::vector<float> scales = dim == 0 ? std::vector<float>{0.5f, 2.0f} : std::vector<float>{1, 0.25f, 4};
    const int32_t w = b.constant<int8_t>(Type::INT8, {2, 3}, q, scales, dim);
    auto& zero_points = b.graph().tensors[static_cast<std::size_t>(w)]->quantization->zero_point;
    zero_points = dim == 0 ? std::vector<int64_t>{0, 1} : std::vector<int64_t>{0, 0, -2};
    const int32_t out = b.tensor(Type::FLOAT32, {2, 3});
    b.op(b.opcode(fb::BuiltinOperator::DEQUANTIZE, 5), {w}, {out});
    b.io({}, {out});
    Prepared p(b);
    ASSERT_TRUE(p.status().is_ok()) << p.status().message();
    const std::vector<float> want = dim == 0 ? std::vector<float>{0.5f, 1.0f, 1.5f, -10.0f, -12.0f, -14.0f}
                                             : std::vector<float>{1.0f, 0.5f, 20.0f, -4.0f, -1.25f, -16.0f};
    EXPECT_EQ(p.run<float>(), want) << "quantized_dimension " << dim;
  }
}

TEST(Int16VariantsOpsTest, QuantizePerChannelOutputAndBadScaleCount) {
  ModelBuilder b;
  const int32_t in = b.tensor(Type::FLOAT32, {2, 2});
  const int32_t out = b.tensor(Type::INT8, {2, 2}, 0.5f, 0);
  auto& q = b.graph().tensors[static_cast<std::size_t>(out)]->quantization;
  q->scale = {0.5f, 0.25f};
  q->zero_point = {0, 3};
  q->quantized_dimension = 1;
  b.op(b.opcode(fb::BuiltinOperator::QUANTIZE, 3), {in}, {out});
  b.io({in}, {out});
  Prepared p(b);
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<float>(0, {1.0f, 1.0f, -2.0f, 100.0f});
  EXPECT_EQ(p.run<int8_t>(), (std::vector<int8_t>{2, 7, -4, 127}));

  q->quantized_dimension = 0;
  q->scale = {0.5f, 0.25f, 1.0f};
  q->zero_point = {0, 0, 0};
  Prepared bad(b);
  EXPECT_FALSE(bad.status().is_ok());
}

// ---- Pools ----

TEST(Int16VariantsOpsTest, AveragePoolInt16SamePaddingRoundsAwayFromZero) {
  // 1x2x2x1 input, 2x2 window, stride 1, SAME: the windows clip at the edges.
  Prepared p(single_op(fb::BuiltinOperator::AVERAGE_POOL_2D, {{Type::INT16, {1, 2, 2, 1}, 1.0f}},
                       {Type::INT16, {1, 2, 2, 1}, 1.0f}, pool_options(2, 1, fb::Padding::SAME, Act::NONE)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {-1, -2, 32767, 32767});
  // (-1-2+32767+32767)/4 = 16382.75 -> 16383; (-2+32767)/2 = 16382.5 -> 16383;
  // 32767; 32767.
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{16383, 16383, 32767, 32767}));
}

TEST(Int16VariantsOpsTest, MaxPoolInt16ReluClampsAtZeroPoint) {
  Prepared p(single_op(fb::BuiltinOperator::MAX_POOL_2D, {{Type::INT16, {1, 2, 4, 1}, 0.5f}},
                       {Type::INT16, {1, 1, 2, 1}, 0.5f}, pool_options(2, 2, fb::Padding::VALID, Act::RELU6)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {-5, -7, 100, 3, -9, -6, 1, 2});
  // RELU6 at scale 0.5: [0, 12].
  EXPECT_EQ(p.run<int16_t>(), (std::vector<int16_t>{0, 12}));
}

TEST(Int16VariantsOpsTest, PoolInt16DifferentQuantizationRefused) {
  Prepared p(single_op(fb::BuiltinOperator::MAX_POOL_2D, {{Type::INT16, {1, 2, 2, 1}, 0.5f}},
                       {Type::INT16, {1, 1, 1, 1}, 0.25f}, pool_options(2, 2, fb::Padding::VALID, Act::NONE)));
  EXPECT_TRUE(p.refused_with("equal input and output quantization")) << p.status().message();
}

TEST(Int16VariantsOpsTest, L2PoolSamePaddingUsesRealCells) {
  Prepared p(single_op(fb::BuiltinOperator::L2_POOL_2D, {{Type::FLOAT32, {1, 2, 2, 1}}}, {Type::FLOAT32, {1, 1, 1, 1}},
                       pool_options(3, 2, fb::Padding::SAME, Act::NONE)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<float>(0, {3.0f, -3.0f, 1.0f, 1.0f});
  EXPECT_FLOAT_EQ(p.run<float>()[0], 2.2360680f);  // sqrt((9 + 9 + 1 + 1) / 4)
}

TEST(Int16VariantsOpsTest, L2PoolReluAndInt8Refused) {
  Prepared relu(single_op(fb::BuiltinOperator::L2_POOL_2D, {{Type::FLOAT32, {1, 2, 2, 1}}},
                          {Type::FLOAT32, {1, 1, 1, 1}}, pool_options(2, 2, fb::Padding::VALID, Act::RELU_N1_TO_1)));
  ASSERT_TRUE(relu.status().is_ok()) << relu.status().message();
  relu.input<float>(0, {2.0f, 2.0f, -2.0f, 2.0f});
  EXPECT_EQ(relu.run<float>()[0], 1.0f);

  Prepared int8(single_op(fb::BuiltinOperator::L2_POOL_2D, {{Type::INT8, {1, 2, 2, 1}, 1.0f}},
                          {Type::INT8, {1, 1, 1, 1}, 1.0f}, pool_options(2, 2, fb::Padding::VALID, Act::NONE)));
  EXPECT_TRUE(int8.refused_with("L2_POOL_2D")) << int8.status().message();
  EXPECT_TRUE(int8.refused_with("float32")) << int8.status().message();
}

// ---- SOFTMAX ----

TEST(Int16VariantsOpsTest, SoftmaxInt8ToInt16EvenSplit) {
  // Output scale 1/65536, zero point -32768 (the loader refuses that zero
  // point today, so the kernel is called directly). Two equal values: 1/2
  // each, i.e. 0; a lone maximum takes all the mass.
  kernels::SoftmaxInt8Params params;
  quant::prepare_softmax_int8(1.0, 0.1, &params);
  const int8_t in[4] = {7, 7, 127, -128};
  int16_t out[4] = {};
  kernels::reference::softmax_int8_to_int16(params, 2, 2, in, out);
  EXPECT_NEAR(out[0], 0, 2);
  EXPECT_EQ(out[0], out[1]);
  EXPECT_GE(out[2], 32766);
  EXPECT_EQ(out[3], -32768);  // exp(-25.5) is below the resolution
}

TEST(Int16VariantsOpsTest, SoftmaxInt16RowsSumToOne) {
  Prepared p(single_op(fb::BuiltinOperator::SOFTMAX, {{Type::INT16, {2, 4}, 1.0f / 4096.0f}},
                       {Type::INT16, {2, 4}, 1.0f / 32768.0f}, softmax_options(1.0f)));
  ASSERT_TRUE(p.status().is_ok()) << p.status().message();
  p.input<int16_t>(0, {100, 100, 100, 100, -32768, 0, 4096, 8192});
  const std::vector<int16_t> out = p.run<int16_t>();
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(out[i], 8192, 8);
  // exp(x - 2) / sum for x = -8, 0, 1, 2: 0.00003, 0.0900, 0.2447, 0.6652 (within the tables' error).
  EXPECT_NEAR(out[4], 1, 4);
  EXPECT_NEAR(out[5], 2950, 40);
  EXPECT_NEAR(out[6], 8018, 40);
  EXPECT_NEAR(out[7], 21798, 40);
  EXPECT_LT(out[5], out[6]);
  EXPECT_LT(out[6], out[7]);
}

TEST(Int16VariantsOpsTest, SoftmaxInt16Refusals) {
  Prepared zp(single_op(fb::BuiltinOperator::SOFTMAX, {{Type::INT16, {4}, 0.01f, 1}},
                        {Type::INT16, {4}, 1.0f / 32768.0f}, softmax_options(1.0f)));
  EXPECT_FALSE(zp.status().is_ok());  // today already by the loader
  Prepared scale(single_op(fb::BuiltinOperator::SOFTMAX, {{Type::INT16, {4}, 0.01f}}, {Type::INT16, {4}, 1.0f / 256.0f},
                           softmax_options(1.0f)));
  EXPECT_TRUE(scale.refused_with("scale 1/32768")) << scale.status().message();
  Prepared pair(single_op(fb::BuiltinOperator::SOFTMAX, {{Type::INT16, {4}, 0.01f}},
                          {Type::INT8, {4}, 1.0f / 256.0f, -128}, softmax_options(1.0f)));
  EXPECT_TRUE(pair.refused_with("SOFTMAX")) << pair.status().message();
}

TEST(Int16VariantsOpsTest, Int16LutInterpolatesBetweenEntries) {
  // The identity on [-1, 1) from int16 to int16: the lookup reproduces its
  // input to within the rounding of the table and the 7-bit interpolation.
  std::vector<int16_t> lut(quant::kInt16LutSize);
  quant::populate_int16_lut([](float x) { return x; }, 1.0f / 32768.0f, 0, 1.0f / 32768.0f, 0, lut.data());
  EXPECT_EQ(lut[0], -32768);
  for (int32_t v : {-32768, -1000, -1, 0, 1, 77, 12345, 32767}) {
    EXPECT_NEAR(quant::int16_lut_lookup(static_cast<int16_t>(v), lut.data()), v, 1) << v;
  }
}

}  // namespace
}  // namespace tinyinfer
