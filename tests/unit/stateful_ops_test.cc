// Stateful ops (SVDF, UNIDIRECTIONAL_SEQUENCE_LSTM) and the variable tensors
// they keep their state in: state starts at zero (its zero point), persists
// from invoke to invoke, Interpreter::reset_state() clears it, the arena
// planner never lets another buffer share its bytes; and what TFLM's kernels
// refuse is refused with a message.
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

// Input 0 in, output 0 out.
struct OneOpRun : testing::ModelRun<16384> {
  using ModelRun::ModelRun;
  template <typename T>
  void set(const std::vector<T>& values) {
    ModelRun::set(0, values);
  }
  template <typename T>
  std::vector<T> run(const std::vector<T>& input) {
    set(input);
    const Status s = interpreter.invoke();
    EXPECT_TRUE(s.is_ok()) << s.message();
    return get<T>();
  }
};

bool mentions(const Status& s, const char* text) { return std::string(s.message()).find(text) != std::string::npos; }

int32_t variable(ModelBuilder& b, fb::TensorType type, std::vector<int32_t> shape, float scale = 0.0f,
                 int64_t zero_point = 0) {
  const int32_t t = b.tensor(type, std::move(shape), scale, zero_point);
  b.graph().tensors[static_cast<std::size_t>(t)]->is_variable = true;
  return t;
}

// ---- SVDF ----

// One unit, rank 1, memory 2, input size 1: out = wt[0] * x(t-1) + wt[1] * x(t).
struct SvdfFloat {
  int32_t state = -1;
  ModelBuilder b;
  explicit SvdfFloat(bool state_is_variable = true, int32_t rank = 1) {
    const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 1});
    const int32_t wf = b.constant<float>(fb::TensorType::FLOAT32, {1, 1}, {1.0f});
    const int32_t wt = b.constant<float>(fb::TensorType::FLOAT32, {1, 2}, {1.0f, 10.0f});
    state =
        state_is_variable ? variable(b, fb::TensorType::FLOAT32, {1, 2}) : b.tensor(fb::TensorType::FLOAT32, {1, 2});
    const int32_t out = b.tensor(fb::TensorType::FLOAT32, {1, 1});
    fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::SVDF), {in, wf, wt, -1, state}, {out});
    fb::SVDFOptionsT options;
    options.rank = rank;
    op.builtin_options.Set(options);
    b.io({in}, {out});
  }
};

TEST(StatefulOpsTest, SvdfStatePersistsAcrossInvokesAndResetClearsIt) {
  SvdfFloat m;
  OneOpRun run(m.b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  EXPECT_EQ(run.run<float>({1.0f}), std::vector<float>{10.0f});  // state [0, 1]
  EXPECT_EQ(run.run<float>({2.0f}), std::vector<float>{21.0f});  // state [1, 2]
  EXPECT_EQ(run.run<float>({3.0f}), std::vector<float>{32.0f});  // state [2, 3]
  ASSERT_TRUE(run.interpreter.reset_state().is_ok());
  const Tensor state = run.interpreter.tensor(m.state);
  EXPECT_EQ(state.data_as<float>()[0], 0.0f);
  EXPECT_EQ(state.data_as<float>()[1], 0.0f);
  EXPECT_EQ(run.run<float>({3.0f}), std::vector<float>{30.0f});  // state [0, 3]
}

TEST(StatefulOpsTest, ResetStateBeforeInitIsAnError) {
  Interpreter interpreter;
  EXPECT_FALSE(interpreter.reset_state().is_ok());
}

TEST(StatefulOpsTest, SvdfStateMustBeAVariableTensor) {
  // A non-variable state has no producer: the loader refuses the read.
  SvdfFloat m(false);
  OneOpRun run(m.b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "before any op writes it")) << run.status.message();
}

TEST(StatefulOpsTest, SvdfRankMustDivideFilters) {
  SvdfFloat m(true, 2);
  OneOpRun run(m.b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "SVDF")) << run.status.message();
  EXPECT_TRUE(mentions(run.status, "rank 2 does not divide")) << run.status.message();
}

// int8 SVDF with int8 state of zero point 5: the state starts (and is reset) at 5.
ModelBuilder svdf_int8_model(int32_t* state_index, fb::TensorType bias_type = fb::TensorType::INT32) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, {2, 3}, 0.5f, -1);
  const int32_t wf = b.constant<int8_t>(fb::TensorType::INT8, {2, 3}, {1, 2, 3, -1, -2, -3}, {0.25f});
  const int32_t wt = b.constant<int8_t>(fb::TensorType::INT8, {2, 4}, {1, 2, 3, 4, 4, 3, 2, 1}, {0.5f});
  const int32_t bias = bias_type == fb::TensorType::INT32 ? b.constant<int32_t>(fb::TensorType::INT32, {1}, {7}, {0.5f})
                                                          : b.constant<float>(fb::TensorType::FLOAT32, {1}, {7.0f});
  *state_index = variable(b, fb::TensorType::INT8, {2, 8}, 1.0f, 5);
  const int32_t out = b.tensor(fb::TensorType::INT8, {2, 1}, 2.0f, 3);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::SVDF), {in, wf, wt, bias, *state_index}, {out});
  fb::SVDFOptionsT options;
  options.rank = 2;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

TEST(StatefulOpsTest, Int8StateStartsAtItsZeroPointAndIsResetToIt) {
  int32_t state = -1;
  OneOpRun run(svdf_int8_model(&state));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const Tensor s = run.interpreter.tensor(state);
  ASSERT_TRUE(s.is_variable);
  ASSERT_EQ(s.bytes, 16u);
  const std::vector<int8_t> at_zero_point(16, 5);
  auto state_bytes = [&] { return std::vector<int8_t>(s.data_as<int8_t>(), s.data_as<int8_t>() + 16); };
  EXPECT_EQ(state_bytes(), at_zero_point);
  const std::vector<int8_t> input = {10, -20, 30, 40, 50, -60};
  const std::vector<int8_t> first = run.run<int8_t>(input);
  EXPECT_NE(state_bytes(), at_zero_point);
  // By hand, batch 0: feature products (11*1 + -19*2 + 31*3) * 0.5*0.25/1 = 8.25 -> 8, state 8 + 5
  // (filter 1: -8 + 5); time: 4 * 8 + 1 * -8 = 24, + bias 7 = 31, * 1*0.5/2 = 7.75 -> 8, + 3.
  EXPECT_EQ(first[0], 11);
  const std::vector<int8_t> second = run.run<int8_t>(input);
  EXPECT_NE(first, second);
  ASSERT_TRUE(run.interpreter.reset_state().is_ok());
  EXPECT_EQ(state_bytes(), at_zero_point);
  EXPECT_EQ(run.run<int8_t>(input), first);
}

TEST(StatefulOpsTest, SvdfInt8FloatBiasRefused) {
  int32_t state = -1;
  OneOpRun run(svdf_int8_model(&state, fb::TensorType::FLOAT32));
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "bias of type float32 not supported (int32)")) << run.status.message();
}

// Two SVDFs and a RELU between them: whatever the plan, no activation or
// scratch buffer shares bytes with either state.
TEST(StatefulOpsTest, PlannerNeverOverlapsVariableTensors) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 8});
  const int32_t wf = b.constant<float>(fb::TensorType::FLOAT32, {8, 8}, std::vector<float>(64, 0.5f));
  const int32_t wt = b.constant<float>(fb::TensorType::FLOAT32, {8, 4}, std::vector<float>(32, 0.25f));
  const int32_t s1 = variable(b, fb::TensorType::FLOAT32, {1, 32});
  const int32_t s2 = variable(b, fb::TensorType::FLOAT32, {1, 32});
  const int32_t a = b.tensor(fb::TensorType::FLOAT32, {1, 8});
  const int32_t r = b.tensor(fb::TensorType::FLOAT32, {1, 8});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {1, 8});
  fb::SVDFOptionsT options;
  options.rank = 1;
  b.op(b.opcode(fb::BuiltinOperator::SVDF), {in, wf, wt, -1, s1}, {a}).builtin_options.Set(options);
  b.op(b.opcode(fb::BuiltinOperator::RELU), {a}, {r});
  b.op(b.opcode(fb::BuiltinOperator::SVDF), {r, wf, wt, -1, s2}, {out}).builtin_options.Set(options);
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  auto range = [&](int32_t t) {
    const Tensor x = run.interpreter.tensor(t);
    const auto begin = reinterpret_cast<uintptr_t>(x.data);
    return std::pair<uintptr_t, uintptr_t>(begin, begin + x.bytes);
  };
  for (int32_t state : {s1, s2}) {
    const auto sr = range(state);
    EXPECT_GE(sr.first, reinterpret_cast<uintptr_t>(run.arena));
    EXPECT_LE(sr.second, reinterpret_cast<uintptr_t>(run.arena) + sizeof(run.arena));
    for (int32_t t = 0; t < run.interpreter.tensor_count(); ++t) {
      const Tensor x = run.interpreter.tensor(t);
      if (t == state || x.is_constant) continue;
      const auto other = range(t);
      EXPECT_TRUE(other.second <= sr.first || sr.second <= other.first)
          << "tensor " << t << " overlaps state " << state;
    }
  }
  // And the state persists: a second invoke of the same input differs.
  const std::vector<float> input(8, 1.0f);
  const std::vector<float> first = run.run<float>(input);
  EXPECT_NE(run.run<float>(input), first);
  ASSERT_TRUE(run.interpreter.reset_state().is_ok());
  EXPECT_EQ(run.run<float>(input), first);
}

TEST(StatefulOpsTest, VariableTensorWithInitialBytesIsStateNotAConstant) {
  SvdfFloat m;
  auto buffer = std::make_unique<fb::BufferT>();
  const std::vector<float> initial = {7.0f, 7.0f};
  buffer->data.resize(sizeof(float) * 2);
  std::memcpy(buffer->data.data(), initial.data(), buffer->data.size());
  m.b.model().buffers.push_back(std::move(buffer));
  m.b.graph().tensors[static_cast<std::size_t>(m.state)]->buffer =
      static_cast<uint32_t>(m.b.model().buffers.size() - 1);
  OneOpRun run(m.b);
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  const Tensor state = run.interpreter.tensor(m.state);
  EXPECT_FALSE(state.is_constant);
  EXPECT_EQ(state.data_as<float>()[1], 0.0f);  // TFLite resets state to zero, ignoring the bytes
  EXPECT_EQ(run.run<float>({1.0f}), std::vector<float>{10.0f});
}

// ---- UNIDIRECTIONAL_SEQUENCE_LSTM ----

struct LstmSpec {
  int32_t batches = 1, steps = 2, input_size = 1, units = 1;
  bool time_major = false;
  fb::ActivationFunctionType activation = fb::ActivationFunctionType::TANH;
  bool peephole = false;
  float cell_clip = 0.0f;
};

// Float LSTM, every weight w and bias c: each gate is act(w*x + w*h + c).
ModelBuilder lstm_float_model(const LstmSpec& s, float w, float c, int32_t* hidden_index = nullptr,
                              int32_t* cell_index = nullptr) {
  ModelBuilder b;
  const int32_t in =
      b.tensor(fb::TensorType::FLOAT32, s.time_major ? std::vector<int32_t>{s.steps, s.batches, s.input_size}
                                                     : std::vector<int32_t>{s.batches, s.steps, s.input_size});
  std::vector<int32_t> inputs(24, -1);
  inputs[0] = in;
  for (int g = 0; g < 4; ++g) {
    inputs[1 + g] = b.constant<float>(fb::TensorType::FLOAT32, {s.units, s.input_size},
                                      std::vector<float>(static_cast<std::size_t>(s.units * s.input_size), w));
    inputs[5 + g] = b.constant<float>(fb::TensorType::FLOAT32, {s.units, s.units},
                                      std::vector<float>(static_cast<std::size_t>(s.units * s.units), w));
    inputs[12 + g] =
        b.constant<float>(fb::TensorType::FLOAT32, {s.units}, std::vector<float>(static_cast<std::size_t>(s.units), c));
  }
  if (s.peephole) inputs[9] = b.constant<float>(fb::TensorType::FLOAT32, {s.units}, std::vector<float>(s.units, 1.0f));
  inputs[18] = variable(b, fb::TensorType::FLOAT32, {s.batches, s.units});
  inputs[19] = variable(b, fb::TensorType::FLOAT32, {s.batches, s.units});
  if (hidden_index != nullptr) *hidden_index = inputs[18];
  if (cell_index != nullptr) *cell_index = inputs[19];
  const int32_t out =
      b.tensor(fb::TensorType::FLOAT32, s.time_major ? std::vector<int32_t>{s.steps, s.batches, s.units}
                                                     : std::vector<int32_t>{s.batches, s.steps, s.units});
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::UNIDIRECTIONAL_SEQUENCE_LSTM), inputs, {out});
  fb::UnidirectionalSequenceLSTMOptionsT options;
  options.fused_activation_function = s.activation;
  options.time_major = s.time_major;
  options.cell_clip = s.cell_clip;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  return b;
}

// The textbook cell with one unit and every weight w, bias c.
std::vector<float> lstm_by_hand(const std::vector<float>& xs, float w, float c, float* h, float* cell) {
  auto sigmoid = [](float v) { return 1.0f / (1.0f + std::exp(-v)); };
  std::vector<float> out;
  for (float x : xs) {
    const float pre = w * x + w * *h + c;
    *cell = sigmoid(pre) * *cell + sigmoid(pre) * std::tanh(pre);
    *h = std::tanh(*cell) * sigmoid(pre);
    out.push_back(*h);
  }
  return out;
}

TEST(StatefulOpsTest, LstmFloatMatchesTheCellEquationsAndCarriesStateAcrossInvokes) {
  LstmSpec spec;
  int32_t hidden = -1;
  OneOpRun run(lstm_float_model(spec, 0.5f, 0.1f, &hidden));
  ASSERT_TRUE(run.status.is_ok()) << run.status.message();
  float h = 0.0f, cell = 0.0f;
  const std::vector<float> want1 = lstm_by_hand({1.0f, -2.0f}, 0.5f, 0.1f, &h, &cell);
  const std::vector<float> got1 = run.run<float>({1.0f, -2.0f});
  ASSERT_EQ(got1.size(), 2u);
  for (int i = 0; i < 2; ++i) EXPECT_NEAR(got1[i], want1[i], 1e-6f);
  EXPECT_NEAR(run.interpreter.tensor(hidden).data_as<float>()[0], h, 1e-6f);
  // The next sequence continues from the state the first one left.
  const std::vector<float> want2 = lstm_by_hand({1.0f, -2.0f}, 0.5f, 0.1f, &h, &cell);
  const std::vector<float> got2 = run.run<float>({1.0f, -2.0f});
  for (int i = 0; i < 2; ++i) EXPECT_NEAR(got2[i], want2[i], 1e-6f);
  ASSERT_TRUE(run.interpreter.reset_state().is_ok());
  EXPECT_EQ(run.interpreter.tensor(hidden).data_as<float>()[0], 0.0f);
  EXPECT_EQ(run.run<float>({1.0f, -2.0f}), got1);
}

TEST(StatefulOpsTest, LstmCellClipBoundsTheCellState) {
  LstmSpec spec;
  spec.units = 2;
  spec.cell_clip = 0.05f;
  int32_t cell = -1;
  OneOpRun clipped(lstm_float_model(spec, 1.0f, 1.0f, nullptr, &cell));
  ASSERT_TRUE(clipped.status.is_ok()) << clipped.status.message();
  clipped.run<float>({3.0f, 3.0f});
  for (int u = 0; u < 2; ++u) EXPECT_EQ(clipped.interpreter.tensor(cell).data_as<float>()[u], 0.05f);
  // Without the clip the same cell grows well past it.
  spec.cell_clip = 0.0f;
  OneOpRun free(lstm_float_model(spec, 1.0f, 1.0f, nullptr, &cell));
  ASSERT_TRUE(free.status.is_ok()) << free.status.message();
  free.run<float>({3.0f, 3.0f});
  EXPECT_GT(free.interpreter.tensor(cell).data_as<float>()[0], 1.0f);
}

TEST(StatefulOpsTest, LstmTimeMajorIsTheTransposedSequence) {
  LstmSpec spec;
  spec.batches = 2;
  spec.steps = 3;
  spec.input_size = 2;
  spec.units = 3;
  OneOpRun batch_major(lstm_float_model(spec, 0.3f, -0.2f));
  spec.time_major = true;
  OneOpRun time_major(lstm_float_model(spec, 0.3f, -0.2f));
  ASSERT_TRUE(batch_major.status.is_ok()) << batch_major.status.message();
  ASSERT_TRUE(time_major.status.is_ok()) << time_major.status.message();
  std::vector<float> x(12), xt(12);
  // Row-major offsets of [2 batches, 3 steps, n] and [3 steps, 2 batches, n].
  auto batch_first = [](std::size_t b, std::size_t t, std::size_t n) { return (b * 3 + t) * n; };
  auto time_first = [](std::size_t b, std::size_t t, std::size_t n) { return (t * 2 + b) * n; };
  for (std::size_t i = 0; i < 12; ++i) x[i] = 0.1f * static_cast<float>(i) - 0.5f;
  for (std::size_t b = 0; b < 2; ++b)
    for (std::size_t t = 0; t < 3; ++t)
      for (std::size_t k = 0; k < 2; ++k) xt[time_first(b, t, 2) + k] = x[batch_first(b, t, 2) + k];
  const std::vector<float> y = batch_major.run<float>(x);
  const std::vector<float> yt = time_major.run<float>(xt);
  for (std::size_t b = 0; b < 2; ++b)
    for (std::size_t t = 0; t < 3; ++t)
      for (std::size_t u = 0; u < 3; ++u) EXPECT_EQ(yt[time_first(b, t, 3) + u], y[batch_first(b, t, 3) + u]);
}

TEST(StatefulOpsTest, LstmVariantsTflmLacksAreRefused) {
  LstmSpec peephole;
  peephole.peephole = true;
  OneOpRun with_peephole(lstm_float_model(peephole, 0.5f, 0.0f));
  ASSERT_FALSE(with_peephole.status.is_ok());
  EXPECT_TRUE(mentions(with_peephole.status, "UNIDIRECTIONAL_SEQUENCE_LSTM")) << with_peephole.status.message();
  EXPECT_TRUE(mentions(with_peephole.status, "peephole")) << with_peephole.status.message();

  LstmSpec relu;
  relu.activation = fb::ActivationFunctionType::RELU;
  OneOpRun with_relu(lstm_float_model(relu, 0.5f, 0.0f));
  ASSERT_FALSE(with_relu.status.is_ok());
  EXPECT_TRUE(mentions(with_relu.status, "cell activation RELU not supported")) << with_relu.status.message();
}

TEST(StatefulOpsTest, LstmWithoutInputGateRefused) {
  ModelBuilder b = lstm_float_model(LstmSpec(), 0.5f, 0.0f);
  std::vector<int32_t>& inputs = b.graph().operators[0]->inputs;
  inputs[1] = inputs[5] = inputs[12] = -1;  // CIFG
  OneOpRun run(b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "CIFG")) << run.status.message();
}

TEST(StatefulOpsTest, LstmStateMustBeVariable) {
  ModelBuilder b = lstm_float_model(LstmSpec(), 0.5f, 0.0f);
  b.graph().tensors[static_cast<std::size_t>(b.graph().operators[0]->inputs[19])]->is_variable = false;
  // The cell state now has no producer: refused by the loader.
  OneOpRun run(b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "before any op writes it")) << run.status.message();
}

TEST(StatefulOpsTest, LstmInt8PerChannelWeightsRefused) {
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::INT8, {1, 2, 1}, 0.1f, 0);
  std::vector<int32_t> inputs(24, -1);
  inputs[0] = in;
  for (int g = 0; g < 4; ++g) {
    inputs[1 + g] = b.constant<int8_t>(fb::TensorType::INT8, {2, 1}, {1, 2}, {0.1f, 0.2f});
    inputs[5 + g] = b.constant<int8_t>(fb::TensorType::INT8, {2, 2}, {1, 2, 3, 4}, {0.1f});
    inputs[12 + g] = b.constant<int32_t>(fb::TensorType::INT32, {2}, {0, 0}, {0.01f});
  }
  inputs[18] = variable(b, fb::TensorType::INT8, {1, 2}, 1.0f / 128, 0);
  inputs[19] = variable(b, fb::TensorType::INT16, {1, 2}, 1.0f / 2048, 0);
  const int32_t out = b.tensor(fb::TensorType::INT8, {1, 2, 2}, 1.0f / 128, 0);
  fb::OperatorT& op = b.op(b.opcode(fb::BuiltinOperator::UNIDIRECTIONAL_SEQUENCE_LSTM), inputs, {out});
  fb::UnidirectionalSequenceLSTMOptionsT options;
  options.fused_activation_function = fb::ActivationFunctionType::TANH;
  op.builtin_options.Set(options);
  b.io({in}, {out});
  OneOpRun run(b);
  ASSERT_FALSE(run.status.is_ok());
  EXPECT_TRUE(mentions(run.status, "quantized per tensor")) << run.status.message();
}

}  // namespace
}  // namespace tinyinfer
