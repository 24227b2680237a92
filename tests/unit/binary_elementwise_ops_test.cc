// Elementwise binary ops beyond ADD and MUL (SUB, MAXIMUM, MINIMUM,
// SQUARED_DIFFERENCE, DIV, FLOOR_DIV, FLOOR_MOD, the comparisons, LOGICAL_AND,
// LOGICAL_OR, SELECT_V2): math by hand where the conformance data does not
// reach (high-rank and scalar broadcasts, saturation, wrapping, zero divisors,
// differing input scales) and the refusals at prepare.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ops/div/div.h"
#include "support/model_builder.h"
#include "support/model_run.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;
using Op = fb::BuiltinOperator;
using Type = fb::TensorType;

struct Operand {
  Type type;
  std::vector<int32_t> shape;
  float scale = 0.0f;
  int64_t zero_point = 0;
};

using OptionsFn = std::function<void(fb::OperatorT&)>;

ModelBuilder op_model(Op code, const std::vector<Operand>& inputs, const Operand& output,
                      const OptionsFn& options = nullptr) {
  ModelBuilder b;
  std::vector<int32_t> ins;
  for (const Operand& in : inputs) ins.push_back(b.tensor(in.type, in.shape, in.scale, in.zero_point));
  const int32_t out = b.tensor(output.type, output.shape, output.scale, output.zero_point);
  fb::OperatorT& op = b.op(b.opcode(code, 1), ins, {out});
  if (options) options(op);
  b.io(ins, {out});
  return b;
}

OptionsFn sub_act(fb::ActivationFunctionType act) {
  return [act](fb::OperatorT& op) {
    fb::SubOptionsT o;
    o.fused_activation_function = act;
    o.pot_scale_int16 = false;
    op.builtin_options.Set(o);
  };
}

OptionsFn div_act(fb::ActivationFunctionType act) {
  return [act](fb::OperatorT& op) {
    fb::DivOptionsT o;
    o.fused_activation_function = act;
    op.builtin_options.Set(o);
  };
}

using OpRun = testing::ModelRun<16384>;

// The message names the op and `what`.
void expect_refused(const OpRun& run, StatusCode code, const char* op, const char* what) {
  EXPECT_EQ(run.status.code(), code) << run.status.message();
  const std::string message = run.status.message();
  EXPECT_NE(message.find(op), std::string::npos) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
}

TEST(BinaryElementwiseOpsTest, SubFloatBroadcastsAtRankSixWithRelu) {
  // [2,1,1,1,1,3] - [2,1,1,1,1] -> [2,2,1,1,1,3].
  OpRun run(op_model(Op::SUB, {{Type::FLOAT32, {2, 1, 1, 1, 1, 3}}, {Type::FLOAT32, {2, 1, 1, 1, 1}}},
                     {Type::FLOAT32, {2, 2, 1, 1, 1, 3}}, sub_act(fb::ActivationFunctionType::RELU)));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<float>(0, {1, 2, 3, 10, 20, 30});
  run.set<float>(1, {2, 15});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  const std::vector<float> expected = {0, 0, 1, 0, 0, 0, 8, 18, 28, 0, 5, 15};
  EXPECT_EQ(run.get<float>(), expected);
}

// TFLite computes a fused TANH or SIGN_BIT as no clamp at all
// (CalculateActivationRange), in every type.
TEST(BinaryElementwiseOpsTest, FusedTanhAndSignBitClampNothing) {
  for (const auto act : {fb::ActivationFunctionType::TANH, fb::ActivationFunctionType::SIGN_BIT}) {
    OpRun f(op_model(Op::SUB, {{Type::FLOAT32, {3}}, {Type::FLOAT32, {3}}}, {Type::FLOAT32, {3}}, sub_act(act)));
    ASSERT_TRUE(f.status.is_ok()) << f.status.message();
    f.set<float>(0, {100, -3, 0.5f});
    f.set<float>(1, {1, 7, 0.25f});
    ASSERT_TRUE(f.interpreter.invoke().is_ok());
    EXPECT_EQ(f.get<float>(), (std::vector<float>{99, -10, 0.25f}));

    OpRun q(op_model(Op::SUB, {{Type::INT8, {3}, 1.0f, 0}, {Type::INT8, {3}, 1.0f, 0}}, {Type::INT8, {3}, 1.0f, 0},
                     sub_act(act)));
    ASSERT_TRUE(q.status.is_ok()) << q.status.message();
    q.set<int8_t>(0, {100, -100, 3});
    q.set<int8_t>(1, {-100, 100, 5});
    ASSERT_TRUE(q.interpreter.invoke().is_ok());
    EXPECT_EQ(q.get<int8_t>(), (std::vector<int8_t>{127, -128, -2}));

    OpRun i(op_model(Op::SUB, {{Type::INT32, {2}}, {Type::INT32, {2}}}, {Type::INT32, {2}}, sub_act(act)));
    ASSERT_TRUE(i.status.is_ok()) << i.status.message();
    i.set<int32_t>(0, {-50, 1000});
    i.set<int32_t>(1, {0, -1});
    ASSERT_TRUE(i.interpreter.invoke().is_ok());
    EXPECT_EQ(i.get<int32_t>(), (std::vector<int32_t>{-50, 1001}));
  }
}

TEST(BinaryElementwiseOpsTest, SubInt32WrapsAndClampsToRelu6) {
  OpRun plain(op_model(Op::SUB, {{Type::INT32, {3}}, {Type::INT32, {3}}}, {Type::INT32, {3}}));
  ASSERT_TRUE(plain.status.is_ok()) << plain.status.message();
  constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
  plain.set<int32_t>(0, {kMin, 5, -4});
  plain.set<int32_t>(1, {1, 7, -4});
  ASSERT_TRUE(plain.interpreter.invoke().is_ok());
  EXPECT_EQ(plain.get<int32_t>(), (std::vector<int32_t>{std::numeric_limits<int32_t>::max(), -2, 0}));

  OpRun relu6(op_model(Op::SUB, {{Type::INT32, {3}}, {Type::INT32, {}}}, {Type::INT32, {3}},
                       sub_act(fb::ActivationFunctionType::RELU6)));
  ASSERT_TRUE(relu6.status.is_ok()) << relu6.status.message();
  relu6.set<int32_t>(0, {100, 3, -50});
  relu6.set<int32_t>(1, {1});
  ASSERT_TRUE(relu6.interpreter.invoke().is_ok());
  EXPECT_EQ(relu6.get<int32_t>(), (std::vector<int32_t>{6, 2, 0}));
}

TEST(BinaryElementwiseOpsTest, SubInt8AndInt16SaturateWithEqualScales) {
  // Equal scales make TFLite's rescale exact: out = a - b, saturated.
  OpRun i8(op_model(Op::SUB, {{Type::INT8, {4}, 0.5f, 0}, {Type::INT8, {4}, 0.5f, 0}}, {Type::INT8, {4}, 0.5f, 0},
                    sub_act(fb::ActivationFunctionType::NONE)));
  ASSERT_TRUE(i8.status.is_ok()) << i8.status.message();
  i8.set<int8_t>(0, {100, -100, 5, 0});
  i8.set<int8_t>(1, {-100, 100, 7, 0});
  ASSERT_TRUE(i8.interpreter.invoke().is_ok());
  EXPECT_EQ(i8.get<int8_t>(), (std::vector<int8_t>{127, -128, -2, 0}));

  OpRun i16(op_model(Op::SUB, {{Type::INT16, {4}, 0.25f, 0}, {Type::INT16, {1}, 0.25f, 0}},
                     {Type::INT16, {4}, 0.25f, 0}, sub_act(fb::ActivationFunctionType::RELU)));
  ASSERT_TRUE(i16.status.is_ok()) << i16.status.message();
  i16.set<int16_t>(0, {30000, -30000, 1000, 3});
  i16.set<int16_t>(1, {-10000});
  ASSERT_TRUE(i16.interpreter.invoke().is_ok());
  EXPECT_EQ(i16.get<int16_t>(), (std::vector<int16_t>{32767, 0, 11000, 10003}));
}

TEST(BinaryElementwiseOpsTest, MaximumMinimumBroadcastAScalar) {
  OpRun max(
      op_model(Op::MAXIMUM, {{Type::INT8, {2, 2}, 0.1f, 0}, {Type::INT8, {}, 0.1f, 0}}, {Type::INT8, {2, 2}, 0.1f, 0}));
  ASSERT_TRUE(max.status.is_ok()) << max.status.message();
  max.set<int8_t>(0, {-5, 3, 0, 127});
  max.set<int8_t>(1, {1});
  ASSERT_TRUE(max.interpreter.invoke().is_ok());
  EXPECT_EQ(max.get<int8_t>(), (std::vector<int8_t>{1, 3, 1, 127}));

  OpRun min(op_model(Op::MINIMUM, {{Type::INT64, {3}}, {Type::INT64, {3}}}, {Type::INT64, {3}}));
  ASSERT_TRUE(min.status.is_ok()) << min.status.message();
  min.set<int64_t>(0, {int64_t{1} << 40, -7, 0});
  min.set<int64_t>(1, {3, -8, 0});
  ASSERT_TRUE(min.interpreter.invoke().is_ok());
  EXPECT_EQ(min.get<int64_t>(), (std::vector<int64_t>{3, -8, 0}));
}

TEST(BinaryElementwiseOpsTest, SquaredDifferenceInt8SaturatesAndInt32Wraps) {
  // Scales 1 make TFLite's rescale exact: out = (a - b)^2, saturated.
  OpRun i8(op_model(Op::SQUARED_DIFFERENCE, {{Type::INT8, {3}, 1.0f, 0}, {Type::INT8, {3}, 1.0f, 0}},
                    {Type::INT8, {3}, 1.0f, 0}));
  ASSERT_TRUE(i8.status.is_ok()) << i8.status.message();
  i8.set<int8_t>(0, {5, 20, -4});
  i8.set<int8_t>(1, {-3, 0, -4});
  ASSERT_TRUE(i8.interpreter.invoke().is_ok());
  EXPECT_EQ(i8.get<int8_t>(), (std::vector<int8_t>{64, 127, 0}));

  OpRun i32(op_model(Op::SQUARED_DIFFERENCE, {{Type::INT32, {2}}, {Type::INT32, {2}}}, {Type::INT32, {2}}));
  ASSERT_TRUE(i32.status.is_ok()) << i32.status.message();
  i32.set<int32_t>(0, {65536, -9});
  i32.set<int32_t>(1, {0, 3});
  ASSERT_TRUE(i32.interpreter.invoke().is_ok());
  EXPECT_EQ(i32.get<int32_t>(), (std::vector<int32_t>{0, 144}));  // 2^32 wraps to 0
}

TEST(BinaryElementwiseOpsTest, DivInt8QuotientsAndZeroDivisor) {
  OpRun run(op_model(Op::DIV, {{Type::INT8, {6}, 1.0f, 0}, {Type::INT8, {6}, 1.0f, 0}}, {Type::INT8, {6}, 1.0f, 0},
                     div_act(fb::ActivationFunctionType::NONE)));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<int8_t>(0, {100, -9, 12, 127, 0, 5});
  run.set<int8_t>(1, {4, 3, -4, 1, 7, 0});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int8_t>(), (std::vector<int8_t>{25, -3, -3, 127, 0, 127}));
}

TEST(BinaryElementwiseOpsTest, DivInt8MatchesTheRealQuotientWithinOneStep) {
  kernels::BinaryParams p;
  p.input1_offset = 3;  // zero points -3, 5, -1
  p.input2_offset = -5;
  p.output_offset = -1;
  // in1 0.05, in2 0.1, out 0.02: real factor 0.05 / (0.1 * 0.02) = 25.
  int shift = 0;
  quant::quantize_multiplier(25.0, &p.output_multiplier, &shift);
  p.output_shift = shift;
  for (int a = -128; a <= 127; a += 3) {
    for (int b = -128; b <= 127; b += 5) {
      if (b + p.input2_offset == 0 || std::abs(a + p.input1_offset) < 16) continue;
      const double real = (a + 3) * 0.05 / ((b - 5) * 0.1) / 0.02 - 1.0;
      const int32_t got = kernels::reference::div_quantized(p, a, b);
      EXPECT_NEAR(got, real, 1.0) << a << " / " << b;
    }
  }
}

TEST(BinaryElementwiseOpsTest, DivInt32TruncatesAndNeverTraps) {
  OpRun run(op_model(Op::DIV, {{Type::INT32, {4}}, {Type::INT32, {4}}}, {Type::INT32, {4}},
                     div_act(fb::ActivationFunctionType::NONE)));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
  run.set<int32_t>(0, {-7, 7, 5, kMin});
  run.set<int32_t>(1, {2, -2, 0, -1});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int32_t>(), (std::vector<int32_t>{-3, -3, 0, kMin}));
}

TEST(BinaryElementwiseOpsTest, FloorDivAndFloorModFollowTheDivisorSign) {
  OpRun div(op_model(Op::FLOOR_DIV, {{Type::FLOAT32, {4}}, {Type::FLOAT32, {4}}}, {Type::FLOAT32, {4}}));
  ASSERT_TRUE(div.status.is_ok()) << div.status.message();
  div.set<float>(0, {-7, 7, 7, -7});
  div.set<float>(1, {2, -2, 2, -2});
  ASSERT_TRUE(div.interpreter.invoke().is_ok());
  EXPECT_EQ(div.get<float>(), (std::vector<float>{-4, -4, 3, 3}));

  OpRun mod(op_model(Op::FLOOR_MOD, {{Type::FLOAT32, {4}}, {Type::FLOAT32, {4}}}, {Type::FLOAT32, {4}}));
  ASSERT_TRUE(mod.status.is_ok()) << mod.status.message();
  mod.set<float>(0, {-7, 7, 7, -7});
  mod.set<float>(1, {2, -2, 2, -2});
  ASSERT_TRUE(mod.interpreter.invoke().is_ok());
  EXPECT_EQ(mod.get<float>(), (std::vector<float>{1, -1, 1, -1}));
}

TEST(BinaryElementwiseOpsTest, Int8ComparisonsRescaleDifferentScales) {
  // 2 * 1.0 and 4 * 0.5 are the same real value.
  for (Op code : {Op::LESS, Op::LESS_EQUAL, Op::EQUAL}) {
    OpRun run(op_model(code, {{Type::INT8, {3}, 1.0f, 0}, {Type::INT8, {3}, 0.5f, 0}}, {Type::BOOL, {3}}));
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<int8_t>(0, {2, 1, 3});
    run.set<int8_t>(1, {4, 4, 4});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    const std::vector<uint8_t> got = run.get<uint8_t>();
    const std::vector<uint8_t> expected = code == Op::LESS         ? std::vector<uint8_t>{0, 1, 0}
                                          : code == Op::LESS_EQUAL ? std::vector<uint8_t>{1, 1, 0}
                                                                   : std::vector<uint8_t>{1, 0, 0};
    EXPECT_EQ(got, expected) << fb::EnumNameBuiltinOperator(code);
  }
}

TEST(BinaryElementwiseOpsTest, GreaterInt16AndBoolEqualBroadcast) {
  OpRun greater(op_model(Op::GREATER, {{Type::INT16, {3}, 0.5f, 0}, {Type::INT16, {}, 0.5f, 0}}, {Type::BOOL, {3}}));
  ASSERT_TRUE(greater.status.is_ok()) << greater.status.message();
  greater.set<int16_t>(0, {-300, 10, 11});
  greater.set<int16_t>(1, {10});
  ASSERT_TRUE(greater.interpreter.invoke().is_ok());
  EXPECT_EQ(greater.get<uint8_t>(), (std::vector<uint8_t>{0, 0, 1}));

  OpRun equal(op_model(Op::NOT_EQUAL, {{Type::BOOL, {2, 1}}, {Type::BOOL, {1, 2}}}, {Type::BOOL, {2, 2}}));
  ASSERT_TRUE(equal.status.is_ok()) << equal.status.message();
  equal.set<uint8_t>(0, {0, 1});
  equal.set<uint8_t>(1, {0, 1});
  ASSERT_TRUE(equal.interpreter.invoke().is_ok());
  EXPECT_EQ(equal.get<uint8_t>(), (std::vector<uint8_t>{0, 1, 1, 0}));
}

TEST(BinaryElementwiseOpsTest, LogicalOpsBroadcast) {
  for (Op code : {Op::LOGICAL_AND, Op::LOGICAL_OR}) {
    OpRun run(op_model(code, {{Type::BOOL, {2, 1}}, {Type::BOOL, {2}}}, {Type::BOOL, {2, 2}}));
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<uint8_t>(0, {0, 1});
    run.set<uint8_t>(1, {0, 1});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    const std::vector<uint8_t> expected =
        code == Op::LOGICAL_AND ? std::vector<uint8_t>{0, 0, 0, 1} : std::vector<uint8_t>{0, 1, 1, 1};
    EXPECT_EQ(run.get<uint8_t>(), expected);
  }
}

TEST(BinaryElementwiseOpsTest, SelectV2BroadcastsAllThreeInputs) {
  // condition [2,1], x [1,3], y [2,3] -> [2,3].
  OpRun run(op_model(Op::SELECT_V2, {{Type::BOOL, {2, 1}}, {Type::INT16, {1, 3}}, {Type::INT16, {2, 3}}},
                     {Type::INT16, {2, 3}}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<uint8_t>(0, {1, 0});
  run.set<int16_t>(1, {1, 2, 3});
  run.set<int16_t>(2, {10, 20, 30, 40, 50, 60});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int16_t>(), (std::vector<int16_t>{1, 2, 3, 40, 50, 60}));

  // Single elements of mixed ranks run as one element, as in TFLite.
  OpRun scalar(
      op_model(Op::SELECT_V2, {{Type::BOOL, {}}, {Type::FLOAT32, {1, 1}}, {Type::FLOAT32, {1}}}, {Type::FLOAT32, {1}}));
  ASSERT_TRUE(scalar.status.is_ok()) << scalar.status.message();
  scalar.set<uint8_t>(0, {0});
  scalar.set<float>(1, {1.5f});
  scalar.set<float>(2, {-2.5f});
  ASSERT_TRUE(scalar.interpreter.invoke().is_ok());
  EXPECT_EQ(scalar.get<float>(), (std::vector<float>{-2.5f}));
}

TEST(BinaryElementwiseOpsTest, UnsupportedTypesAreRefusedNamingOpAndType) {
  expect_refused(
      OpRun(op_model(Op::LESS, {{Type::INT16, {2}, 1.0f, 0}, {Type::INT16, {2}, 1.0f, 0}}, {Type::BOOL, {2}})),
      StatusCode::kUnsupported, "LESS", "int16");
  expect_refused(OpRun(op_model(Op::FLOOR_DIV, {{Type::INT32, {2}}, {Type::INT32, {2}}}, {Type::INT32, {2}})),
                 StatusCode::kUnsupported, "FLOOR_DIV", "int32");
  expect_refused(OpRun(op_model(Op::LOGICAL_AND, {{Type::FLOAT32, {2}}, {Type::FLOAT32, {2}}}, {Type::FLOAT32, {2}})),
                 StatusCode::kUnsupported, "LOGICAL_AND", "float32");
  expect_refused(
      OpRun(op_model(Op::SELECT_V2, {{Type::BOOL, {2}}, {Type::INT32, {2}}, {Type::INT32, {2}}}, {Type::INT32, {2}})),
      StatusCode::kUnsupported, "SELECT_V2", "int32");
  expect_refused(
      OpRun(op_model(Op::SUB, {{Type::INT8, {2}, 1.0f, 0}, {Type::INT16, {2}, 1.0f, 0}}, {Type::INT8, {2}, 1.0f, 0})),
      StatusCode::kUnsupported, "SUB", "int16");
}

TEST(BinaryElementwiseOpsTest, BadQuantizationAndActivationsAreRefused) {
  expect_refused(OpRun(op_model(Op::SUB, {{Type::INT8, {2}}, {Type::INT8, {2}, 1.0f, 0}}, {Type::INT8, {2}, 1.0f, 0})),
                 StatusCode::kInvalidModel, "SUB", "without quantization");
  expect_refused(OpRun(op_model(Op::DIV, {{Type::INT32, {2}, 1.0f, 0}, {Type::INT32, {2}}}, {Type::INT32, {2}})),
                 StatusCode::kUnsupported, "DIV", "quantized int32");
  // The output multiplier twice_max / (2^20 * out_scale) must stay below 1.
  expect_refused(
      OpRun(op_model(Op::SUB, {{Type::INT8, {2}, 1.0f, 0}, {Type::INT8, {2}, 1.0f, 0}}, {Type::INT8, {2}, 1e-7f, 0})),
      StatusCode::kUnsupported, "SUB", "output multiplier");
}

TEST(BinaryElementwiseOpsTest, ShapesThatDoNotBroadcastAreRefused) {
  expect_refused(OpRun(op_model(Op::MAXIMUM, {{Type::FLOAT32, {2, 3}}, {Type::FLOAT32, {2}}}, {Type::FLOAT32, {2, 3}})),
                 StatusCode::kInvalidModel, "MAXIMUM", "cannot broadcast");
  expect_refused(OpRun(op_model(Op::SELECT_V2, {{Type::BOOL, {3}}, {Type::FLOAT32, {2, 3}}, {Type::FLOAT32, {2, 2}}},
                                {Type::FLOAT32, {2, 3}})),
                 StatusCode::kInvalidModel, "SELECT_V2", "cannot broadcast");
}

TEST(BinaryElementwiseOpsTest, OptimizedSetFallsBackToTheReferenceKernels) {
  OpRun run(op_model(Op::GREATER_EQUAL, {{Type::FLOAT32, {2}}, {Type::FLOAT32, {2}}}, {Type::BOOL, {2}}),
            KernelChoice::kOptimized);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<float>(0, {1.0f, -1.0f});
  run.set<float>(1, {1.0f, 0.0f});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<uint8_t>(), (std::vector<uint8_t>{1, 0}));
}

}  // namespace
}  // namespace tinyinfer
