// Loader and interpreter robustness: valid models run; truncated, bit-flipped
// and hostile models are refused with a message naming the culprit.
#include <cmath>
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

Status load_and_init(const AlignedBytes& bytes, std::size_t arena_size = 1 << 20) {
  Model model;
  TI_RETURN_IF_ERROR(Model::load(bytes.data(), bytes.size(), &model));
  AlignedBytes arena(arena_size);
  Interpreter interpreter;
  TI_RETURN_IF_ERROR(interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size()));
  return interpreter.invoke();
}

std::string message_of(const AlignedBytes& bytes) { return load_and_init(bytes).message(); }

TEST(ModelLoader, RunsSmallFloatModel) {
  const AlignedBytes bytes = testing::small_float_model().finish();
  Model model;
  ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
  EXPECT_EQ(model.op_count(), 2);
  AlignedBytes arena(64 << 10);
  Interpreter interpreter;
  ASSERT_TRUE(interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size()).is_ok());
  const float input[4] = {1, 2, 0, 0};
  std::memcpy(interpreter.input(0)->data, input, sizeof(input));
  ASSERT_TRUE(interpreter.invoke().is_ok());
  // hidden = relu([1, 2, 3 - 10]) = [1, 2, 0]; softmax of that.
  const float* out = interpreter.output(0)->data_as<const float>();
  const double sum = std::exp(1.0) + std::exp(2.0) + 1.0;
  EXPECT_NEAR(out[0], std::exp(1.0) / sum, 1e-6);
  EXPECT_NEAR(out[1], std::exp(2.0) / sum, 1e-6);
  EXPECT_NEAR(out[2], 1.0 / sum, 1e-6);
  EXPECT_EQ(interpreter.op_macs(0), 12);
  EXPECT_STREQ(interpreter.op_name(1), "SOFTMAX");
}

TEST(ModelLoader, RejectsEveryTruncation) {
  const AlignedBytes bytes = testing::small_float_model().finish();
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    AlignedBytes cut(size);
    std::memcpy(cut.data(), bytes.data(), size);
    Model model;
    EXPECT_FALSE(Model::load(cut.data(), cut.size(), &model).is_ok()) << "truncated to " << size;
  }
}

TEST(ModelLoader, SurvivesBitFlips) {
  // Every flip of bit 0, 3 or 6 of any byte is either refused by Model::load
  // or Interpreter::init with a message, or yields a model that runs cleanly;
  // ASan and UBSan (the sanitizer CI job) turn any bad read into a failure.
  const AlignedBytes bytes = testing::small_float_model().finish();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; bit += 3) {
      AlignedBytes copy(bytes.size());
      std::memcpy(copy.data(), bytes.data(), bytes.size());
      copy.data()[i] ^= static_cast<uint8_t>(1u << bit);
      const std::string mutant = "byte " + std::to_string(i) + " bit " + std::to_string(bit);
      Model model;
      const Status loaded = Model::load(copy.data(), copy.size(), &model);
      if (!loaded.is_ok()) {
        EXPECT_STRNE(loaded.message(), "") << mutant << ": refused by Model::load without a message";
        continue;
      }
      AlignedBytes arena(1 << 20);
      Interpreter interpreter;
      const Status initialized = interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size());
      if (!initialized.is_ok()) {
        EXPECT_STRNE(initialized.message(), "") << mutant << ": refused by Interpreter::init without a message";
        continue;
      }
      for (int32_t k = 0; k < interpreter.input_count(); ++k)
        std::memset(interpreter.input(k)->data, 0, interpreter.input(k)->bytes);
      const Status ran = interpreter.invoke();
      EXPECT_TRUE(ran.is_ok()) << mutant << ": loaded and initialized, but invoke failed: " << ran.message();
    }
  }
}

TEST(ModelLoader, RejectsWrongIdentifierAndAlignment) {
  AlignedBytes bytes = testing::small_float_model().finish();
  Model model;
  AlignedBytes shifted(bytes.size() + 1);
  std::memcpy(shifted.data() + 1, bytes.data(), bytes.size());
  const Status misaligned = Model::load(shifted.data() + 1, bytes.size(), &model);
  EXPECT_EQ(misaligned.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(misaligned.message()).find("aligned"), std::string::npos);
  bytes.data()[4] = 'X';
  const Status wrong = Model::load(bytes.data(), bytes.size(), &model);
  EXPECT_NE(std::string(wrong.message()).find("TFL3"), std::string::npos);
}

// The firmware's load of a model verified at build time: the same model as
// load() gives, and the cheap checks (alignment, identifier, version) kept.
TEST(ModelLoader, LoadVerifiedAtBuildMatchesLoadAndKeepsTheCheapChecks) {
  AlignedBytes bytes = testing::small_float_model().finish();
  Model full, trusted;
  ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &full).is_ok());
  ASSERT_TRUE(Model::load_verified_at_build(bytes.data(), bytes.size(), &trusted).is_ok());
  EXPECT_EQ(trusted.flatbuffer_root(), full.flatbuffer_root());
  EXPECT_EQ(trusted.tensor_count(), full.tensor_count());
  EXPECT_EQ(trusted.op_count(), full.op_count());
  AlignedBytes shifted(bytes.size() + 1);
  std::memcpy(shifted.data() + 1, bytes.data(), bytes.size());
  EXPECT_EQ(Model::load_verified_at_build(shifted.data() + 1, bytes.size(), &trusted).code(),
            StatusCode::kInvalidArgument);
  EXPECT_FALSE(trusted.is_loaded());
  bytes.data()[4] = 'X';
  EXPECT_NE(std::string(Model::load_verified_at_build(bytes.data(), bytes.size(), &trusted).message()).find("TFL3"),
            std::string::npos);
  ModelBuilder old_schema = testing::small_float_model();
  old_schema.model().version = 2;
  const AlignedBytes old_bytes = old_schema.finish();
  EXPECT_EQ(Model::load_verified_at_build(old_bytes.data(), old_bytes.size(), &trusted).code(),
            StatusCode::kUnsupported);
}

TEST(ModelLoader, RejectsOutOfRangeTensorIndex) {
  ModelBuilder b = testing::small_float_model();
  b.graph().operators[1]->inputs[0] = 99;
  EXPECT_NE(message_of(b.finish()).find("op 1: input 0 refers to tensor 99"), std::string::npos);
}

// TFLite's quantizer adds "intermediate" tensors (quantization parameters of
// an LSTM's inner values) that no op reads or writes: TFLite and TFLM load
// such models, so must we; an intermediate outside the tensor list is refused.
TEST(ModelLoader, AcceptsIntermediateTensorsAndChecksTheirRange) {
  ModelBuilder b = testing::small_float_model();
  const int32_t inner = b.tensor(fb::TensorType::INT16, {1, 3}, 1.0f / 4096, 0);
  b.graph().operators[0]->intermediates = {inner, inner};
  const Status status = load_and_init(b.finish());
  EXPECT_TRUE(status.is_ok()) << status.message();

  b.graph().operators[0]->intermediates = {inner, 77};
  EXPECT_NE(message_of(b.finish()).find("op 0: intermediate 1 refers to tensor 77"), std::string::npos);
}

TEST(ModelLoader, RejectsOutOfRangeBuffer) {
  ModelBuilder b = testing::small_float_model();
  b.graph().tensors[1]->buffer = 1000;
  EXPECT_NE(message_of(b.finish()).find("buffer 1000 out of range"), std::string::npos);
}

TEST(ModelLoader, RejectsBadShapes) {
  ModelBuilder negative = testing::small_float_model();
  negative.graph().tensors[0]->shape = {1, -1};
  EXPECT_NE(message_of(negative.finish()).find("tensor 0"), std::string::npos);

  ModelBuilder huge = testing::small_float_model();
  huge.graph().tensors[0]->shape = {65536, 65536, 65536};
  EXPECT_NE(message_of(huge.finish()).find("larger than"), std::string::npos);

  ModelBuilder rank = testing::small_float_model();
  rank.graph().tensors[0]->shape = {1, 1, 1, 1, 1, 1, 1, 4};
  EXPECT_NE(message_of(rank.finish()).find("rank 8"), std::string::npos);
}

TEST(ModelLoader, RejectsBufferSizeMismatch) {
  ModelBuilder b = testing::small_float_model();
  b.model().buffers[b.graph().tensors[1]->buffer]->data.resize(7);
  EXPECT_NE(message_of(b.finish()).find("holds 7 bytes, shape needs 48"), std::string::npos);
}

TEST(ModelLoader, RejectsCyclesAndDoubleWrites) {
  ModelBuilder cycle = testing::small_float_model();
  // op 0 now reads the softmax output, which only op 1 writes.
  cycle.graph().operators[0]->inputs[0] = cycle.graph().outputs[0];
  EXPECT_NE(message_of(cycle.finish()).find("op 0 reads tensor"), std::string::npos);

  ModelBuilder twice = testing::small_float_model();
  twice.graph().operators[1]->outputs[0] = twice.graph().operators[0]->outputs[0];
  EXPECT_NE(message_of(twice.finish()).find("already written"), std::string::npos);

  ModelBuilder constant_out = testing::small_float_model();
  constant_out.graph().operators[1]->outputs[0] = 1;  // the weights
  EXPECT_NE(message_of(constant_out.finish()).find("writes constant tensor 1"), std::string::npos);
}

TEST(ModelLoader, RejectsBadQuantization) {
  ModelBuilder zero_scale = testing::small_float_model();
  auto q = std::make_unique<fb::QuantizationParametersT>();
  q->scale = {0.0f};
  q->zero_point = {0};
  zero_scale.graph().tensors[0]->quantization = std::move(q);
  EXPECT_NE(message_of(zero_scale.finish()).find("not positive"), std::string::npos);

  ModelBuilder channels = testing::small_float_model();
  auto pc = std::make_unique<fb::QuantizationParametersT>();
  pc->scale = {0.1f, 0.2f};
  pc->zero_point = {0, 0};
  pc->quantized_dimension = 0;
  channels.graph().tensors[1]->quantization = std::move(pc);  // weights have 3 rows
  EXPECT_NE(message_of(channels.finish()).find("2 scales for 3 channels"), std::string::npos);

  ModelBuilder zp = testing::small_float_model();
  zp.graph().tensors[0]->type = fb::TensorType::INT8;
  auto q8 = std::make_unique<fb::QuantizationParametersT>();
  q8->scale = {0.5f};
  q8->zero_point = {300};
  zp.graph().tensors[0]->quantization = std::move(q8);
  EXPECT_NE(message_of(zp.finish()).find("zero point 300"), std::string::npos);
}

// Converters copy the weights' quantized_dimension (3) onto rank-1 per-channel
// biases (TFLM's person_detect); TFLite ignores it there, so must we. A rank-2
// tensor with a dimension out of range is still refused.
TEST(ModelLoader, AcceptsRank1PerChannelTensorWhateverItsQuantizedDimension) {
  ModelBuilder bias = testing::small_float_model();
  auto pc = std::make_unique<fb::QuantizationParametersT>();
  pc->scale = {0.1f, 0.2f, 0.3f};
  pc->zero_point = {0, 0, 0};
  pc->quantized_dimension = 3;
  bias.graph().tensors[2]->quantization = std::move(pc);
  const AlignedBytes bytes = bias.finish();
  Model model;
  ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
  EXPECT_EQ(model.tensor(2).quant.quantized_dimension, 0);
  EXPECT_TRUE(load_and_init(bytes).is_ok());

  ModelBuilder weights = testing::small_float_model();
  auto bad = std::make_unique<fb::QuantizationParametersT>();
  bad->scale = {0.1f, 0.2f, 0.3f};
  bad->zero_point = {0, 0, 0};
  bad->quantized_dimension = 3;
  weights.graph().tensors[1]->quantization = std::move(bad);
  EXPECT_NE(message_of(weights.finish()).find("quantized_dimension 3 outside rank 2"), std::string::npos);
}

// A graph of constants has no inputs and still computes its outputs.
TEST(ModelLoader, AcceptsSubgraphWithoutInputsButNotWithoutOutputs) {
  ModelBuilder constants;
  const int32_t in = constants.constant<float>(fb::TensorType::FLOAT32, {1, 2}, {-1.0f, 2.0f});
  const int32_t out = constants.tensor(fb::TensorType::FLOAT32, {1, 2});
  constants.op(constants.opcode(fb::BuiltinOperator::RELU), {in}, {out});
  constants.io({}, {out});
  const AlignedBytes bytes = constants.finish();
  Model model;
  ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
  AlignedBytes arena(4096);
  Interpreter interpreter;
  ASSERT_TRUE(interpreter.init(model, KernelChoice::kReference, arena.data(), arena.size()).is_ok());
  ASSERT_TRUE(interpreter.invoke().is_ok());
  EXPECT_EQ(interpreter.input_count(), 0);
  const float* result = interpreter.output(0)->data_as<const float>();
  EXPECT_EQ(result[0], 0.0f);
  EXPECT_EQ(result[1], 2.0f);

  ModelBuilder no_outputs = testing::small_float_model();
  no_outputs.graph().outputs.clear();
  EXPECT_NE(message_of(no_outputs.finish()).find("subgraph has no outputs"), std::string::npos);
}

// TFLite takes any int16 zero point in a model (SOFTMAX's int8 -> int16
// output has -32768); ops whose int16 math is symmetric refuse it at init.
TEST(ModelLoader, AcceptsInt16ZeroPointsOnlyOpsThatTakeThemRun) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT16, {1, 4});
  const int32_t out = b.tensor(fb::TensorType::INT16, {1, 4});
  for (int32_t t : {in, out}) {
    auto q = std::make_unique<fb::QuantizationParametersT>();
    q->scale = {0.5f};
    q->zero_point = {t == in ? 7 : 0};
    b.graph().tensors[t]->quantization = std::move(q);
  }
  b.op(b.opcode(fb::BuiltinOperator::RELU), {in}, {out});
  b.io({in}, {out});
  const AlignedBytes bytes = b.finish();
  Model model;
  ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
  EXPECT_EQ(model.tensor(in).quant.zero_point(), 7);
  EXPECT_NE(message_of(bytes).find("op 0 (RELU): int16 input 0 (tensor 0) has zero point 7"), std::string::npos)
      << message_of(bytes);
}

TEST(ModelLoader, RejectsSchemaVersionAndSubgraphs) {
  ModelBuilder v2 = testing::small_float_model();
  v2.model().version = 2;
  EXPECT_NE(message_of(v2.finish()).find("schema version 2"), std::string::npos);

  ModelBuilder two = testing::small_float_model();
  two.model().subgraphs.push_back(std::make_unique<fb::SubGraphT>());
  EXPECT_NE(message_of(two.finish()).find("2 subgraphs"), std::string::npos);
}

TEST(Interpreter, NamesUnsupportedOpsAndVersions) {
  // LSH_PROJECTION: a builtin TensorFlow Lite Micro does not run either.
  ModelBuilder lsh = testing::small_float_model();
  lsh.model().operator_codes[1]->builtin_code = fb::BuiltinOperator::LSH_PROJECTION;
  lsh.model().operator_codes[1]->deprecated_builtin_code = 15;
  const Status status = load_and_init(lsh.finish());
  EXPECT_EQ(status.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(status.message()).find("op 1: operator LSH_PROJECTION"), std::string::npos) << status.message();

  ModelBuilder version = testing::small_float_model();
  version.model().operator_codes[0]->version = 99;
  EXPECT_NE(message_of(version.finish()).find("version 99 is not supported"), std::string::npos);
}

TEST(ModelLoader, NamesUnknownOpCodesByNumber) {
  // Every TFLite builtin code has its name, also those no kernel implements.
  EXPECT_STREQ(op_code_name(0).text, "ADD");
  EXPECT_STREQ(op_code_name(9).text, "FULLY_CONNECTED");
  EXPECT_STREQ(op_code_name(97).text, "RESIZE_NEAREST_NEIGHBOR");
  EXPECT_STREQ(op_code_name(98).text, "LEAKY_RELU");
  EXPECT_STREQ(op_code_name(117).text, "HARD_SWISH");
  EXPECT_STREQ(op_code_name(150).text, "GELU");
  EXPECT_STREQ(op_code_name(209).text, "STABLEHLO_CASE");
  // Every code of the schema, as flatc's enum names spell them.
  for (int32_t code = 0; code <= 209; ++code)
    EXPECT_STREQ(op_code_name(code).text, fb::EnumNameBuiltinOperator(static_cast<fb::BuiltinOperator>(code))) << code;
  // Two unknown names in one expression stay distinct (no shared buffer).
  EXPECT_EQ(std::string(op_code_name(210).text) + " " + op_code_name(255).text + " " + op_code_name(4095).text,
            "UNKNOWN_210 UNKNOWN_255 UNKNOWN_4095");
  EXPECT_STREQ(op_code_name(1000).text, "UNKNOWN_1000");
  EXPECT_STREQ(op_code_name(-1).text, "UNKNOWN_-1");

  // A newer op above 127 (deprecated code 127 as placeholder): the interpreter's refusal names it,
  // by name when TFLite has one and by number past the schema.
  const struct {
    int32_t code;
    const char* name;
  } newer_ops[] = {{150, "op 1: operator GELU"}, {250, "op 1: operator UNKNOWN_250"}};
  for (const auto& newer_op : newer_ops) {
    ModelBuilder newer = testing::small_float_model();
    newer.model().operator_codes[1]->builtin_code = static_cast<fb::BuiltinOperator>(newer_op.code);
    newer.model().operator_codes[1]->deprecated_builtin_code = 127;
    const Status status = load_and_init(newer.finish());
    EXPECT_EQ(status.code(), StatusCode::kUnsupported);
    EXPECT_NE(std::string(status.message()).find(newer_op.name), std::string::npos) << status.message();
  }
}

TEST(Interpreter, NamesShapeErrors) {
  ModelBuilder b = testing::small_float_model();
  b.graph().tensors[b.graph().operators[0]->outputs[0]]->shape = {1, 5};
  const std::string message = message_of(b.finish());
  EXPECT_NE(message.find("op 0 (FULLY_CONNECTED)"), std::string::npos) << message;
}

TEST(Interpreter, ReportsExactArenaRequirement) {
  const AlignedBytes bytes = testing::small_float_model().finish();
  Model model;
  ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
  AlignedBytes big(1 << 20);
  Interpreter sized;
  ASSERT_TRUE(sized.init(model, KernelChoice::kReference, big.data(), big.size()).is_ok());
  const std::size_t need = sized.arena_used_bytes();
  // The breakdown describes this model: some tables, and activations that
  // hold op 0's input [1,4] and output [1,3] (float) at once.
  const ArenaUsage usage = sized.arena_usage();
  EXPECT_GT(usage.metadata, 0u);
  const std::size_t input_bytes = sized.input(0)->bytes;
  const std::size_t hidden_bytes = sized.tensor(3).bytes;
  EXPECT_EQ(input_bytes, 16u);
  EXPECT_EQ(hidden_bytes, 12u);
  EXPECT_GE(usage.activations, input_bytes + hidden_bytes);

  AlignedBytes exact(need);
  Interpreter fits;
  EXPECT_TRUE(fits.init(model, KernelChoice::kReference, exact.data(), need).is_ok());
  // The requirement does not depend on the arena it was measured in.
  EXPECT_EQ(fits.arena_usage().metadata, usage.metadata);
  EXPECT_EQ(fits.arena_usage().persistent, usage.persistent);
  EXPECT_EQ(fits.arena_usage().activations, usage.activations);
  // The input and output bytes are planned inside the caller's arena.
  const auto inside_exact = [&](const void* p) {
    const auto address = reinterpret_cast<uintptr_t>(p), begin = reinterpret_cast<uintptr_t>(exact.data());
    return address >= begin && address < begin + need;
  };
  EXPECT_TRUE(inside_exact(fits.input(0)->data));
  EXPECT_TRUE(inside_exact(fits.output(0)->data));
  for (std::size_t size : {need - 1, need / 2, std::size_t{64}, std::size_t{0}}) {
    AlignedBytes small(size + 16);
    Interpreter too_small;
    const Status status = too_small.init(model, KernelChoice::kReference, small.data(), size);
    EXPECT_EQ(status.code(), StatusCode::kArenaTooSmall) << size;
    EXPECT_FALSE(too_small.invoke().is_ok());
  }
  AlignedBytes one_short(need);
  Interpreter short_by_one;
  const Status status = short_by_one.init(model, KernelChoice::kReference, one_short.data(), need - 1);
  EXPECT_NE(std::string(status.message()).find(std::to_string(need) + " required"), std::string::npos)
      << status.message() << " (need " << need << ")";
}

}  // namespace
}  // namespace tinyinfer
