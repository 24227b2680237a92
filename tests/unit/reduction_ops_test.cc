// Reductions and their relatives (MEAN, SUM, REDUCE_MAX/MIN/PROD/ALL/ANY,
// ARG_MAX/ARG_MIN, CUMSUM, ADD_N): what the conformance folders do not reach
// (every axis subset, negative and repeated axes, int64 axis and index
// tensors, scalars, the int8 rescaling formulas, other
// types) and the refusal messages of what is not supported.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/model_builder.h"
#include "support/model_run.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;
using TT = fb::TensorType;

// Inputs must be set whole.
struct OneOpRun : testing::ModelRun<8192> {
  using ModelRun::ModelRun;
  template <typename T>
  void set(int32_t i, const std::vector<T>& values) {
    ASSERT_EQ(interpreter.input(i)->bytes, values.size() * sizeof(T));
    ModelRun::set(i, values);
  }
};

bool mentions(const Status& s, const char* text) { return std::string(s.message()).find(text) != std::string::npos; }

struct Quant {
  float scale = 0.0f;
  int64_t zero_point = 0;
};

// input -> op(input, constant axis) -> output.
template <typename AxisT>
ModelBuilder reduce_model(fb::BuiltinOperator op, TT type, std::vector<int32_t> in_shape,
                          std::vector<int32_t> out_shape, const std::vector<AxisT>& axes, bool keep_dims,
                          Quant in_q = {}, Quant out_q = {}, TT out_type = TT::FLOAT32, bool axis_constant = true) {
  ModelBuilder b;
  const int32_t in = b.tensor(type, std::move(in_shape), in_q.scale, in_q.zero_point);
  const TT axis_type = sizeof(AxisT) == 8 ? TT::INT64 : TT::INT32;
  const auto n = static_cast<int32_t>(axes.size());
  const int32_t axis = axis_constant ? b.constant<AxisT>(axis_type, {n}, axes) : b.tensor(axis_type, {n});
  const int32_t out =
      b.tensor(op == fb::BuiltinOperator::ARG_MAX || op == fb::BuiltinOperator::ARG_MIN ? out_type : type,
               std::move(out_shape), out_q.scale, out_q.zero_point);
  fb::OperatorT& node = b.op(b.opcode(op), {in, axis}, {out});
  if (op == fb::BuiltinOperator::CUMSUM) {
    fb::CumsumOptionsT options;
    options.exclusive = keep_dims;  // reused: CUMSUM has no keep_dims
    node.builtin_options.Set(options);
  } else if (op != fb::BuiltinOperator::ARG_MAX && op != fb::BuiltinOperator::ARG_MIN) {
    fb::ReducerOptionsT options;
    options.keep_dims = keep_dims;
    node.builtin_options.Set(options);
  }
  if (axis_constant) {
    b.io({in}, {out});
  } else {
    b.io({in, axis}, {out});
  }
  return b;
}

std::vector<float> ramp(int n, float start, float step) {
  std::vector<float> v(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = start + step * static_cast<float>(i);
  return v;
}

// ---- The shared walker: every axis subset, with and without keep_dims ----

// Row-major naive reduction of a [2, 3, 1, 4] tensor over the axes in `mask`.
std::vector<float> naive_sum(const std::vector<float>& in, unsigned mask) {
  const int dims[4] = {2, 3, 1, 4};
  int out_dims[4];
  int64_t outputs = 1;
  for (int d = 0; d < 4; ++d) {
    out_dims[d] = ((mask >> d) & 1U) != 0 ? 1 : dims[d];
    outputs *= out_dims[d];
  }
  std::vector<float> out(static_cast<std::size_t>(outputs), 0.0f);
  for (int i = 0; i < 24; ++i) {
    // Input coordinates of element i, then its output index.
    int rest = i, coord[4];
    for (int d = 3; d >= 0; --d) {
      coord[d] = rest % dims[d];
      rest /= dims[d];
    }
    int64_t o = 0;
    for (int d = 0; d < 4; ++d) o = o * out_dims[d] + (((mask >> d) & 1U) != 0 ? 0 : coord[d]);
    out[static_cast<std::size_t>(o)] += in[static_cast<std::size_t>(i)];
  }
  return out;
}

TEST(ReductionOpsTest, SumEveryAxisSubsetMatchesNaiveWalk) {
  const std::vector<float> in = ramp(24, -5.0f, 0.75f);
  const int32_t dims[4] = {2, 3, 1, 4};
  for (unsigned mask = 1; mask < 16; ++mask) {  // (an empty axis tensor does not load)
    for (const bool keep : {false, true}) {
      std::vector<int32_t> axes, out_shape;
      for (int32_t d = 0; d < 4; ++d) {
        // Half the subsets name their axes negatively.
        if ((mask >> d) & 1U) axes.push_back(mask % 2 == 0 ? d - 4 : d);
        if (!((mask >> d) & 1U)) {
          out_shape.push_back(dims[d]);
        } else if (keep) {
          out_shape.push_back(1);
        }
      }
      OneOpRun run(reduce_model<int32_t>(fb::BuiltinOperator::SUM, TT::FLOAT32, {2, 3, 1, 4}, out_shape, axes, keep));
      ASSERT_TRUE(run.status.is_ok()) << "mask " << mask << ": " << run.status.message();
      run.set(0, in);
      ASSERT_TRUE(run.interpreter.invoke().is_ok());
      const std::vector<float> want = naive_sum(in, mask);
      const std::vector<float> got = run.get<float>(0);
      ASSERT_EQ(got.size(), want.size()) << "mask " << mask;
      for (std::size_t k = 0; k < want.size(); ++k) EXPECT_FLOAT_EQ(got[k], want[k]) << "mask " << mask << " at " << k;
    }
  }
}

TEST(ReductionOpsTest, MeanRepeatedNegativeAxesAsInt64) {
  OneOpRun run(reduce_model<int64_t>(fb::BuiltinOperator::MEAN, TT::FLOAT32, {2, 3, 4}, {2, 3}, {-1, 2, -1}, false));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, ramp(24, 0.0f, 1.0f));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<float>(0), (std::vector<float>{1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f}));
}

TEST(ReductionOpsTest, ScalarInputIgnoresItsAxes) {
  OneOpRun scalar(reduce_model<int32_t>(fb::BuiltinOperator::REDUCE_MAX, TT::FLOAT32, {}, {}, {0, 5}, true));
  ASSERT_TRUE(scalar.status.is_ok()) << scalar.status.message();
  scalar.set(0, std::vector<float>{-7.0f});
  ASSERT_TRUE(scalar.interpreter.invoke().is_ok());
  EXPECT_EQ(scalar.get<float>(0), std::vector<float>{-7.0f});
}

// ---- Quantized MEAN / SUM: TFLite's rescaling ----

TEST(ReductionOpsTest, MeanInt8RoundsHalfAwayFromZero) {
  // Same scales, zero points 0: mean of 1,2,3,4 is 2.5 -> 3; of -1,-2,-3,-4 -> -3.
  OneOpRun run(
      reduce_model<int32_t>(fb::BuiltinOperator::MEAN, TT::INT8, {2, 4}, {2, 1}, {1}, true, {0.5f, 0}, {0.5f, 0}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int8_t>{1, 2, 3, 4, -1, -2, -3, -4});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int8_t>(0), (std::vector<int8_t>{3, -3}));
}

TEST(ReductionOpsTest, SumInt16RescalesAndSaturates) {
  // Input scale 1, output scale 2, zero point 0: sums halved with TFLite's
  // rounding (2.5 -> 3, -2.5 -> -2); a sum beyond int16 saturates.
  OneOpRun run(
      reduce_model<int32_t>(fb::BuiltinOperator::SUM, TT::INT16, {3, 3}, {3}, {-1}, false, {1.0f, 0}, {2.0f, 0}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int16_t>{1, 2, 2, -10, 0, 5, 32767, 32767, 32767});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int16_t>(0), (std::vector<int16_t>{3, -2, 32767}));
}

TEST(ReductionOpsTest, SumInt8ZeroPointsShiftTheSum) {
  // real = 0.5 * (q - 10); output real = 1.0 * (q + 5).
  OneOpRun run(reduce_model<int32_t>(fb::BuiltinOperator::SUM, TT::INT8, {4}, {}, {0}, false, {0.5f, 10}, {1.0f, -5}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int8_t>{14, 10, 20, 12});  // reals 2, 0, 5, 1: sum 8
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int8_t>(0), std::vector<int8_t>{3});
}

TEST(ReductionOpsTest, ReduceMinInt16AndMaxInt8NeedTheSameQuantization) {
  OneOpRun run(reduce_model<int32_t>(fb::BuiltinOperator::REDUCE_MIN, TT::INT16, {2, 3}, {1, 3}, {0}, true, {0.1f, 0},
                                     {0.1f, 0}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int16_t>{5, -300, 7, 4, 2, 32767});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int16_t>(0), (std::vector<int16_t>{4, -300, 7}));

  OneOpRun refused(
      reduce_model<int32_t>(fb::BuiltinOperator::REDUCE_MAX, TT::INT8, {2, 3}, {3}, {0}, false, {0.1f, 0}, {0.2f, 0}));
  EXPECT_FALSE(refused.status.is_ok());
  EXPECT_TRUE(mentions(refused.status, "rescaling not supported")) << refused.status.message();
}

TEST(ReductionOpsTest, AllAnyAndProd) {
  OneOpRun all(reduce_model<int32_t>(fb::BuiltinOperator::REDUCE_ALL, TT::BOOL, {2, 3}, {2}, {1}, false));
  ASSERT_TRUE(all.status.is_ok()) << all.status.message();
  all.set(0, std::vector<uint8_t>{1, 1, 1, 1, 0, 1});
  ASSERT_TRUE(all.interpreter.invoke().is_ok());
  EXPECT_EQ(all.get<uint8_t>(0), (std::vector<uint8_t>{1, 0}));

  OneOpRun any(reduce_model<int32_t>(fb::BuiltinOperator::REDUCE_ANY, TT::BOOL, {2, 3}, {3}, {0}, false));
  ASSERT_TRUE(any.status.is_ok()) << any.status.message();
  any.set(0, std::vector<uint8_t>{0, 1, 0, 0, 0, 2});
  ASSERT_TRUE(any.interpreter.invoke().is_ok());
  EXPECT_EQ(any.get<uint8_t>(0), (std::vector<uint8_t>{0, 1, 1}));

  OneOpRun prod(reduce_model<int32_t>(fb::BuiltinOperator::REDUCE_PROD, TT::INT32, {2, 2}, {2}, {1}, false));
  ASSERT_TRUE(prod.status.is_ok()) << prod.status.message();
  prod.set(0, std::vector<int32_t>{-3, 7, 65536, 65536});
  ASSERT_TRUE(prod.interpreter.invoke().is_ok());
  EXPECT_EQ(prod.get<int32_t>(0), (std::vector<int32_t>{-21, 0}));  // 2^32 wraps to 0
}

TEST(ReductionOpsTest, ReduceRefusals) {
  OneOpRun runtime_axis(reduce_model<int32_t>(fb::BuiltinOperator::MEAN, TT::FLOAT32, {2, 3}, {2}, {1}, false, {}, {},
                                              TT::FLOAT32, false));
  EXPECT_TRUE(mentions(runtime_axis.status, "axis must be a constant tensor")) << runtime_axis.status.message();

  OneOpRun out_of_range(reduce_model<int32_t>(fb::BuiltinOperator::SUM, TT::FLOAT32, {2, 3}, {2}, {2}, false));
  EXPECT_TRUE(mentions(out_of_range.status, "axis 2 out of range for rank 2")) << out_of_range.status.message();

  OneOpRun shape(reduce_model<int32_t>(fb::BuiltinOperator::SUM, TT::FLOAT32, {2, 3}, {3}, {1}, false));
  EXPECT_TRUE(mentions(shape.status, "the op produces [2]")) << shape.status.message();

  // A keep_dims shape written without the unit dimension still runs (TFLite only counts elements).
  OneOpRun squeezed(reduce_model<int32_t>(fb::BuiltinOperator::SUM, TT::FLOAT32, {2, 3}, {2}, {1}, true));
  EXPECT_TRUE(squeezed.status.is_ok()) << squeezed.status.message();

  OneOpRun type(reduce_model<int32_t>(fb::BuiltinOperator::MEAN, TT::INT32, {2, 3}, {2}, {1}, false));
  EXPECT_TRUE(mentions(type.status, "int32")) << type.status.message();
  EXPECT_TRUE(mentions(type.status, "float32")) << type.status.message();

  OneOpRun unquantized(reduce_model<int32_t>(fb::BuiltinOperator::MEAN, TT::INT8, {2, 3}, {2}, {1}, false));
  EXPECT_TRUE(mentions(unquantized.status, "needs one scale and zero point")) << unquantized.status.message();
}

// ---- ARG_MAX / ARG_MIN ----

TEST(ReductionOpsTest, ArgMaxMiddleAxisInt64OutputFirstOfTies) {
  OneOpRun run(reduce_model<int64_t>(fb::BuiltinOperator::ARG_MAX, TT::INT8, {2, 3, 2}, {2, 2}, {-2}, false, {0.1f, 0},
                                     {}, TT::INT64));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int8_t>{1, 5, 9, 5, 9, -1, /**/ -128, -128, -128, -128, -128, -127});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int64_t>(0), (std::vector<int64_t>{1, 0, 0, 2}));
}

TEST(ReductionOpsTest, ArgMinFloatNanAtZeroStaysChosen) {
  OneOpRun run(
      reduce_model<int32_t>(fb::BuiltinOperator::ARG_MIN, TT::FLOAT32, {2, 3}, {2}, {1}, false, {}, {}, TT::INT32));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<float>{NAN, -1.0f, -2.0f, 3.0f, NAN, 2.0f});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int32_t>(0), (std::vector<int32_t>{0, 2}));
}

TEST(ReductionOpsTest, ArgRefusals) {
  OneOpRun scalar(
      reduce_model<int32_t>(fb::BuiltinOperator::ARG_MAX, TT::FLOAT32, {}, {}, {0}, false, {}, {}, TT::INT32));
  EXPECT_TRUE(mentions(scalar.status, "scalar")) << scalar.status.message();
  OneOpRun two_axes(
      reduce_model<int32_t>(fb::BuiltinOperator::ARG_MAX, TT::FLOAT32, {2, 3}, {2}, {0, 1}, false, {}, {}, TT::INT32));
  EXPECT_TRUE(mentions(two_axes.status, "at most 1 expected")) << two_axes.status.message();
  OneOpRun out_type(
      reduce_model<int32_t>(fb::BuiltinOperator::ARG_MIN, TT::FLOAT32, {2, 3}, {2}, {1}, false, {}, {}, TT::INT16));
  EXPECT_TRUE(mentions(out_type.status, "int16")) << out_type.status.message();
}

// ---- CUMSUM ----

TEST(ReductionOpsTest, CumsumMiddleAxisExclusiveReverse) {
  ModelBuilder b = reduce_model<int64_t>(fb::BuiltinOperator::CUMSUM, TT::FLOAT32, {2, 3, 2}, {2, 3, 2}, {1}, true);
  b.graph().operators[0]->builtin_options.AsCumsumOptions()->reverse = true;
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, ramp(12, 1.0f, 1.0f));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  // Per line (axis 1, from the end, excluding the element itself).
  EXPECT_EQ(run.get<float>(0), (std::vector<float>{8, 10, 5, 6, 0, 0, 20, 22, 11, 12, 0, 0}));
}

TEST(ReductionOpsTest, CumsumInt8FollowsTfliteRescaling) {
  // Input and output scale 1, zero point 0: TFLite's rescaling is exact, so
  // the running sums come out as integers (saturated at 127).
  OneOpRun run(
      reduce_model<int32_t>(fb::BuiltinOperator::CUMSUM, TT::INT8, {5}, {5}, {0}, false, {1.0f, 0}, {1.0f, 0}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int8_t>{3, -5, 100, 50, -128});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int8_t>(0), (std::vector<int8_t>{3, -2, 98, 127, 20}));
}

TEST(ReductionOpsTest, CumsumInt8StartsFromTheInputOffset) {
  // Zero point 4: TFLite starts each running sum at the rescaled -4 (not 0),
  // so an exclusive cumsum's first output is 4 below the output zero point.
  OneOpRun run(reduce_model<int32_t>(fb::BuiltinOperator::CUMSUM, TT::INT8, {3}, {3}, {0}, true, {1.0f, 4}, {1.0f, 4}));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, std::vector<int8_t>{6, 14, 0});  // reals 2, 10, -4
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int8_t>(0), (std::vector<int8_t>{0, 2, 12}));
}

TEST(ReductionOpsTest, CumsumRefusals) {
  OneOpRun scale(
      reduce_model<int32_t>(fb::BuiltinOperator::CUMSUM, TT::INT8, {4}, {4}, {0}, false, {1.0f, 0}, {1e-7f, 0}));
  EXPECT_TRUE(mentions(scale.status, "cannot be rescaled")) << scale.status.message();
  OneOpRun bool_type(reduce_model<int32_t>(fb::BuiltinOperator::CUMSUM, TT::BOOL, {4}, {4}, {0}, false));
  EXPECT_TRUE(mentions(bool_type.status, "bool")) << bool_type.status.message();
  OneOpRun axis(reduce_model<int32_t>(fb::BuiltinOperator::CUMSUM, TT::FLOAT32, {4}, {4}, {-2}, false));
  EXPECT_TRUE(mentions(axis.status, "out of range")) << axis.status.message();
}

// ---- ADD_N ----

ModelBuilder add_n_model(TT type, int inputs, Quant in_q, Quant out_q, Quant last_q) {
  ModelBuilder b;
  std::vector<int32_t> ins;
  for (int i = 0; i < inputs; ++i) {
    const Quant q = i + 1 == inputs ? last_q : in_q;
    ins.push_back(b.tensor(type, {2, 2}, q.scale, q.zero_point));
  }
  const int32_t out = b.tensor(type, {2, 2}, out_q.scale, out_q.zero_point);
  b.op(b.opcode(fb::BuiltinOperator::ADD_N), ins, {out});
  b.io(ins, {out});
  return b;
}

TEST(ReductionOpsTest, AddNInt32AndInt8) {
  OneOpRun ints(add_n_model(TT::INT32, 3, {}, {}, {}));
  ASSERT_TRUE(ints.status.is_ok()) << ints.status.message();
  ints.set(0, std::vector<int32_t>{1, 2, 3, 4});
  ints.set(1, std::vector<int32_t>{10, 20, 30, 40});
  ints.set(2, std::vector<int32_t>{-100, 0, 0, 2147483647});
  ASSERT_TRUE(ints.interpreter.invoke().is_ok());
  EXPECT_EQ(ints.get<int32_t>(0), (std::vector<int32_t>{-89, 22, 33, -2147483605}));

  // Scales 1, zero points 2 (inputs) and 0 (output): TFLite's sum carries one
  // extra -2 (it starts from the rescaled input offset).
  OneOpRun q(add_n_model(TT::INT8, 2, {1.0f, 2}, {1.0f, 0}, {1.0f, 2}));
  ASSERT_TRUE(q.status.is_ok()) << q.status.message();
  q.set(0, std::vector<int8_t>{2, 12, -100, 127});
  q.set(1, std::vector<int8_t>{2, 5, -100, 127});
  ASSERT_TRUE(q.interpreter.invoke().is_ok());
  EXPECT_EQ(q.get<int8_t>(0), (std::vector<int8_t>{-2, 11, -128, 127}));
}

TEST(ReductionOpsTest, AddNRefusals) {
  OneOpRun one(add_n_model(TT::FLOAT32, 1, {}, {}, {}));
  EXPECT_TRUE(mentions(one.status, "at least 2 inputs")) << one.status.message();
  OneOpRun quant(add_n_model(TT::INT8, 3, {0.5f, 0}, {0.5f, 0}, {0.25f, 0}));
  EXPECT_TRUE(mentions(quant.status, "input 2's quantization differs")) << quant.status.message();
  OneOpRun type(add_n_model(TT::INT16, 2, {0.5f, 0}, {0.5f, 0}, {0.5f, 0}));
  EXPECT_TRUE(mentions(type.status, "int16")) << type.status.message();
}

}  // namespace
}  // namespace tinyinfer
