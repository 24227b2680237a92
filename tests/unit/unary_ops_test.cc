// One-input elementwise ops (ABS, NEG, SQUARE, SQRT, RSQRT, EXP, LOG, SIN,
// COS, CEIL, FLOOR, ROUND, LOGICAL_NOT, ZEROS_LIKE, CAST): what the
// conformance folders do not reach - rounding ties, wraps and saturation,
// raw int16 ABS, the 1/sqrt fixed point, odd shapes, and the refusals.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ops/common/unary_inv_sqrt.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

struct TensorSpec {
  fb::TensorType type;
  std::vector<int32_t> shape;
  float scale = 0.0f;
  int64_t zero_point = 0;
};

// One op: in -> op -> out, initialised with the reference kernels.
struct UnaryRun {
  testing::AlignedBytes bytes;
  Model model;
  alignas(16) uint8_t arena[8192];
  Interpreter interpreter;
  Status status;

  UnaryRun(fb::BuiltinOperator op, const TensorSpec& in, const TensorSpec& out, int32_t version = 1) {
    ModelBuilder b;
    const int32_t i = b.tensor(in.type, in.shape, in.scale, in.zero_point);
    const int32_t o = b.tensor(out.type, out.shape, out.scale, out.zero_point);
    b.op(b.opcode(op, version), {i}, {o});
    b.io({i}, {o});
    bytes = b.finish();
    status = Model::load(bytes.data(), bytes.size(), &model);
    if (status.is_ok()) status = interpreter.init(model, KernelChoice::kReference, arena, sizeof(arena));
  }

  template <typename In, typename Out>
  std::vector<Out> run(const std::vector<In>& values) {
    std::memcpy(interpreter.input(0)->data, values.data(), values.size() * sizeof(In));
    EXPECT_TRUE(interpreter.invoke().is_ok());
    std::vector<Out> result(values.size());
    std::memcpy(result.data(), interpreter.output(0)->data, result.size() * sizeof(Out));
    return result;
  }
};

std::vector<float> run_float(fb::BuiltinOperator op, const std::vector<float>& values) {
  const std::vector<int32_t> shape = {static_cast<int32_t>(values.size())};
  UnaryRun run(op, {fb::TensorType::FLOAT32, shape}, {fb::TensorType::FLOAT32, shape});
  EXPECT_TRUE(run.status.is_ok()) << run.status.message();
  if (!run.status.is_ok()) return {};
  return run.run<float, float>(values);
}

void expect_refused(const UnaryRun& run, StatusCode code, const std::vector<std::string>& words) {
  EXPECT_EQ(run.status.code(), code) << run.status.message();
  const std::string message = run.status.message();
  for (const std::string& w : words) EXPECT_NE(message.find(w), std::string::npos) << "'" << w << "' in: " << message;
}

TEST(UnaryOpsTest, FloatOpsFollowTheirDefinitions) {
  const std::vector<float> x = {-2.5f, -1.0f, 0.0f, 0.25f, 3.0f};
  const std::vector<float> neg = run_float(fb::BuiltinOperator::NEG, x);
  const std::vector<float> square = run_float(fb::BuiltinOperator::SQUARE, x);
  const std::vector<float> abs = run_float(fb::BuiltinOperator::ABS, x);
  const std::vector<float> ceil = run_float(fb::BuiltinOperator::CEIL, x);
  const std::vector<float> floor = run_float(fb::BuiltinOperator::FLOOR, x);
  const std::vector<float> exp = run_float(fb::BuiltinOperator::EXP, x);
  const std::vector<float> sin = run_float(fb::BuiltinOperator::SIN, x);
  const std::vector<float> cos = run_float(fb::BuiltinOperator::COS, x);
  ASSERT_EQ(neg.size(), x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(neg[i], -x[i]);
    EXPECT_EQ(square[i], x[i] * x[i]);
    EXPECT_EQ(abs[i], std::fabs(x[i]));
    EXPECT_EQ(ceil[i], std::ceil(x[i]));
    EXPECT_EQ(floor[i], std::floor(x[i]));
    EXPECT_FLOAT_EQ(exp[i], std::exp(x[i]));
    EXPECT_FLOAT_EQ(sin[i], std::sin(x[i]));
    EXPECT_FLOAT_EQ(cos[i], std::cos(x[i]));
  }
  const std::vector<float> sqrt = run_float(fb::BuiltinOperator::SQRT, {0.0f, 4.0f, -1.0f});
  EXPECT_EQ(sqrt[0], 0.0f);
  EXPECT_EQ(sqrt[1], 2.0f);
  EXPECT_TRUE(std::isnan(sqrt[2]));
  const std::vector<float> rsqrt = run_float(fb::BuiltinOperator::RSQRT, {0.25f, 0.0f});
  EXPECT_EQ(rsqrt[0], 2.0f);
  EXPECT_TRUE(std::isinf(rsqrt[1]));
  const std::vector<float> log = run_float(fb::BuiltinOperator::LOG, {1.0f, 0.0f, -1.0f});
  EXPECT_EQ(log[0], 0.0f);
  EXPECT_TRUE(std::isinf(log[1]) && log[1] < 0);
  EXPECT_TRUE(std::isnan(log[2]));
}

TEST(UnaryOpsTest, RoundTiesToEven) {
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> x = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 2.4999f, 2.5001f, 1e10f, 16777215.0f, inf, -inf};
  const std::vector<float> want = {0.0f, 2.0f, 2.0f, -0.0f, -2.0f, -2.0f, 2.0f, 3.0f, 1e10f, 16777215.0f, inf, -inf};
  const std::vector<float> got = run_float(fb::BuiltinOperator::ROUND, x);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_EQ(got[i], want[i]) << x[i];
  EXPECT_TRUE(std::isnan(run_float(fb::BuiltinOperator::ROUND, {std::nanf("")})[0]));
}

TEST(UnaryOpsTest, ScalarsRun) {
  UnaryRun scalar(fb::BuiltinOperator::NEG, {fb::TensorType::FLOAT32, {}}, {fb::TensorType::FLOAT32, {}});
  ASSERT_TRUE(scalar.status.is_ok()) << scalar.status.message();
  EXPECT_EQ((scalar.run<float, float>({3.0f})[0]), -3.0f);
}

TEST(UnaryOpsTest, AbsInt8RescalesAndSaturates) {
  // in scale 0.5 zp 10, out scale 0.25 zp -100: out = -100 + 2 |q - 10|, clamped.
  UnaryRun run(fb::BuiltinOperator::ABS, {fb::TensorType::INT8, {5}, 0.5f, 10},
               {fb::TensorType::INT8, {5}, 0.25f, -100}, 2);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int8_t> got = run.run<int8_t, int8_t>({10, 11, 9, 127, -128});
  const std::vector<int8_t> want = {-100, -98, -98, 127, 127};  // 134 and 176 saturate
  EXPECT_EQ(got, want);
}

TEST(UnaryOpsTest, AbsInt8SameScaleAddsTheZeroPoint) {
  UnaryRun run(fb::BuiltinOperator::ABS, {fb::TensorType::INT8, {4}, 0.1f, -1}, {fb::TensorType::INT8, {4}, 0.1f, -128},
               2);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int8_t> want = {-128, -126, 0, -1};  // |q + 1| - 128: |0|, |2|, |128|, |-127|
  EXPECT_EQ((run.run<int8_t, int8_t>({-1, 1, 127, -128})), want);
}

TEST(UnaryOpsTest, AbsInt16WithoutQuantizationWrapsLikeTflite) {
  UnaryRun run(fb::BuiltinOperator::ABS, {fb::TensorType::INT16, {4}}, {fb::TensorType::INT16, {4}}, 4);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> want = {5, 5, 32767, -32768};
  EXPECT_EQ((run.run<int16_t, int16_t>({-5, 5, -32767, -32768})), want);
}

TEST(UnaryOpsTest, AbsInt16QuantizedNeedsZeroPointsZero) {
  UnaryRun run(fb::BuiltinOperator::ABS, {fb::TensorType::INT16, {4}, 0.5f, 0}, {fb::TensorType::INT16, {4}, 1.0f, 0},
               3);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int16_t> want = {3, 3, 16384, 16384};  // |q| / 2, ties away from zero
  EXPECT_EQ((run.run<int16_t, int16_t>({-5, 5, -32767, -32768})), want);
  // A non-zero int16 zero point is refused at init (ABS takes symmetric int16 only).
  UnaryRun refused(fb::BuiltinOperator::ABS, {fb::TensorType::INT16, {4}, 0.5f, 3},
                   {fb::TensorType::INT16, {4}, 1.0f, 0}, 3);
  EXPECT_FALSE(refused.status.is_ok());
  UnaryRun mixed(fb::BuiltinOperator::ABS, {fb::TensorType::INT16, {4}}, {fb::TensorType::INT16, {4}, 1.0f, 0}, 3);
  expect_refused(mixed, StatusCode::kUnsupported, {"ABS", "not quantized"});
}

TEST(UnaryOpsTest, QuantizedOpsRefuseMissingQuantization) {
  UnaryRun abs(fb::BuiltinOperator::ABS, {fb::TensorType::INT8, {4}}, {fb::TensorType::INT8, {4}, 1.0f, 0}, 2);
  expect_refused(abs, StatusCode::kInvalidModel, {"ABS", "without quantization"});
  UnaryRun rsqrt(fb::BuiltinOperator::RSQRT, {fb::TensorType::INT8, {4}, 1.0f, 0}, {fb::TensorType::INT8, {4}}, 2);
  expect_refused(rsqrt, StatusCode::kInvalidModel, {"RSQRT", "output", "without quantization"});
}

TEST(UnaryOpsTest, InvSqrtFixedPointIsCloseToTheReal) {
  for (int32_t v = 2; v < 70000; v += (v < 300 ? 1 : 97)) {
    int32_t multiplier = 0;
    int shift = 0;
    quant::inv_sqrt_quantized_multiplier_exp(v, quant::kInvSqrtReverseShift, &multiplier, &shift);
    const double got = multiplier / 2147483648.0 * std::ldexp(1.0, shift);
    const double want = 1.0 / std::sqrt(static_cast<double>(v));
    EXPECT_NEAR(got, want, 1e-5 * want) << v;  // 5 Newton steps from 1: ~1e-6 relative
  }
  int32_t multiplier = 0;
  int shift = 7;
  quant::inv_sqrt_quantized_multiplier_exp(1, quant::kInvSqrtReverseShift, &multiplier, &shift);
  EXPECT_EQ(multiplier, std::numeric_limits<int32_t>::max());
  EXPECT_EQ(shift, 0);
}

TEST(UnaryOpsTest, RsqrtInt8TracksTheRealFunction) {
  // in scale 1/16 zp -128, out scale 1/32 zp -128: real in (q+128)/16, out 32/sqrt(real) - 128.
  UnaryRun run(fb::BuiltinOperator::RSQRT, {fb::TensorType::INT8, {256}, 1.0f / 16, -128},
               {fb::TensorType::INT8, {256}, 1.0f / 32, -128}, 2);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  std::vector<int8_t> in(256);
  for (int i = 0; i < 256; ++i) in[i] = static_cast<int8_t>(i - 128);
  const std::vector<int8_t> got = run.run<int8_t, int8_t>(in);
  EXPECT_EQ(got[0], 127);  // real 0: the largest output
  for (int i = 1; i < 256; ++i) {
    const double want = std::min(127.0, 32.0 / std::sqrt(i / 16.0) - 128.0);
    EXPECT_NEAR(got[i], want, 1.0) << "q " << i - 128;
  }
}

TEST(UnaryOpsTest, RsqrtInt8RefusesAScaleBeyondTflitesShiftRange) {
  // 1 / (sqrt(1) * 2^20) needs a right shift of 20 + 20 bits.
  UnaryRun run(fb::BuiltinOperator::RSQRT, {fb::TensorType::INT8, {4}, 1.0f, 0},
               {fb::TensorType::INT8, {4}, 1048576.0f, 0}, 2);
  expect_refused(run, StatusCode::kUnsupported, {"RSQRT", "too small"});
}

TEST(UnaryOpsTest, LogicalNotReadsAnyNonZeroByteAsTrue) {
  UnaryRun run(fb::BuiltinOperator::LOGICAL_NOT, {fb::TensorType::BOOL, {4}}, {fb::TensorType::BOOL, {4}});
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<uint8_t> want = {1, 0, 0, 0};
  EXPECT_EQ((run.run<uint8_t, uint8_t>({0, 1, 2, 255})), want);
}

TEST(UnaryOpsTest, ZerosLikeWritesZeroNotTheZeroPoint) {
  UnaryRun run(fb::BuiltinOperator::ZEROS_LIKE, {fb::TensorType::INT8, {3}, 0.5f, -27},
               {fb::TensorType::INT8, {3}, 0.5f, -27});
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const std::vector<int8_t> want = {0, 0, 0};
  EXPECT_EQ((run.run<int8_t, int8_t>({5, -128, 127})), want);
  UnaryRun wide(fb::BuiltinOperator::ZEROS_LIKE, {fb::TensorType::INT64, {2}}, {fb::TensorType::INT64, {2}});
  ASSERT_TRUE(wide.status.is_ok()) << wide.status.message();
  EXPECT_EQ((wide.run<int64_t, int64_t>({-1, 7})), (std::vector<int64_t>{0, 0}));
  UnaryRun refused(fb::BuiltinOperator::ZEROS_LIKE, {fb::TensorType::INT16, {3}}, {fb::TensorType::INT16, {3}});
  expect_refused(refused, StatusCode::kUnsupported, {"ZEROS_LIKE", "int16"});
}

TEST(CastOpTest, FloatToIntegersTruncatesThenWrapsAsTflitesHosts) {
  const float nan = std::nanf("");
  const std::vector<float> x = {200.7f, -200.7f, -0.9f, 127.9f, 3e9f, nan};
  UnaryRun to_i8(fb::BuiltinOperator::CAST, {fb::TensorType::FLOAT32, {6}}, {fb::TensorType::INT8, {6}}, 3);
  ASSERT_TRUE(to_i8.status.is_ok()) << to_i8.status.message();
  EXPECT_EQ((to_i8.run<float, int8_t>(x)), (std::vector<int8_t>{-56, 56, 0, 127, 0, 0}));
  UnaryRun to_i32(fb::BuiltinOperator::CAST, {fb::TensorType::FLOAT32, {6}}, {fb::TensorType::INT32, {6}});
  ASSERT_TRUE(to_i32.status.is_ok()) << to_i32.status.message();
  const int32_t lowest = std::numeric_limits<int32_t>::min();
  EXPECT_EQ((to_i32.run<float, int32_t>(x)), (std::vector<int32_t>{200, -200, 0, 127, lowest, lowest}));
  UnaryRun to_bool(fb::BuiltinOperator::CAST, {fb::TensorType::FLOAT32, {6}}, {fb::TensorType::BOOL, {6}});
  ASSERT_TRUE(to_bool.status.is_ok()) << to_bool.status.message();
  EXPECT_EQ((to_bool.run<float, uint8_t>({0.0f, -0.0f, 0.1f, -3.0f, nan, 1.0f})),
            (std::vector<uint8_t>{0, 0, 1, 1, 1, 1}));
}

TEST(CastOpTest, IntegersWrapAndWiden) {
  UnaryRun to_i16(fb::BuiltinOperator::CAST, {fb::TensorType::INT32, {4}}, {fb::TensorType::INT16, {4}});
  ASSERT_TRUE(to_i16.status.is_ok()) << to_i16.status.message();
  EXPECT_EQ((to_i16.run<int32_t, int16_t>({70000, -70000, 32768, -5})),
            (std::vector<int16_t>{4464, -4464, -32768, -5}));
  UnaryRun to_f32(fb::BuiltinOperator::CAST, {fb::TensorType::INT32, {3}}, {fb::TensorType::FLOAT32, {3}});
  ASSERT_TRUE(to_f32.status.is_ok()) << to_f32.status.message();
  EXPECT_EQ((to_f32.run<int32_t, float>({16777217, -3, 2147483647})),
            (std::vector<float>{16777216.0f, -3.0f, 2147483648.0f}));
  UnaryRun from_bool(fb::BuiltinOperator::CAST, {fb::TensorType::BOOL, {3}}, {fb::TensorType::INT16, {3}});
  ASSERT_TRUE(from_bool.status.is_ok()) << from_bool.status.message();
  EXPECT_EQ((from_bool.run<uint8_t, int16_t>({0, 1, 7})), (std::vector<int16_t>{0, 1, 1}));
  UnaryRun same(fb::BuiltinOperator::CAST, {fb::TensorType::INT8, {2}, 0.5f, 3}, {fb::TensorType::INT8, {2}});
  ASSERT_TRUE(same.status.is_ok()) << same.status.message();
  EXPECT_EQ((same.run<int8_t, int8_t>({-128, 127})), (std::vector<int8_t>{-128, 127}));  // quantization ignored
}

TEST(CastOpTest, UnsupportedTypesAndShapesAreRefused) {
  UnaryRun int64(fb::BuiltinOperator::CAST, {fb::TensorType::INT64, {2}}, {fb::TensorType::FLOAT32, {2}});
  expect_refused(int64, StatusCode::kUnsupported, {"CAST", "int64 -> float32"});
  UnaryRun counts(fb::BuiltinOperator::CAST, {fb::TensorType::INT8, {2, 3}}, {fb::TensorType::INT32, {5}});
  expect_refused(counts, StatusCode::kInvalidModel, {"CAST", "2x3", "element count"});
}

TEST(UnaryOpsTest, FloatOnlyOpsRefuseOtherTypesNamingThem) {
  for (fb::BuiltinOperator op : {fb::BuiltinOperator::SIN, fb::BuiltinOperator::EXP, fb::BuiltinOperator::ROUND}) {
    UnaryRun run(op, {fb::TensorType::INT8, {4}, 0.5f, 0}, {fb::TensorType::INT8, {4}, 0.5f, 0});
    expect_refused(run, StatusCode::kUnsupported, {"int8 -> int8", "float32 -> float32"});
  }
  UnaryRun not_int(fb::BuiltinOperator::LOGICAL_NOT, {fb::TensorType::INT32, {4}}, {fb::TensorType::INT32, {4}});
  expect_refused(not_int, StatusCode::kUnsupported, {"LOGICAL_NOT", "int32", "bool -> bool"});
  UnaryRun mismatch(fb::BuiltinOperator::NEG, {fb::TensorType::FLOAT32, {4}}, {fb::TensorType::INT32, {4}});
  expect_refused(mismatch, StatusCode::kInvalidModel, {"NEG", "input is float32 but output is int32"});
  UnaryRun counts(fb::BuiltinOperator::SQRT, {fb::TensorType::FLOAT32, {4}}, {fb::TensorType::FLOAT32, {5}});
  expect_refused(counts, StatusCode::kInvalidModel, {"SQRT", "element count"});
}

}  // namespace
}  // namespace tinyinfer
