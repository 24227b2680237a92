// Data-movement ops (CONCATENATION, PACK, UNPACK, SPLIT, SPLIT_V, SQUEEZE,
// EXPAND_DIMS, TRANSPOSE, PAD, PADV2, MIRROR_PAD, SLICE, STRIDED_SLICE,
// REVERSE_V2, SHAPE, FILL): what the conformance folders do not reach
// (negative axes, masks, size-1 and empty dimensions, the shared kernels'
// run merging) and the refusal messages of what is not supported.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ops/common/move_kernels.h"
#include "ops/common/move_params.h"
#include "support/model_builder.h"
#include "support/model_run.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;

using OneOpRun = testing::ModelRun<8192>;

std::vector<float> iota(int n, float start = 0.0f) {
  std::vector<float> v(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = start + static_cast<float>(i);
  return v;
}

bool mentions(const Status& s, const char* text) { return std::string(s.message()).find(text) != std::string::npos; }

// ---- CONCATENATION / PACK ----

ModelBuilder concat_model(fb::TensorType type, int32_t axis, float s1, float s2, float so) {
  ModelBuilder b;
  const int32_t a = b.tensor(type, {2, 1, 3}, s1, 1);
  const int32_t c = b.tensor(type, {2, 2, 3}, s2, 1);
  const int32_t out = b.tensor(type, {2, 3, 3}, so, 1);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::CONCATENATION), {a, c}, {out});
  fb::ConcatenationOptionsT options;
  options.axis = axis;
  op.builtin_options.Set(options);
  b.io({a, c}, {out});
  return b;
}

TEST(DataMovementOpsTest, ConcatenationNegativeAxis) {
  OneOpRun run(concat_model(fb::TensorType::FLOAT32, -2, 0, 0, 0));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, iota(6, 100));
  run.set(1, iota(12));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  const std::vector<float> want = {100, 101, 102, 0, 1, 2, 3, 4, 5, 103, 104, 105, 6, 7, 8, 9, 10, 11};
  EXPECT_EQ(run.get<float>(0), want);
}

TEST(DataMovementOpsTest, ConcatenationInt8DifferentScalesRefused) {
  OneOpRun run(concat_model(fb::TensorType::INT8, 1, 0.5f, 0.25f, 0.5f));
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "CONCATENATION")) << run.status.message();
  EXPECT_TRUE(mentions(run.status, "rescaling not supported")) << run.status.message();
}

TEST(DataMovementOpsTest, ConcatenationAxisOutOfRangeRefused) {
  OneOpRun run(concat_model(fb::TensorType::FLOAT32, 3, 0, 0, 0));
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "axis 3 out of range")) << run.status.message();
}

TEST(DataMovementOpsTest, PackLastAxisInt16) {
  ModelBuilder b;
  const int32_t a = b.tensor(fb::TensorType::INT16, {2, 2}, 1.0f, 0);
  const int32_t c = b.tensor(fb::TensorType::INT16, {2, 2}, 1.0f, 0);
  const int32_t out = b.tensor(fb::TensorType::INT16, {2, 2, 2}, 1.0f, 0);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::PACK), {a, c}, {out});
  fb::PackOptionsT options;
  options.axis = -1;
  options.values_count = 2;
  op.builtin_options.Set(options);
  b.io({a, c}, {out});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<int16_t>(0, {1, 2, 3, 4});
  run.set<int16_t>(1, {-1, -2, -3, -4});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int16_t>(0), (std::vector<int16_t>{1, -1, 2, -2, 3, -3, 4, -4}));
}

// ---- UNPACK / SPLIT / SPLIT_V ----

TEST(DataMovementOpsTest, UnpackNegativeAxis) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT32, {2, 3});
  std::vector<int32_t> outs;
  for (int i = 0; i < 3; ++i) outs.push_back(b.tensor(fb::TensorType::INT32, {2}));
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::UNPACK), {in}, outs);
  fb::UnpackOptionsT options;
  options.axis = -1;
  options.num = 3;
  op.builtin_options.Set(options);
  b.io({in}, outs);
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<int32_t>(0, {1, 2, 3, 4, 5, 6});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int32_t>(0), (std::vector<int32_t>{1, 4}));
  EXPECT_EQ(run.get<int32_t>(2), (std::vector<int32_t>{3, 6}));
}

TEST(DataMovementOpsTest, SplitUnevenRefused) {
  ModelBuilder b;
  const int32_t axis = b.constant<int32_t>(fb::TensorType::INT32, {}, {-1});
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2, 5});
  const int32_t o1 = b.tensor(fb::TensorType::FLOAT32, {2, 2});
  const int32_t o2 = b.tensor(fb::TensorType::FLOAT32, {2, 2});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::SPLIT), {axis, in}, {o1, o2});
  fb::SplitOptionsT options;
  options.num_splits = 2;
  op.builtin_options.Set(options);
  b.io({in}, {o1, o2});
  OneOpRun run(b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "SPLIT")) << run.status.message();
  EXPECT_TRUE(mentions(run.status, "equal parts")) << run.status.message();
}

TEST(DataMovementOpsTest, SplitVInferredSizeAndNegativeAxis) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2, 4});
  const int32_t sizes = b.constant<int64_t>(fb::TensorType::INT64, {2}, {-1, 1});
  const int32_t axis = b.constant<int32_t>(fb::TensorType::INT32, {1}, {-1});
  const int32_t o1 = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t o3 = b.tensor(fb::TensorType::FLOAT32, {2, 1});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::SPLIT_V), {in, sizes, axis}, {o1, o3});
  fb::SplitVOptionsT options;
  options.num_splits = 2;
  op.builtin_options.Set(options);
  b.io({in}, {o1, o3});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, iota(8));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<float>(0), (std::vector<float>{0, 1, 2, 4, 5, 6}));
  EXPECT_EQ(run.get<float>(1), (std::vector<float>{3, 7}));
}

// ---- SQUEEZE / EXPAND_DIMS / SHAPE / FILL ----

TEST(DataMovementOpsTest, SqueezeNonUnitDimRefused) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, {1, 3, 1}, 1.0f, 0);
  const int32_t out = b.tensor(fb::TensorType::INT8, {1, 3}, 1.0f, 0);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::SQUEEZE), {in}, {out});
  fb::SqueezeOptionsT options;
  options.squeeze_dims = {-2};
  op.builtin_options.Set(options);
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "not 1")) << run.status.message();
}

TEST(DataMovementOpsTest, ExpandDimsNegativeAxis) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t axis = b.constant<int32_t>(fb::TensorType::INT32, {}, {-2});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {2, 1, 3});
  b.op(b.opcode(fb::BuiltinOperator::EXPAND_DIMS), {in, axis}, {out});
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, iota(6));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<float>(0), iota(6));
}

TEST(DataMovementOpsTest, ShapeInt64) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, {3, 1, 5}, 1.0f, 0);
  const int32_t out = b.tensor(fb::TensorType::INT64, {3});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::SHAPE), {in}, {out});
  fb::ShapeOptionsT options;
  options.out_type = fb::TensorType::INT64;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int64_t>(0), (std::vector<int64_t>{3, 1, 5}));
}

TEST(DataMovementOpsTest, FillInt16AndRefusedBool) {
  for (const fb::TensorType type : {fb::TensorType::INT16, fb::TensorType::BOOL}) {
    ModelBuilder b;
    const int32_t dims = b.constant<int64_t>(fb::TensorType::INT64, {2}, {2, 2});
    const int32_t value = b.tensor(type, {});
    const int32_t out = b.tensor(type, {2, 2});
    b.op(b.opcode(fb::BuiltinOperator::FILL), {dims, value}, {out});
    b.io({value}, {out});
    OneOpRun run(b);
    if (type == fb::TensorType::BOOL) {
      ASSERT_FALSE(run.status.is_ok());
      EXPECT_TRUE(mentions(run.status, "FILL")) << run.status.message();
      EXPECT_TRUE(mentions(run.status, "bool")) << run.status.message();
      continue;
    }
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<int16_t>(0, {-7});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<int16_t>(0), (std::vector<int16_t>{-7, -7, -7, -7}));
  }
}

// ---- TRANSPOSE / SLICE / STRIDED_SLICE / REVERSE_V2 ----

TEST(DataMovementOpsTest, TransposeKeepsInnerRunsAndRefusesBadPerm) {
  for (const bool bad : {false, true}) {
    ModelBuilder b;
    const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2, 3, 2});
    const int32_t perm = b.constant<int32_t>(fb::TensorType::INT32, {3}, {1, 0, bad ? 1 : 2});
    const int32_t out = b.tensor(fb::TensorType::FLOAT32, {3, 2, 2});
    b.op(b.opcode(fb::BuiltinOperator::TRANSPOSE), {in, perm}, {out});
    b.io({in}, {out});
    OneOpRun run(b);
    if (bad) {
      ASSERT_FALSE(run.status.is_ok());
      EXPECT_TRUE(mentions(run.status, "not a permutation")) << run.status.message();
      continue;
    }
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set(0, iota(12));
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<float>(0), (std::vector<float>{0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11}));
  }
}

// TFLite Micro's data-movement ops copy bytes whatever the quantization
// says: a per-channel tensor, or an output with other parameters.
TEST(DataMovementOpsTest, QuantizedCopiesKeepTheBytes) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, {2, 3});
  auto& q = b.graph().tensors[static_cast<std::size_t>(in)]->quantization;
  q = std::make_unique<fb::QuantizationParametersT>();
  q->scale = {0.5f, 0.25f, 0.125f};
  q->zero_point = {0, 0, 0};
  q->quantized_dimension = 1;
  const int32_t perm = b.constant<int32_t>(fb::TensorType::INT32, {2}, {1, 0});
  const int32_t out = b.tensor(fb::TensorType::INT8, {3, 2}, 0.3f, 4);
  b.op(b.opcode(fb::BuiltinOperator::TRANSPOSE), {in, perm}, {out});
  b.io({in}, {out});
  OneOpRun transpose(b);
  ASSERT_TRUE(transpose.status.is_ok()) << transpose.status.message();
  transpose.set<int8_t>(0, {1, 2, 3, -4, -5, -6});
  ASSERT_TRUE(transpose.interpreter.invoke().is_ok());
  EXPECT_EQ(transpose.get<int8_t>(0), (std::vector<int8_t>{1, -4, 2, -5, 3, -6}));

  ModelBuilder s;
  const int32_t sin = s.tensor(fb::TensorType::INT16, {4}, 0.5f, 0);
  const int32_t begin = s.constant<int32_t>(fb::TensorType::INT32, {1}, {1});
  const int32_t size = s.constant<int32_t>(fb::TensorType::INT32, {1}, {2});
  const int32_t sout = s.tensor(fb::TensorType::INT16, {2}, 0.125f, 0);
  s.op(s.opcode(fb::BuiltinOperator::SLICE), {sin, begin, size}, {sout});
  s.io({sin}, {sout});
  OneOpRun slice(s);
  ASSERT_TRUE(slice.status.is_ok()) << slice.status.message();
  slice.set<int16_t>(0, {10, -20, 300, 4});
  ASSERT_TRUE(slice.interpreter.invoke().is_ok());
  EXPECT_EQ(slice.get<int16_t>(0), (std::vector<int16_t>{-20, 300}));
}

// bool and int64 tensors (TFLite Micro's types for these ops beyond the
// numeric four): bool bytes are copied as they are.
TEST(DataMovementOpsTest, BoolAndInt64Copies) {
  {
    ModelBuilder b;  // SLICE bool [4] -> [2] from 1
    const int32_t in = b.tensor(fb::TensorType::BOOL, {4});
    const int32_t begin = b.constant<int32_t>(fb::TensorType::INT32, {1}, {1});
    const int32_t size = b.constant<int32_t>(fb::TensorType::INT32, {1}, {2});
    const int32_t out = b.tensor(fb::TensorType::BOOL, {2});
    b.op(b.opcode(fb::BuiltinOperator::SLICE), {in, begin, size}, {out});
    b.io({in}, {out});
    OneOpRun run(b);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<uint8_t>(0, {0, 1, 0, 1});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<uint8_t>(0), (std::vector<uint8_t>{1, 0}));
  }
  {
    ModelBuilder b;  // CONCATENATION int64 [2] + [1] -> [3]
    const int32_t a = b.tensor(fb::TensorType::INT64, {2});
    const int32_t c = b.tensor(fb::TensorType::INT64, {1});
    const int32_t out = b.tensor(fb::TensorType::INT64, {3});
    fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::CONCATENATION), {a, c}, {out});
    fb::ConcatenationOptionsT options;
    options.axis = 0;
    op.builtin_options.Set(options);
    b.io({a, c}, {out});
    OneOpRun run(b);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<int64_t>(0, {int64_t{1} << 40, -2});
    run.set<int64_t>(1, {7});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<int64_t>(0), (std::vector<int64_t>{int64_t{1} << 40, -2, 7}));
  }
  {
    ModelBuilder b;  // PACK int64 2 x [2] -> [2, 2] on axis 1
    const int32_t a = b.tensor(fb::TensorType::INT64, {2});
    const int32_t c = b.tensor(fb::TensorType::INT64, {2});
    const int32_t out = b.tensor(fb::TensorType::INT64, {2, 2});
    fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::PACK), {a, c}, {out});
    fb::PackOptionsT options;
    options.axis = 1;
    options.values_count = 2;
    op.builtin_options.Set(options);
    b.io({a, c}, {out});
    OneOpRun run(b);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<int64_t>(0, {1, 2});
    run.set<int64_t>(1, {-3, int64_t{5} << 33});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<int64_t>(0), (std::vector<int64_t>{1, -3, 2, int64_t{5} << 33}));
  }
  {
    ModelBuilder b;  // REVERSE_V2 bool [3] on axis 0
    const int32_t in = b.tensor(fb::TensorType::BOOL, {3});
    const int32_t axis = b.constant<int32_t>(fb::TensorType::INT32, {1}, {0});
    const int32_t out = b.tensor(fb::TensorType::BOOL, {3});
    b.op(b.opcode(fb::BuiltinOperator::REVERSE_V2), {in, axis}, {out});
    b.io({in}, {out});
    OneOpRun run(b);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<uint8_t>(0, {1, 1, 0});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<uint8_t>(0), (std::vector<uint8_t>{0, 1, 1}));
  }
  {
    ModelBuilder b;  // SQUEEZE int64 [1, 2] -> [2], STRIDED_SLICE int64 [2] -> [1]
    const int32_t in = b.tensor(fb::TensorType::INT64, {1, 2});
    const int32_t mid = b.tensor(fb::TensorType::INT64, {2});
    b.op(b.opcode(fb::BuiltinOperator::SQUEEZE), {in}, {mid});
    const int32_t tb = b.constant<int32_t>(fb::TensorType::INT32, {1}, {1});
    const int32_t te = b.constant<int32_t>(fb::TensorType::INT32, {1}, {2});
    const int32_t ts = b.constant<int32_t>(fb::TensorType::INT32, {1}, {1});
    const int32_t out = b.tensor(fb::TensorType::INT64, {1});
    b.op(b.opcode(fb::BuiltinOperator::STRIDED_SLICE), {mid, tb, te, ts}, {out});
    b.io({in}, {out});
    OneOpRun run(b);
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<int64_t>(0, {-1, -(int64_t{9} << 40)});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<int64_t>(0), (std::vector<int64_t>{-(int64_t{9} << 40)}));
  }
}

TEST(DataMovementOpsTest, SliceSizeMinusOne) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT32, {3, 4});
  const int32_t begin = b.constant<int64_t>(fb::TensorType::INT64, {2}, {1, 1});
  const int32_t size = b.constant<int64_t>(fb::TensorType::INT64, {2}, {-1, 2});
  const int32_t out = b.tensor(fb::TensorType::INT32, {2, 2});
  b.op(b.opcode(fb::BuiltinOperator::SLICE), {in, begin, size}, {out});
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<int32_t>(0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int32_t>(0), (std::vector<int32_t>{5, 6, 9, 10}));
}

ModelBuilder strided_model(std::vector<int32_t> begin, std::vector<int32_t> end, std::vector<int32_t> strides,
                           std::vector<int32_t> out_shape, int32_t begin_mask, int32_t end_mask, int32_t shrink,
                           int32_t ellipsis = 0) {
  ModelBuilder b;
  const auto n = static_cast<int32_t>(begin.size());
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {3, 4});
  const int32_t tb = b.constant<int32_t>(fb::TensorType::INT32, {n}, begin);
  const int32_t te = b.constant<int32_t>(fb::TensorType::INT32, {n}, end);
  const int32_t ts = b.constant<int32_t>(fb::TensorType::INT32, {n}, strides);
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, std::move(out_shape));
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::STRIDED_SLICE), {in, tb, te, ts}, {out});
  fb::StridedSliceOptionsT options;
  options.begin_mask = begin_mask;
  options.end_mask = end_mask;
  options.shrink_axis_mask = shrink;
  options.ellipsis_mask = ellipsis;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

TEST(DataMovementOpsTest, StridedSliceNegativeStrideMasksAndShrink) {
  // x[-1, ::-2] of a 3x4 input: the last row read backwards every other element.
  OneOpRun run(strided_model({-1, 0}, {0, 0}, {1, -2}, {2}, 2, 2, 1));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, iota(12));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<float>(0), (std::vector<float>{11, 9}));
}

TEST(DataMovementOpsTest, StridedSliceShortIndicesAndClamping) {
  // Only axis 0 given (axis 1 whole); end 100 clamps to the axis size.
  OneOpRun run(strided_model({1}, {100}, {1}, {2, 4}, 0, 0, 0));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set(0, iota(12));
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<float>(0), iota(8, 4));
}

TEST(DataMovementOpsTest, StridedSliceEllipsisRefused) {
  OneOpRun run(strided_model({0, 0}, {1, 1}, {1, 1}, {1, 1}, 0, 0, 0, 1));
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "STRIDED_SLICE")) << run.status.message();
  EXPECT_TRUE(mentions(run.status, "ellipsis_mask")) << run.status.message();
}

TEST(DataMovementOpsTest, ReverseNegativeAxesAndDuplicateRefused) {
  for (const bool duplicate : {false, true}) {
    ModelBuilder b;
    const int32_t in = b.tensor(fb::TensorType::INT16, {2, 3}, 1.0f, 0);
    const int32_t axis = duplicate ? b.constant<int32_t>(fb::TensorType::INT32, {2}, {1, -1})
                                   : b.constant<int32_t>(fb::TensorType::INT32, {2}, {-1, 0});
    const int32_t out = b.tensor(fb::TensorType::INT16, {2, 3}, 1.0f, 0);
    b.op(b.opcode(fb::BuiltinOperator::REVERSE_V2), {in, axis}, {out});
    b.io({in}, {out});
    OneOpRun run(b);
    if (duplicate) {
      ASSERT_FALSE(run.status.is_ok());
      EXPECT_TRUE(mentions(run.status, "twice")) << run.status.message();
      continue;
    }
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<int16_t>(0, {1, 2, 3, 4, 5, 6});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<int16_t>(0), (std::vector<int16_t>{6, 5, 4, 3, 2, 1}));
  }
}

TEST(DataMovementOpsTest, TransposeInt64Refused) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT64, {2, 3});
  const int32_t perm = b.constant<int32_t>(fb::TensorType::INT32, {2}, {1, 0});
  const int32_t out = b.tensor(fb::TensorType::INT64, {3, 2});
  b.op(b.opcode(fb::BuiltinOperator::TRANSPOSE), {in, perm}, {out});
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "TRANSPOSE")) << run.status.message();
  EXPECT_TRUE(mentions(run.status, "int64")) << run.status.message();
}

// ---- PAD / PADV2 / MIRROR_PAD ----

TEST(DataMovementOpsTest, PadInt8UsesZeroPoint) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, {1, 2}, 0.5f, -3);
  const int32_t pads = b.constant<int32_t>(fb::TensorType::INT32, {2, 2}, {1, 0, 0, 1});
  const int32_t out = b.tensor(fb::TensorType::INT8, {2, 3}, 0.5f, -3);
  b.op(b.opcode(fb::BuiltinOperator::PAD), {in, pads}, {out});
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  run.set<int8_t>(0, {10, 20});
  ASSERT_TRUE(run.interpreter.invoke().is_ok());
  EXPECT_EQ(run.get<int8_t>(0), (std::vector<int8_t>{-3, -3, -3, 10, 20, -3}));
}

TEST(DataMovementOpsTest, Padv2RuntimeValueAndNegativePaddingRefused) {
  for (const bool negative : {false, true}) {
    ModelBuilder b;
    const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2});
    const int32_t pads = b.constant<int64_t>(fb::TensorType::INT64, {1, 2}, {negative ? -1 : 1, 2});
    const int32_t value = b.tensor(fb::TensorType::FLOAT32, {});
    const int32_t out = b.tensor(fb::TensorType::FLOAT32, {negative ? 3 : 5});
    b.op(b.opcode(fb::BuiltinOperator::PADV2), {in, pads, value}, {out});
    b.io({in, value}, {out});
    OneOpRun run(b);
    if (negative) {
      ASSERT_FALSE(run.status.is_ok());
      EXPECT_TRUE(mentions(run.status, "must be >= 0")) << run.status.message();
      continue;
    }
    ASSERT_TRUE(run.status.is_ok()) << run.status.message();
    run.set<float>(0, {1, 2});
    run.set<float>(1, {-9.5f});
    ASSERT_TRUE(run.interpreter.invoke().is_ok());
    EXPECT_EQ(run.get<float>(0), (std::vector<float>{-9.5f, 1, 2, -9.5f, -9.5f}));
  }
}

ModelBuilder mirror_model(fb::MirrorPadMode mode, int32_t before, int32_t after) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {3, 2});
  const int32_t pads = b.constant<int32_t>(fb::TensorType::INT32, {2, 2}, {before, after, 0, 0});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {3 + before + after, 2});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::MIRROR_PAD), {in, pads}, {out});
  fb::MirrorPadOptionsT options;
  options.mode = mode;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

TEST(DataMovementOpsTest, MirrorPadModesOverWholeRows) {
  OneOpRun reflect(mirror_model(fb::MirrorPadMode::REFLECT, 2, 1));
  ASSERT_TRUE(reflect.status.is_ok()) << reflect.status.message();
  reflect.set(0, iota(6));
  ASSERT_TRUE(reflect.interpreter.invoke().is_ok());
  EXPECT_EQ(reflect.get<float>(0), (std::vector<float>{4, 5, 2, 3, 0, 1, 2, 3, 4, 5, 2, 3}));
  OneOpRun symmetric(mirror_model(fb::MirrorPadMode::SYMMETRIC, 3, 1));
  ASSERT_TRUE(symmetric.status.is_ok()) << symmetric.status.message();
  symmetric.set(0, iota(6));
  ASSERT_TRUE(symmetric.interpreter.invoke().is_ok());
  EXPECT_EQ(symmetric.get<float>(0), (std::vector<float>{4, 5, 2, 3, 0, 1, 0, 1, 2, 3, 4, 5, 4, 5}));
  OneOpRun too_far(mirror_model(fb::MirrorPadMode::REFLECT, 3, 0));
  ASSERT_FALSE(too_far.status.is_ok());
  EXPECT_TRUE(mentions(too_far.status, "REFLECT")) << too_far.status.message();
}

// ---- the shared kernels directly ----

TEST(DataMovementOpsTest, StridedCopyMergesContiguousDims) {
  kernels::StridedCopy c;
  c.rank = 3;
  c.dims[0] = 2;
  c.dims[1] = 1;
  c.dims[2] = 3;
  c.strides[0] = 3;
  c.strides[1] = 100;  // a size-1 dimension's stride never matters
  c.strides[2] = 1;
  move_simplify(&c);
  EXPECT_EQ(c.rank, 1);
  EXPECT_EQ(c.dims[0], 6);
  std::vector<int8_t> in = {1, 2, 3, 4, 5, 6}, out(6);
  kernels::move::strided_copy<int8_t>(c, in.data(), out.data());
  EXPECT_EQ(out, in);
}

TEST(DataMovementOpsTest, PadGeometryMergesUnpaddedInnerDims) {
  kernels::PadGeometry p;
  p.rank = 3;
  const int32_t dims[3] = {2, 3, 4};
  for (int d = 0; d < 3; ++d) p.in_dims[d] = dims[d];
  p.before[0] = 1;
  move_simplify_pad(&p);
  EXPECT_EQ(p.rank, 1);
  EXPECT_EQ(p.in_dims[0], 24);
  EXPECT_EQ(p.before[0], 12);
}

}  // namespace
}  // namespace tinyinfer
