// Activation ops (RELU, RELU6, LEAKY_RELU, HARD_SWISH, LOGISTIC, TANH, PRELU,
// ELU, LOG_SOFTMAX, L2_NORMALIZATION): what the conformance folders do not
// reach - refusals with their messages, saturation ends, negative alpha,
// broadcast alphas of other ranks, all-zero rows, and the
// fixed-point helpers against the real functions.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "ops/common/activation_common.h"
#include "ops/common/activation_fixed_point.h"
#include "ops/elu/elu.h"
#include "ops/leaky_relu/leaky_relu.h"
#include "ops/logistic/logistic.h"
#include "ops/tanh/tanh.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

struct Spec {
  fb::TensorType type;
  std::vector<int32_t> shape;
  float scale = 0.0f;
  int64_t zero_point = 0;
};

// One op: inputs -> op -> out, initialised with the reference kernels. A
// second input, when given, is a constant (PRELU's alpha).
struct OpRun {
  testing::AlignedBytes bytes;
  Model model;
  alignas(16) uint8_t arena[16384];
  Interpreter interpreter;
  Status status;

  template <typename Options = int>
  OpRun(fb::BuiltinOperator op, const Spec& in, const Spec& out, int32_t version = 1, const Options* options = nullptr,
        const Spec* alpha = nullptr, const std::vector<uint8_t>* alpha_bytes = nullptr) {
    ModelBuilder b;
    const int32_t i = b.tensor(in.type, in.shape, in.scale, in.zero_point);
    std::vector<int32_t> inputs = {i};
    if (alpha != nullptr) {
      const int32_t a = b.constant(alpha->type, alpha->shape, *alpha_bytes);
      if (alpha->scale > 0.0f) {
        auto& q = b.graph().tensors[a]->quantization;
        q = std::make_unique<fb::QuantizationParametersT>();
        q->scale = {alpha->scale};
        q->zero_point = {alpha->zero_point};
      }
      inputs.push_back(a);
    }
    const int32_t o = b.tensor(out.type, out.shape, out.scale, out.zero_point);
    fb::OperatorT& node = b.op(b.opcode(op, version), inputs, {o});
    if constexpr (!std::is_same_v<Options, int>) {
      if (options != nullptr) node.builtin_options.Set(Options(*options));
    }
    b.io({i}, {o});
    bytes = b.finish();
    status = Model::load(bytes.data(), bytes.size(), &model);
    if (status.is_ok()) status = interpreter.init(model, KernelChoice::kReference, arena, sizeof(arena));
  }

  template <typename In, typename Out>
  std::vector<Out> run(const std::vector<In>& values, std::size_t out_count = 0) {
    std::memcpy(interpreter.input(0)->data, values.data(), values.size() * sizeof(In));
    EXPECT_TRUE(interpreter.invoke().is_ok());
    std::vector<Out> result(out_count != 0 ? out_count : values.size());
    std::memcpy(result.data(), interpreter.output(0)->data, result.size() * sizeof(Out));
    return result;
  }
};

void expect_refused(const OpRun& run, StatusCode code, const std::vector<std::string>& words) {
  EXPECT_EQ(run.status.code(), code) << run.status.message();
  const std::string message = run.status.message();
  for (const std::string& w : words) EXPECT_NE(message.find(w), std::string::npos) << "'" << w << "' in: " << message;
}

template <typename T>
std::vector<uint8_t> as_bytes(const std::vector<T>& v) {
  std::vector<uint8_t> b(v.size() * sizeof(T));
  std::memcpy(b.data(), v.data(), b.size());
  return b;
}

TEST(ActivationOpsTest, UnsupportedTypesAreRefusedWithTheSignatures) {
  OpRun relu(fb::BuiltinOperator::RELU, {fb::TensorType::INT32, {4}}, {fb::TensorType::INT32, {4}});
  expect_refused(relu, StatusCode::kUnsupported, {"RELU", "int32"});
  OpRun elu(fb::BuiltinOperator::ELU, {fb::TensorType::INT16, {4}, 0.1f, 0}, {fb::TensorType::INT16, {4}, 0.1f, 0});
  expect_refused(elu, StatusCode::kUnsupported, {"ELU", "int16"});
  OpRun hs(fb::BuiltinOperator::HARD_SWISH, {fb::TensorType::INT16, {4}, 0.1f, 0},
           {fb::TensorType::INT16, {4}, 0.1f, 0});
  expect_refused(hs, StatusCode::kUnsupported, {"HARD_SWISH", "int16"});
  OpRun mixed(fb::BuiltinOperator::TANH, {fb::TensorType::INT8, {4}, 0.1f, 0}, {fb::TensorType::FLOAT32, {4}});
  expect_refused(mixed, StatusCode::kInvalidModel, {"TANH", "int8", "float32"});
  OpRun shapes(fb::BuiltinOperator::RELU6, {fb::TensorType::FLOAT32, {4}}, {fb::TensorType::FLOAT32, {2, 2}});
  expect_refused(shapes, StatusCode::kInvalidModel, {"RELU6", "4", "2x2"});
}

TEST(ActivationOpsTest, QuantizationRulesAreEnforced) {
  OpRun unquantized(fb::BuiltinOperator::RELU, {fb::TensorType::INT8, {4}}, {fb::TensorType::INT8, {4}, 0.1f, 0});
  expect_refused(unquantized, StatusCode::kInvalidModel, {"RELU", "without quantization"});
  OpRun logistic(fb::BuiltinOperator::LOGISTIC, {fb::TensorType::INT8, {4}, 0.1f, 0},
                 {fb::TensorType::INT8, {4}, 1.0f / 128, 0}, 2);
  expect_refused(logistic, StatusCode::kUnsupported, {"LOGISTIC", "1/256"});
  OpRun tanh16(fb::BuiltinOperator::TANH, {fb::TensorType::INT16, {4}, 1.0f / 4096, 0},
               {fb::TensorType::INT16, {4}, 1.0f / 1000, 0}, 3);
  expect_refused(tanh16, StatusCode::kUnsupported, {"TANH", "2^-15"});
  OpRun log_softmax(fb::BuiltinOperator::LOG_SOFTMAX, {fb::TensorType::INT8, {2, 3}, 0.1f, 0},
                    {fb::TensorType::INT8, {2, 3}, 1.0f / 256, -128}, 2);
  expect_refused(log_softmax, StatusCode::kUnsupported, {"LOG_SOFTMAX", "16/256"});
  OpRun l2(fb::BuiltinOperator::L2_NORMALIZATION, {fb::TensorType::INT8, {2, 3}, 0.1f, 0},
           {fb::TensorType::INT8, {2, 3}, 0.1f, 0}, 2);
  expect_refused(l2, StatusCode::kUnsupported, {"L2_NORMALIZATION", "1/128"});
}

TEST(ActivationOpsTest, L2NormalizationRefusesFusedActivation) {
  fb::L2NormOptionsT opt;
  opt.fused_activation_function = fb::ActivationFunctionType::RELU;
  OpRun run(fb::BuiltinOperator::L2_NORMALIZATION, {fb::TensorType::FLOAT32, {1, 3}}, {fb::TensorType::FLOAT32, {1, 3}},
            1, &opt);
  expect_refused(run, StatusCode::kUnsupported, {"L2_NORMALIZATION", "RELU"});
}

TEST(ActivationOpsTest, L2NormalizationFloatAndZeroRows) {
  OpRun run(fb::BuiltinOperator::L2_NORMALIZATION, {fb::TensorType::FLOAT32, {2, 2}},
            {fb::TensorType::FLOAT32, {2, 2}});
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<float> out = run.run<float, float>({3.0f, 4.0f, 0.0f, 0.0f});
  EXPECT_FLOAT_EQ(out[0], 0.6f);
  EXPECT_FLOAT_EQ(out[1], 0.8f);
  EXPECT_EQ(out[2], 0.0f);  // epsilon keeps the all-zero row finite
  EXPECT_EQ(out[3], 0.0f);

  OpRun q(fb::BuiltinOperator::L2_NORMALIZATION, {fb::TensorType::INT8, {2, 2}, 0.5f, 1},
          {fb::TensorType::INT8, {2, 2}, 1.0f / 128, 0}, 2);
  ASSERT_TRUE(q.status.is_ok()) << q.status.message();
  const std::vector<int8_t> qo = q.run<int8_t, int8_t>({4, 5, 1, 1});  // (3, 4) and a zero row
  EXPECT_NEAR(qo[0], 77, 1);                                           // 0.6 * 128
  EXPECT_NEAR(qo[1], 102, 1);                                          // 0.8 * 128
  EXPECT_EQ(qo[2], 0);
  EXPECT_EQ(qo[3], 0);
}

TEST(ActivationOpsTest, ReluInt8RequantizesAndClampsAtZero) {
  OpRun run(fb::BuiltinOperator::RELU, {fb::TensorType::INT8, {4}, 0.5f, 10}, {fb::TensorType::INT8, {4}, 0.25f, -128},
            2);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  // real -5, 0, 10, 58.5 -> 0, 0, 40, 234 output units -> q -128, -128, -88, 106.
  const std::vector<int8_t> out = run.run<int8_t, int8_t>({0, 10, 30, 127});
  EXPECT_EQ(out, (std::vector<int8_t>{-128, -128, -88, 106}));
}

// TFLite divides the two float scales in float and only then widens to
// double for QuantizeMultiplier; with these scales (ops/RELU/int16_7x5x3's)
// that multiplier is 1076304000, the double quotient's 1076303937, and the
// two disagree on 31 of the 65,536 inputs, among them 2724 and 8172.
TEST(ActivationOpsTest, ReluInt16MultiplierFromTheFloatQuotient) {
  OpRun run(fb::BuiltinOperator::RELU, {fb::TensorType::INT16, {4}, 0.00027577122091315687f, 0},
            {fb::TensorType::INT16, {4}, 0.0002751147549133748f, 0}, 3);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> out = run.run<int16_t, int16_t>({2724, 8172, -5, 32767});
  EXPECT_EQ(out, (std::vector<int16_t>{2731, 8192, 0, 32767}));
}

// TFLite's int8 softmax sums the exps (each at most 1.0) in Q12.19, which
// holds up to 4095 of them: the longest row it computes; 4096 is refused.
TEST(ActivationOpsTest, SoftmaxInt8RowsUpTo4095) {
  fb::SoftmaxOptionsT options;
  options.beta = 1.0f;
  const Spec out{fb::TensorType::INT8, {1, 4095}, 1.0f / 256, -128};
  OpRun equal(fb::BuiltinOperator::SOFTMAX, {fb::TensorType::INT8, {1, 4095}, 0.1f, 0}, out, 2, &options);
  ASSERT_TRUE(equal.status.is_ok()) << equal.status.message();
  const std::vector<int8_t> flat = equal.run<int8_t, int8_t>(std::vector<int8_t>(4095, 7));
  EXPECT_EQ(flat, std::vector<int8_t>(4095, -128));  // 1/4095 of 256 rounds to 0

  OpRun peak(fb::BuiltinOperator::SOFTMAX, {fb::TensorType::INT8, {1, 4095}, 0.1f, 0}, out, 2, &options);
  ASSERT_TRUE(peak.status.is_ok()) << peak.status.message();
  std::vector<int8_t> x(4095, 0);
  x[0] = 100;  // e^0 / (e^0 + 4094 e^-10) = 0.843 -> 216 - 128
  const std::vector<int8_t> y = peak.run<int8_t, int8_t>(x);
  EXPECT_NEAR(y[0], 88, 1);
  EXPECT_EQ(y[1], -128);

  OpRun deeper(fb::BuiltinOperator::SOFTMAX, {fb::TensorType::INT8, {1, 4096}, 0.1f, 0},
               {fb::TensorType::INT8, {1, 4096}, 1.0f / 256, -128}, 2, &options);
  expect_refused(deeper, StatusCode::kUnsupported, {"SOFTMAX", "4096", "4095"});
}

TEST(ActivationOpsTest, Relu6Int16ClampsRawValues) {
  OpRun run(fb::BuiltinOperator::RELU6, {fb::TensorType::INT16, {4}, 1.0f / 1024, 0},
            {fb::TensorType::INT16, {4}, 1.0f / 1024, 0}, 3);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> out = run.run<int16_t, int16_t>({-32768, 100, 6144, 32767});
  EXPECT_EQ(out, (std::vector<int16_t>{0, 100, 6144, 6144}));
}

TEST(ActivationOpsTest, LeakyReluNegativeAlpha) {
  fb::LeakyReluOptionsT opt;
  opt.alpha = -0.5f;
  OpRun f(fb::BuiltinOperator::LEAKY_RELU, {fb::TensorType::FLOAT32, {3}}, {fb::TensorType::FLOAT32, {3}}, 1, &opt);
  ASSERT_TRUE(f.status.is_ok()) << f.status.message();
  EXPECT_EQ((f.run<float, float>({-4.0f, 0.0f, 2.0f})), (std::vector<float>{2.0f, 0.0f, 2.0f}));
  OpRun q(fb::BuiltinOperator::LEAKY_RELU, {fb::TensorType::INT8, {4}, 0.5f, 0}, {fb::TensorType::INT8, {4}, 0.5f, 0},
          2, &opt);
  ASSERT_TRUE(q.status.is_ok()) << q.status.message();
  EXPECT_EQ((q.run<int8_t, int8_t>({-128, -10, 0, 127})), (std::vector<int8_t>{64, 5, 0, 127}));
}

TEST(ActivationOpsTest, LeakyReluInt16Saturates) {
  fb::LeakyReluOptionsT opt;
  opt.alpha = 2.0f;
  OpRun q(fb::BuiltinOperator::LEAKY_RELU, {fb::TensorType::INT16, {3}, 1.0f, 0}, {fb::TensorType::INT16, {3}, 1.0f, 0},
          2, &opt);
  ASSERT_TRUE(q.status.is_ok()) << q.status.message();
  EXPECT_EQ((q.run<int16_t, int16_t>({-20000, -3, 32767})), (std::vector<int16_t>{-32768, -6, 32767}));
}

TEST(ActivationOpsTest, PreluBroadcastsAlphaOfLowerRank) {
  const Spec alpha{fb::TensorType::FLOAT32, {1, 2}};
  const std::vector<uint8_t> alpha_values = as_bytes(std::vector<float>{0.5f, -1.0f});
  OpRun run(fb::BuiltinOperator::PRELU, {fb::TensorType::FLOAT32, {1, 2, 1, 2}},
            {fb::TensorType::FLOAT32, {1, 2, 1, 2}}, 1, static_cast<const int*>(nullptr), &alpha, &alpha_values);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  EXPECT_EQ((run.run<float, float>({-2.0f, -2.0f, 3.0f, -4.0f})), (std::vector<float>{-1.0f, 2.0f, 3.0f, 4.0f}));

  const Spec bad{fb::TensorType::FLOAT32, {3}};
  const std::vector<uint8_t> bad_values = as_bytes(std::vector<float>{1, 2, 3});
  OpRun refused(fb::BuiltinOperator::PRELU, {fb::TensorType::FLOAT32, {1, 2, 1, 2}},
                {fb::TensorType::FLOAT32, {1, 2, 1, 2}}, 1, static_cast<const int*>(nullptr), &bad, &bad_values);
  expect_refused(refused, StatusCode::kInvalidModel, {"PRELU", "broadcast"});
}

TEST(ActivationOpsTest, PreluInt8PerChannelAlpha) {
  const Spec alpha{fb::TensorType::INT8, {2}, 0.01f, 0};
  const std::vector<uint8_t> alpha_values = as_bytes(std::vector<int8_t>{50, -100});  // 0.5, -1
  OpRun run(fb::BuiltinOperator::PRELU, {fb::TensorType::INT8, {2, 2}, 0.1f, 0},
            {fb::TensorType::INT8, {2, 2}, 0.1f, 0}, 1, static_cast<const int*>(nullptr), &alpha, &alpha_values);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  EXPECT_EQ((run.run<int8_t, int8_t>({-20, -20, 30, -128})), (std::vector<int8_t>{-10, 20, 30, 127}));
}

TEST(ActivationOpsTest, LogSoftmaxFloatUniformRow) {
  OpRun run(fb::BuiltinOperator::LOG_SOFTMAX, {fb::TensorType::FLOAT32, {2, 4}}, {fb::TensorType::FLOAT32, {2, 4}});
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<float> out = run.run<float, float>({1, 1, 1, 1, 1000, 0, 0, 0});
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(out[i], -std::log(4.0f), 1e-6);
  EXPECT_NEAR(out[4], 0.0f, 1e-6);
  EXPECT_NEAR(out[5], -1000.0f, 1e-3);
}

TEST(ActivationOpsTest, LogSoftmaxInt8TracksTheRealFunction) {
  OpRun run(fb::BuiltinOperator::LOG_SOFTMAX, {fb::TensorType::INT8, {1, 5}, 0.1f, 0},
            {fb::TensorType::INT8, {1, 5}, 16.0f / 256, 127}, 2);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int8_t> in = {10, 0, -20, 5, -128};
  const std::vector<int8_t> out = run.run<int8_t, int8_t>(in);
  double sum = 0;
  for (int8_t v : in) sum += std::exp(0.1 * (v - 10));
  for (std::size_t i = 0; i < in.size(); ++i) {
    const double want = std::max(-128.0, std::round((0.1 * (in[i] - 10) - std::log(sum)) * 16.0) + 127);
    EXPECT_NEAR(out[i], want, 1) << i;
  }
}

TEST(ActivationOpsTest, LogisticAndTanhInt8Ends) {
  kernels::SigmoidQuantParams p;
  act::prepare_q4_input_scaling(0.1f, &p.input_multiplier, &p.input_left_shift, &p.input_range_radius);
  const int8_t in[5] = {-128, -1, 0, 1, 127};
  int8_t sig[5] = {}, th[5] = {};
  kernels::reference::logistic_int8(p, 5, in, sig);
  kernels::reference::tanh_int8(p, 5, in, th);
  EXPECT_EQ(sig[2], 0);  // 0.5 * 256 - 128
  EXPECT_EQ(th[2], 0);
  EXPECT_EQ(sig[0], -128);  // sigmoid(-12.8) * 256 < 1/2
  EXPECT_EQ(sig[4], 127);
  EXPECT_EQ(th[0], -128);
  EXPECT_EQ(th[4], 127);
  EXPECT_NEAR(sig[3], std::round(256.0 / (1.0 + std::exp(-0.1))) - 128, 1);
  EXPECT_NEAR(th[1], std::round(128.0 * std::tanh(-0.1)), 1);
}

TEST(ActivationOpsTest, LogisticAndTanhInt16TrackTheRealFunctions) {
  for (const float scale : {1.0f / 4096, 1.0f / 8192, 0.0003f}) {
    kernels::SigmoidQuantParams ps, pt;
    act::prepare_int16_lut_input_scaling(scale, 0, &ps.input_multiplier, &ps.input_left_shift);
    act::prepare_int16_lut_input_scaling(scale, 1, &pt.input_multiplier, &pt.input_left_shift);
    std::vector<int16_t> in;
    for (int32_t v = -32768; v <= 32767; v += 97) in.push_back(static_cast<int16_t>(v));
    std::vector<int16_t> sig(in.size()), th(in.size());
    kernels::reference::logistic_int16(ps, static_cast<int64_t>(in.size()), in.data(), sig.data());
    kernels::reference::tanh_int16(pt, static_cast<int64_t>(in.size()), in.data(), th.data());
    for (std::size_t i = 0; i < in.size(); ++i) {
      const double x = scale * in[i];
      EXPECT_NEAR(sig[i], 32768.0 / (1.0 + std::exp(-x)), 4) << scale << " " << x;
      EXPECT_NEAR(th[i], 32768.0 * std::tanh(x), 8) << scale << " " << x;
    }
  }
}

TEST(ActivationOpsTest, EluInt8TableFollowsTheFloatFunction) {
  OpRun run(fb::BuiltinOperator::ELU, {fb::TensorType::INT8, {256}, 0.05f, 0}, {fb::TensorType::INT8, {256}, 0.05f, 0});
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  std::vector<int8_t> in(256);
  for (int i = 0; i < 256; ++i) in[i] = static_cast<int8_t>(i - 128);
  const std::vector<int8_t> out = run.run<int8_t, int8_t>(in);
  for (int i = 0; i < 256; ++i) {
    const double x = 0.05 * in[i];
    const double y = x < 0 ? std::expm1(x) : x;
    EXPECT_NEAR(out[i], std::round(y / 0.05), 1) << x;
  }
}

TEST(ActivationOpsTest, HardSwishInt8TracksTheRealFunction) {
  OpRun run(fb::BuiltinOperator::HARD_SWISH, {fb::TensorType::INT8, {256}, 0.05f, 5},
            {fb::TensorType::INT8, {256}, 0.03f, -100});
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  std::vector<int8_t> in(256);
  for (int i = 0; i < 256; ++i) in[i] = static_cast<int8_t>(i - 128);
  const std::vector<int8_t> out = run.run<int8_t, int8_t>(in);
  for (int i = 0; i < 256; ++i) {
    const double x = 0.05 * (in[i] - 5);
    const double y = x * std::min(6.0, std::max(0.0, x + 3)) / 6;
    const double want = std::min(127.0, std::max(-128.0, std::round(y / 0.03) - 100));
    EXPECT_NEAR(out[i], want, 1) << x;
  }
}

TEST(ActivationOpsTest, FixedPointLogAndInvSqrt) {
  // log(x) for x = 1.5, 10, 1000 in Q12 -> Q5.
  for (const double x : {1.0, 1.5, 10.0, 1000.0}) {
    const auto raw = static_cast<int32_t>(std::round(x * (1 << 19)));
    const int32_t log_q5 = act::log_x_for_x_greater_than_or_equal_to_1<5, 12>(raw);
    EXPECT_NEAR(log_q5 / static_cast<double>(1 << 26), std::log(x), 1e-5) << x;
  }
  for (const int32_t v : {2, 3, 100, 65025, 1 << 20, 2000000000}) {
    int32_t m = 0;
    int shift = 0;
    act::inv_sqrt_quantized_multiplier(v, -1, &m, &shift);
    const double got = m / 2147483648.0 * std::ldexp(1.0, shift);
    EXPECT_NEAR(got * std::sqrt(static_cast<double>(v)), 1.0, 1e-4) << v;
  }
}

}  // namespace
}  // namespace tinyinfer
