// Indexing and spatial ops (GATHER, GATHER_ND, EMBEDDING_LOOKUP,
// DYNAMIC_UPDATE_SLICE, BROADCAST_TO, BROADCAST_ARGS, DEPTH_TO_SPACE,
// SPACE_TO_DEPTH, BATCH_TO_SPACE_ND, SPACE_TO_BATCH_ND, RESIZE_*): what the
// conformance folders do not reach (batch_dims, int64 indices, runtime
// indices out of range, clamping, rank-3 batch/space, other types, resize
// options) and the refusal messages.
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ops/common/index_kernels.h"
#include "ops/common/space_kernels.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

using testing::ModelBuilder;
namespace fb = ::tinyinfer::tflite;
using Bytes = std::vector<uint8_t>;

template <typename T>
Bytes bytes_of(const std::vector<T>& values) {
  Bytes b(values.size() * sizeof(T));
  if (!b.empty()) std::memcpy(b.data(), values.data(), b.size());
  return b;
}

template <typename T>
std::vector<T> values_of(const Bytes& b) {
  std::vector<T> v(b.size() / sizeof(T));
  if (!b.empty()) std::memcpy(v.data(), b.data(), b.size());
  return v;
}

// One model, loaded and prepared; run() feeds the subgraph inputs in order
// and returns output 0's bytes; with want_error, invoke must fail saying so.
class Session {
 public:
  explicit Session(const ModelBuilder& builder) : bytes_(builder.finish()), arena_(new Arena) {
    status_ = Model::load(bytes_.data(), bytes_.size(), &model_);
    if (status_.is_ok())
      status_ = interpreter_.init(model_, KernelChoice::kReference, arena_->bytes, sizeof(arena_->bytes));
  }
  const Status& status() const { return status_; }
  Bytes run(std::initializer_list<Bytes> inputs, const char* want_error = nullptr) {
    int32_t i = 0;
    for (const Bytes& in : inputs) {
      Tensor* t = interpreter_.input(i++);
      EXPECT_EQ(t->bytes, in.size());
      std::memcpy(t->data, in.data(), in.size() < t->bytes ? in.size() : t->bytes);
    }
    const Status invoked = interpreter_.invoke();
    if (want_error == nullptr) {
      EXPECT_TRUE(invoked.is_ok()) << invoked.message();
    } else {
      EXPECT_FALSE(invoked.is_ok());
      EXPECT_NE(std::string(invoked.message()).find(want_error), std::string::npos) << invoked.message();
    }
    const Tensor* out = interpreter_.output(0);
    const auto* p = static_cast<const uint8_t*>(out->data);
    return Bytes(p, p + out->bytes);
  }

 private:
  struct Arena {
    alignas(16) uint8_t bytes[16384];
  };
  testing::AlignedBytes bytes_;
  std::unique_ptr<Arena> arena_;
  Model model_;
  Interpreter interpreter_;
  Status status_;
};

::testing::AssertionResult refused_with(const Session& s, const char* text) {
  if (s.status().is_ok()) return ::testing::AssertionFailure() << "prepared, expected a refusal with: " << text;
  if (std::string(s.status().message()).find(text) == std::string::npos)
    return ::testing::AssertionFailure() << "message: " << s.status().message();
  return ::testing::AssertionSuccess();
}

// ---- GATHER ----

ModelBuilder gather_model(fb::TensorType positions_type, std::vector<int32_t> positions_shape, int32_t axis,
                          int32_t batch_dims, std::vector<int32_t> out_shape) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2, 3, 2});
  const int32_t pos = b.tensor(positions_type, std::move(positions_shape));
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, std::move(out_shape));
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::GATHER), {in, pos}, {out});
  fb::GatherOptionsT options;
  options.axis = axis;
  options.batch_dims = batch_dims;
  op.builtin_options.Set(options);
  b.io({in, pos}, {out});
  return b;
}

const std::vector<float> kCube = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};  // [2, 3, 2]

TEST(IndexingOpsTest, GatherBatchDimsWithInt64Positions) {
  // batch_dims -1 = 1 (positions of rank 2): batch b picks rows of input[b].
  Session s(gather_model(fb::TensorType::INT64, {2, 2}, -2, -1, {2, 2, 2}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  const Bytes out = s.run({bytes_of(kCube), bytes_of<int64_t>({2, 0, 1, 1})});
  EXPECT_EQ(values_of<float>(out), (std::vector<float>{4, 5, 0, 1, 12, 13, 12, 13}));
}

TEST(IndexingOpsTest, GatherLastAxisInt32) {
  Session s(gather_model(fb::TensorType::INT32, {3}, -1, 0, {2, 3, 3}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  const Bytes out = s.run({bytes_of(kCube), bytes_of<int32_t>({1, 1, 0})});
  EXPECT_EQ(values_of<float>(out), (std::vector<float>{1, 1, 0, 3, 3, 2, 5, 5, 4, 11, 11, 10, 13, 13, 12, 15, 15, 14}));
}

TEST(IndexingOpsTest, GatherOutOfRangePositionsReadNothing) {
  Session s(gather_model(fb::TensorType::INT32, {2}, 1, 0, {2, 2, 2}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  const char* why = "op 0 (GATHER): a position is outside the gathered dimension";
  EXPECT_EQ(values_of<float>(s.run({bytes_of(kCube), bytes_of<int32_t>({0, 3})}, why)), std::vector<float>(8, 0.0f));
  EXPECT_EQ(values_of<float>(s.run({bytes_of(kCube), bytes_of<int32_t>({-1, 0})}, why)), std::vector<float>(8, 0.0f));
  EXPECT_EQ(values_of<float>(s.run({bytes_of(kCube), bytes_of<int32_t>({2, 0})})),
            (std::vector<float>{4, 5, 0, 1, 14, 15, 10, 11}));
}

TEST(IndexingOpsTest, GatherRefusesInt16Positions) {
  Session s(gather_model(fb::TensorType::INT16, {2}, 0, 0, {2, 3, 2}));
  EXPECT_TRUE(refused_with(s, "GATHER"));
  EXPECT_TRUE(refused_with(s, "positions of type int16 not supported (int32, int64)"));
}

TEST(IndexingOpsTest, GatherRefusesBadAxisAndBatchDims) {
  EXPECT_TRUE(refused_with(Session(gather_model(fb::TensorType::INT32, {2}, 3, 0, {2, 3, 2})), "axis 3 out of range"));
  EXPECT_TRUE(refused_with(Session(gather_model(fb::TensorType::INT32, {2, 2}, 0, 1, {2, 2, 2})), "batch_dims 1"));
  EXPECT_TRUE(refused_with(Session(gather_model(fb::TensorType::INT32, {2}, 0, 0, {2, 2})), "output has shape"));
}

// ---- GATHER_ND ----

ModelBuilder gather_nd_model(fb::TensorType type, fb::TensorType index_type, std::vector<int32_t> index_shape,
                             std::vector<int32_t> out_shape) {
  ModelBuilder b;
  const int32_t params = b.tensor(type, {2, 3, 2});
  const int32_t idx = b.tensor(index_type, std::move(index_shape));
  const int32_t out = b.tensor(type, std::move(out_shape));
  b.op(b.opcode(fb::BuiltinOperator::GATHER_ND), {params, idx}, {out});
  b.io({params, idx}, {out});
  return b;
}

TEST(IndexingOpsTest, GatherNdInt64IndicesInt16Rows) {
  Session s(gather_nd_model(fb::TensorType::INT16, fb::TensorType::INT64, {3, 2}, {3, 2}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  const std::vector<int16_t> params = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};
  const Bytes out = s.run({bytes_of(params), bytes_of<int64_t>({1, 2, 0, 0, 1, 0})});
  EXPECT_EQ(values_of<int16_t>(out), (std::vector<int16_t>{14, 15, 0, 1, 10, 11}));
}

TEST(IndexingOpsTest, GatherNdChecksEachDimensionNotTheFlatOffset) {
  // [0, 3] lies inside the flat input (it would be element [1, 0]) but
  // outside dimension 1 of size 3: refused at eval.
  Session s(gather_nd_model(fb::TensorType::FLOAT32, fb::TensorType::INT32, {1, 2}, {1, 2}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<float>(s.run({bytes_of(kCube), bytes_of<int32_t>({0, 3})}, "an index is outside its dimension")),
            std::vector<float>(2, 0.0f));
  EXPECT_EQ(values_of<float>(s.run({bytes_of(kCube), bytes_of<int32_t>({1, 1})})), (std::vector<float>{12, 13}));
}

TEST(IndexingOpsTest, GatherNdRefusesTuplesLongerThanRank) {
  Session s(gather_nd_model(fb::TensorType::FLOAT32, fb::TensorType::INT32, {1, 4}, {1}));
  EXPECT_TRUE(refused_with(s, "index tuples of 4 entries for params of rank 3"));
}

// ---- EMBEDDING_LOOKUP ----

ModelBuilder embedding_model(fb::TensorType table_type, fb::TensorType out_type, std::vector<float> scales) {
  ModelBuilder b;
  const int32_t ids = b.tensor(fb::TensorType::INT32, {3});
  const std::vector<int8_t> table = {1, 2, -3, 4, 5, -6};  // [3, 2]
  const int32_t t = b.constant<int8_t>(table_type, {3, 2}, table, std::move(scales));
  const int32_t out = b.tensor(out_type, {3, 2});
  b.op(b.opcode(fb::BuiltinOperator::EMBEDDING_LOOKUP), {ids, t}, {out});
  b.io({ids}, {out});
  return b;
}

TEST(IndexingOpsTest, EmbeddingLookupHybridPerRowScales) {
  Session s(embedding_model(fb::TensorType::INT8, fb::TensorType::FLOAT32, {0.5f, 2.0f, 0.25f}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<float>(s.run({bytes_of<int32_t>({2, 0, 1})})),
            (std::vector<float>{1.25f, -1.5f, 0.5f, 1, -6, 8}));
}

TEST(IndexingOpsTest, EmbeddingLookupInt8RowsAndOutOfRangeIds) {
  Session s(embedding_model(fb::TensorType::INT8, fb::TensorType::INT8, {0.5f}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int32_t>({1, 1, 0})})), (std::vector<int8_t>{-3, 4, -3, 4, 1, 2}));
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int32_t>({1, 3, 0})}, "an id is outside the table")),
            std::vector<int8_t>(6, 0));
}

// ---- DYNAMIC_UPDATE_SLICE ----

TEST(IndexingOpsTest, DynamicUpdateSliceClampsRuntimeStarts) {
  ModelBuilder b;
  const int32_t operand = b.tensor(fb::TensorType::INT32, {3, 4});
  const int32_t update = b.tensor(fb::TensorType::INT32, {2, 2});
  const int32_t start = b.tensor(fb::TensorType::INT64, {2});
  const int32_t out = b.tensor(fb::TensorType::INT32, {3, 4});
  b.op(b.opcode(fb::BuiltinOperator::DYNAMIC_UPDATE_SLICE), {operand, update, start}, {out});
  b.io({operand, update, start}, {out});
  Session s(b);
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  const Bytes zeros = bytes_of(std::vector<int32_t>(12, 0));
  const Bytes upd = bytes_of<int32_t>({1, 2, 3, 4});
  // Start (5, -7) is clamped to (1, 0).
  EXPECT_EQ(values_of<int32_t>(s.run({zeros, upd, bytes_of<int64_t>({5, -7})})),
            (std::vector<int32_t>{0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0}));
  EXPECT_EQ(values_of<int32_t>(s.run({zeros, upd, bytes_of<int64_t>({0, 2})})),
            (std::vector<int32_t>{0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0}));
}

TEST(IndexingOpsTest, DynamicUpdateSliceRefusesLargerUpdate) {
  ModelBuilder b;
  const int32_t operand = b.tensor(fb::TensorType::FLOAT32, {2, 2});
  const int32_t update = b.tensor(fb::TensorType::FLOAT32, {3, 1});
  const int32_t start = b.constant<int32_t>(fb::TensorType::INT32, {2}, {0, 0});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {2, 2});
  b.op(b.opcode(fb::BuiltinOperator::DYNAMIC_UPDATE_SLICE), {operand, update, start}, {out});
  b.io({operand, update}, {out});
  EXPECT_TRUE(refused_with(Session(b), "update dimension 0 is 3, larger than the operand's 2"));
}

// ---- BROADCAST_TO / BROADCAST_ARGS ----

ModelBuilder broadcast_to_model(fb::TensorType type, std::vector<int32_t> in_shape, const std::vector<int64_t>& shape) {
  ModelBuilder b;
  const int32_t in = b.tensor(type, std::move(in_shape));
  const int32_t s = b.constant<int64_t>(fb::TensorType::INT64, {static_cast<int32_t>(shape.size())}, shape);
  const int32_t out = b.tensor(type, std::vector<int32_t>(shape.begin(), shape.end()));
  b.op(b.opcode(fb::BuiltinOperator::BROADCAST_TO, 2), {in, s}, {out});
  b.io({in}, {out});
  return b;
}

TEST(IndexingOpsTest, BroadcastToInnerAndOuterDimensionsInt64) {
  Session s(broadcast_to_model(fb::TensorType::INT64, {2, 1}, {2, 2, 3}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int64_t>(s.run({bytes_of<int64_t>({7, -8})})),
            (std::vector<int64_t>{7, 7, 7, -8, -8, -8, 7, 7, 7, -8, -8, -8}));
}

TEST(IndexingOpsTest, BroadcastToRefusesIncompatibleShape) {
  EXPECT_TRUE(refused_with(Session(broadcast_to_model(fb::TensorType::FLOAT32, {3}, {2, 4})),
                           "input dimension 0 (3) cannot broadcast to 4"));
}

ModelBuilder broadcast_args_model(fb::TensorType type, int32_t a, int32_t b_len) {
  ModelBuilder b;
  const int32_t s1 = b.tensor(type, {a});
  const int32_t s2 = b.tensor(type, {b_len});
  const int32_t out = b.tensor(type, {a > b_len ? a : b_len});
  b.op(b.opcode(fb::BuiltinOperator::BROADCAST_ARGS), {s1, s2}, {out});
  b.io({s1, s2}, {out});
  return b;
}

TEST(IndexingOpsTest, BroadcastArgsInt32) {
  Session s(broadcast_args_model(fb::TensorType::INT32, 3, 2));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int32_t>(s.run({bytes_of<int32_t>({4, 1, 5}), bytes_of<int32_t>({3, 1})})),
            (std::vector<int32_t>{4, 3, 5}));
  // 5 against 2: no broadcast; invoke fails, the output is cleared.
  EXPECT_EQ(values_of<int32_t>(s.run({bytes_of<int32_t>({4, 1, 5}), bytes_of<int32_t>({3, 2})}, "do not broadcast")),
            (std::vector<int32_t>{0, 0, 0}));
}

TEST(IndexingOpsTest, BroadcastArgsInt64ShorterFirst) {
  Session s(broadcast_args_model(fb::TensorType::INT64, 1, 3));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int64_t>(s.run({bytes_of<int64_t>({6}), bytes_of<int64_t>({2, 3, 1})})),
            (std::vector<int64_t>{2, 3, 6}));
}

TEST(IndexingOpsTest, BroadcastArgsRefusesWrongOutputLength) {
  ModelBuilder b;
  const int32_t s1 = b.tensor(fb::TensorType::INT32, {2});
  const int32_t s2 = b.tensor(fb::TensorType::INT32, {2});
  const int32_t out = b.tensor(fb::TensorType::INT32, {3});
  b.op(b.opcode(fb::BuiltinOperator::BROADCAST_ARGS), {s1, s2}, {out});
  b.io({s1, s2}, {out});
  EXPECT_TRUE(refused_with(Session(b), "output has 3 entries, the broadcast shape 2"));
}

// ---- DEPTH_TO_SPACE / SPACE_TO_DEPTH ----

template <typename Options>
ModelBuilder block_model(fb::BuiltinOperator code, fb::TensorType type, std::vector<int32_t> in_shape,
                         std::vector<int32_t> out_shape, int32_t block) {
  ModelBuilder b;
  const int32_t in = b.tensor(type, std::move(in_shape));
  const int32_t out = b.tensor(type, std::move(out_shape));
  fb::OperatorT& op = b.op(b.opcode(code), {in}, {out});
  Options options;
  options.block_size = block;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

TEST(IndexingOpsTest, DepthToSpaceInt16) {
  // One pixel of 8 channels, block 2: a 2x2 tile of 2 channels each.
  Session s(block_model<fb::DepthToSpaceOptionsT>(fb::BuiltinOperator::DEPTH_TO_SPACE, fb::TensorType::INT16,
                                                  {1, 1, 2, 8}, {1, 2, 4, 2}, 2));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  std::vector<int16_t> in(16);
  for (int i = 0; i < 16; ++i) in[static_cast<std::size_t>(i)] = static_cast<int16_t>(i);
  // Row 0: pixel 0 channels 0-1, 2-3, then pixel 1 channels 0-1, 2-3; row 1: channels 4-7.
  EXPECT_EQ(values_of<int16_t>(s.run({bytes_of(in)})),
            (std::vector<int16_t>{0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 12, 13, 14, 15}));
}

TEST(IndexingOpsTest, SpaceToDepthUndoesDepthToSpace) {
  Session s(block_model<fb::SpaceToDepthOptionsT>(fb::BuiltinOperator::SPACE_TO_DEPTH, fb::TensorType::INT16,
                                                  {1, 2, 4, 2}, {1, 1, 2, 8}, 2));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  const Bytes out = s.run({bytes_of<int16_t>({0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 12, 13, 14, 15})});
  std::vector<int16_t> want(16);
  for (int i = 0; i < 16; ++i) want[static_cast<std::size_t>(i)] = static_cast<int16_t>(i);
  EXPECT_EQ(values_of<int16_t>(out), want);
}

TEST(IndexingOpsTest, DepthToSpaceRefusesDepthNotMultipleOfBlockSquared) {
  Session s(block_model<fb::DepthToSpaceOptionsT>(fb::BuiltinOperator::DEPTH_TO_SPACE, fb::TensorType::FLOAT32,
                                                  {1, 1, 1, 6}, {1, 2, 2, 1}, 2));
  EXPECT_TRUE(refused_with(s, "depth 6 is not a multiple of block_size^2 (4)"));
}

// ---- SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND ----

ModelBuilder batch_model(fb::BuiltinOperator code, std::vector<int32_t> in_shape, std::vector<int32_t> out_shape,
                         const std::vector<int32_t>& block, const std::vector<int32_t>& amounts, bool constant = true) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, std::move(in_shape), 0.5f, 3);
  const auto n = static_cast<int32_t>(block.size());
  const int32_t bs =
      constant ? b.constant<int32_t>(fb::TensorType::INT32, {n}, block) : b.tensor(fb::TensorType::INT32, {n});
  const int32_t am = b.constant<int32_t>(fb::TensorType::INT32, {n, 2}, amounts);
  const int32_t out = b.tensor(fb::TensorType::INT8, std::move(out_shape), 0.5f, 3);
  b.op(b.opcode(code), {in, bs, am}, {out});
  if (constant)
    b.io({in}, {out});
  else
    b.io({in, bs}, {out});
  return b;
}

TEST(IndexingOpsTest, SpaceToBatchRank3PadsWithZeroBytes) {
  // [1, 3, 1] padded to 4 rows (1 before), block 2: batch 0 takes even rows.
  Session s(batch_model(fb::BuiltinOperator::SPACE_TO_BATCH_ND, {1, 3, 1}, {2, 2, 1}, {2}, {1, 0}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int8_t>({5, 6, 7})})), (std::vector<int8_t>{0, 6, 5, 7}));
}

TEST(IndexingOpsTest, BatchToSpaceRank3Crops) {
  Session s(batch_model(fb::BuiltinOperator::BATCH_TO_SPACE_ND, {2, 2, 1}, {1, 3, 1}, {2}, {1, 0}));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int8_t>({0, 6, 5, 7})})), (std::vector<int8_t>{5, 6, 7}));
}

TEST(IndexingOpsTest, BatchToSpaceRefusesRuntimeBlockShape) {
  Session s(batch_model(fb::BuiltinOperator::BATCH_TO_SPACE_ND, {2, 2, 1}, {1, 3, 1}, {2}, {1, 0}, false));
  EXPECT_TRUE(refused_with(s, "block_shape must be a constant tensor"));
}

TEST(IndexingOpsTest, SpaceToBatchRefusesPaddingNotMultipleOfBlock) {
  Session s(batch_model(fb::BuiltinOperator::SPACE_TO_BATCH_ND, {1, 3, 1}, {2, 2, 1}, {2}, {0, 0}));
  EXPECT_TRUE(refused_with(s, "padded height 3 and width 1 must be multiples of the block"));
}

// ---- RESIZE_BILINEAR / RESIZE_NEAREST_NEIGHBOR ----

template <typename Options>
ModelBuilder resize_model(fb::BuiltinOperator code, fb::TensorType type, int32_t in_hw, int32_t out_hw, bool align,
                          bool half) {
  ModelBuilder b;
  const int32_t in = b.tensor(type, {1, in_hw, in_hw, 1}, 1.0f, 0);
  const int32_t size = b.constant<int32_t>(fb::TensorType::INT32, {2}, {out_hw, out_hw});
  const int32_t out = b.tensor(type, {1, out_hw, out_hw, 1}, 1.0f, 0);
  fb::OperatorT& op = b.op(b.opcode(code), {in, size}, {out});
  Options options;
  options.align_corners = align;
  options.half_pixel_centers = half;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

TEST(IndexingOpsTest, ResizeBilinearInt8AlignCornersRoundsHalfAwayFromZero) {
  Session s(resize_model<fb::ResizeBilinearOptionsT>(fb::BuiltinOperator::RESIZE_BILINEAR, fb::TensorType::INT8, 2, 3,
                                                     true, false));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  // Centre: (0 + 100 + 50 + 20) / 4 = 42.5 -> 43; edges are pair means.
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int8_t>({0, 100, 50, 20})})),
            (std::vector<int8_t>{0, 50, 100, 25, 43, 60, 50, 35, 20}));
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int8_t>({0, -100, -50, -20})})),
            (std::vector<int8_t>{0, -50, -100, -25, -43, -60, -50, -35, -20}));
}

TEST(IndexingOpsTest, ResizeBilinearInt16HalfPixelCentersMatchesFloat) {
  // Half-pixel centres, 2 -> 4: weights 1/4 and 3/4 (exact in both maths).
  Session si(resize_model<fb::ResizeBilinearOptionsT>(fb::BuiltinOperator::RESIZE_BILINEAR, fb::TensorType::INT16, 2, 4,
                                                      false, true));
  Session sf(resize_model<fb::ResizeBilinearOptionsT>(fb::BuiltinOperator::RESIZE_BILINEAR, fb::TensorType::FLOAT32, 2,
                                                      4, false, true));
  ASSERT_TRUE(si.status().is_ok()) << si.status().message();
  ASSERT_TRUE(sf.status().is_ok()) << sf.status().message();
  const std::vector<int16_t> got = values_of<int16_t>(si.run({bytes_of<int16_t>({0, 400, 800, 1600})}));
  const std::vector<float> want = values_of<float>(sf.run({bytes_of<float>({0, 400, 800, 1600})}));
  ASSERT_EQ(got.size(), 16u);
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(static_cast<float>(got[i]), want[i]) << i;
  EXPECT_EQ(got[0], 0);
  EXPECT_EQ(got[1], 100);
  EXPECT_EQ(got[15], 1600);
}

TEST(IndexingOpsTest, ResizeBilinearInt8StrongUpscaleStaysInsideInput) {
  // 1 -> 65: TFLite's 1/1024 position of the last column is 1040, past the
  // only input column; the neighbour is clamped (ASan checks the read).
  Session s(resize_model<fb::ResizeBilinearOptionsT>(fb::BuiltinOperator::RESIZE_BILINEAR, fb::TensorType::INT8, 1, 65,
                                                     false, false));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int8_t>({-77})})), std::vector<int8_t>(65 * 65, -77));
}

TEST(IndexingOpsTest, ResizeBilinearRefusesBothOptions) {
  Session s(resize_model<fb::ResizeBilinearOptionsT>(fb::BuiltinOperator::RESIZE_BILINEAR, fb::TensorType::FLOAT32, 2,
                                                     3, true, true));
  EXPECT_TRUE(refused_with(s, "align_corners and half_pixel_centers cannot both be set"));
}

TEST(IndexingOpsTest, ResizeNearestHalfPixelCentersInt16) {
  Session s(resize_model<fb::ResizeNearestNeighborOptionsT>(fb::BuiltinOperator::RESIZE_NEAREST_NEIGHBOR,
                                                            fb::TensorType::INT16, 2, 3, false, true));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  // Sources: (i + 0.5) * 2/3 floored: 0, 1, 1.
  EXPECT_EQ(values_of<int16_t>(s.run({bytes_of<int16_t>({1, 2, 3, 4})})),
            (std::vector<int16_t>{1, 2, 2, 3, 4, 4, 3, 4, 4}));
}

TEST(IndexingOpsTest, ResizeNearestAlignCornersRounds) {
  Session s(resize_model<fb::ResizeNearestNeighborOptionsT>(fb::BuiltinOperator::RESIZE_NEAREST_NEIGHBOR,
                                                            fb::TensorType::INT8, 3, 2, true, false));
  ASSERT_TRUE(s.status().is_ok()) << s.status().message();
  // Sources: i * 2 / 1: 0, 2.
  EXPECT_EQ(values_of<int8_t>(s.run({bytes_of<int8_t>({1, 2, 3, 4, 5, 6, 7, 8, 9})})),
            (std::vector<int8_t>{1, 3, 7, 9}));
}

// ---- Kernels directly: nothing read past the input on bad positions ----

TEST(IndexingOpsTest, KernelsRejectEveryBadIndexBeforeWriting) {
  kernels::GatherGeometry g;
  g.coords = 2;
  g.axis_size = 2;
  const int8_t in[2] = {1, 2};
  int8_t out[2] = {9, 9};
  const int64_t bad[2] = {0, int64_t{1} << 40};
  EXPECT_FALSE(kernels::index::gather(g, in, bad, out));
  EXPECT_EQ(out[0], 9);  // validated before the first copy
  const int64_t good[2] = {1, 0};
  EXPECT_TRUE(kernels::index::gather(g, in, good, out));
  EXPECT_EQ(out[0], 2);
  EXPECT_EQ(out[1], 1);
}

}  // namespace
}  // namespace tinyinfer
