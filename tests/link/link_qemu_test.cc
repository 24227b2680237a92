// The link firmware in QEMU, end to end through the host client
// (tools/link): one QEMU for the whole binary (a test environment), so the
// cases run in order on one board: info, inference against the host, the
// study's messages, uploads that fail, an upload that works, and garbage.
#include <cmath>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "flatbuffers/flatbuffers.h"
#include "link/crc32.h"
#include "link/frame.h"
#include "link/link_protocol_generated.h"
#include "link_client.h"
#include "link_test_models.h"
#include "mnist_idx.h"
#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"

namespace tinyinfer::link_test {
namespace {

using link_client::LinkClient;

std::unique_ptr<LinkClient> g_client;
std::string g_start_error;

class QemuBoard : public ::testing::Environment {
 public:
  void SetUp() override {
    link_client::ClientOptions options;
    options.reply_timeout_s = 120.0;  // an inference takes seconds of host time under QEMU
    g_client = LinkClient::open(std::string("qemu:") + TINYINFER_LINK_FIRMWARE, options, &g_start_error);
  }
  void TearDown() override { g_client.reset(); }
};

std::string model_path(const char* name) { return std::string(TINYINFER_SOURCE_DIR) + "/models/" + name; }

// The host engine on the same model and kernel set as the board.
struct HostModel {
  std::vector<uint8_t> bytes;
  std::vector<uint64_t> storage;  // 16-byte aligned copy
  Model model;
  std::vector<uint64_t> arena = std::vector<uint64_t>(1 << 17);
  Interpreter interpreter;
  bool open(const std::string& path) {
    std::string error;
    bytes = read_file(path, &error);
    storage.assign(bytes.size() / 8 + 2, 0);
    std::memcpy(storage.data(), bytes.data(), bytes.size());
    return Model::load(storage.data(), bytes.size(), &model).is_ok() &&
           interpreter.init(model, KernelChoice::kOptimized, arena.data(), arena.size() * 8).is_ok();
  }
  std::vector<uint8_t> run(const std::vector<uint8_t>& input) {
    std::memcpy(interpreter.input(0)->data, input.data(), input.size());
    EXPECT_TRUE(interpreter.invoke().is_ok());
    const Tensor* out = interpreter.output(0);
    return std::vector<uint8_t>(static_cast<const uint8_t*>(out->data),
                                static_cast<const uint8_t*>(out->data) + out->bytes);
  }
};

// pixel/255 in the input's type, as tinyinfer run fills it: float32 as is,
// int8 quantized with the input's scale and zero point (round half away
// from zero, clamp).
std::vector<uint8_t> image_input(const uint8_t* pixels, const Tensor& input) {
  std::vector<uint8_t> out;
  for (int i = 0; i < 784; ++i) {
    const float value = pixels[i] / 255.0f;
    if (input.type == DataType::kFloat32) {
      uint8_t bytes[4];
      std::memcpy(bytes, &value, 4);
      out.insert(out.end(), bytes, bytes + 4);
    } else {
      const long q = std::lround(value / input.quant.scale()) + input.quant.zero_point();
      out.push_back(static_cast<uint8_t>(static_cast<int8_t>(q < -128 ? -128 : q > 127 ? 127 : q)));
    }
  }
  return out;
}

// The output bytes as real values (float32 as is, int8 dequantized).
std::vector<float> output_values(const std::vector<uint8_t>& bytes, const Tensor& output) {
  std::vector<float> values;
  if (output.type == DataType::kFloat32) {
    values.resize(bytes.size() / 4);
    std::memcpy(values.data(), bytes.data(), values.size() * 4);
  } else {
    for (uint8_t b : bytes)
      values.push_back(output.quant.scale() * static_cast<float>(static_cast<int8_t>(b) - output.quant.zero_point()));
  }
  return values;
}

class LinkQemuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(g_client, nullptr) << "QEMU with the link firmware did not start: " << g_start_error;
  }
  LinkClient& client() { return *g_client; }

  // One request by hand; returns the reply's frame type and payload.
  uint8_t raw(link::FrameType type, flatbuffers::FlatBufferBuilder& fbb, std::vector<uint8_t>* reply) {
    std::string error;
    uint8_t reply_type = 0;
    const std::vector<uint8_t> payload(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
    EXPECT_TRUE(client().transact(static_cast<uint8_t>(type), payload, &reply_type, reply, &error)) << error;
    return reply_type;
  }
  std::string error_message(const std::vector<uint8_t>& reply, link::ErrorCode expected) {
    flatbuffers::Verifier verifier(reply.data(), reply.size());
    EXPECT_TRUE(verifier.VerifyBuffer<link::Error>(nullptr));
    const auto* e = flatbuffers::GetRoot<link::Error>(reply.data());
    EXPECT_EQ(e->code(), expected);
    return e->message() ? e->message()->str() : "";
  }
  // Upload by hand with a chosen CRC and how many bytes go out; returns the
  // commit's reply type (kError for a refused upload).
  uint8_t upload(const std::vector<uint8_t>& model, uint32_t crc, std::size_t sent, std::vector<uint8_t>* reply) {
    flatbuffers::FlatBufferBuilder begin;
    begin.Finish(link::CreateLoadBegin(begin, begin.CreateString("test"), static_cast<uint32_t>(model.size()), crc));
    if (raw(link::FrameType::kLoadBegin, begin, reply) != static_cast<uint8_t>(link::FrameType::kLoadReply))
      return static_cast<uint8_t>(link::FrameType::kError);
    for (std::size_t at = 0; at < sent; at += link::kMaxChunkBytes) {
      const std::size_t n = std::min(link::kMaxChunkBytes, sent - at);
      flatbuffers::FlatBufferBuilder chunk;
      chunk.Finish(link::CreateLoadChunk(chunk, static_cast<uint32_t>(at), chunk.CreateVector(model.data() + at, n)));
      if (raw(link::FrameType::kLoadChunk, chunk, reply) != static_cast<uint8_t>(link::FrameType::kLoadReply))
        return static_cast<uint8_t>(link::FrameType::kError);
    }
    flatbuffers::FlatBufferBuilder commit;
    commit.Finish(link::CreateLoadCommit(commit));
    return raw(link::FrameType::kLoadCommit, commit, reply);
  }
  // The built-in int8 model answers the digit exactly as the host does.
  void expect_builtin_answers() {
    std::string error;
    link_client::BoardInfo info;
    ASSERT_TRUE(client().info(&info, &error)) << error;
    EXPECT_EQ(info.model_name, "mnist_int8");
    EXPECT_FALSE(info.model_uploaded);
    HostModel host;
    ASSERT_TRUE(host.open(model_path("mnist_int8.tflite")));
    std::vector<uint8_t> pixels(784, 0);
    for (int i = 200; i < 600; i += 29) pixels[i] = 255;
    const std::vector<uint8_t> input = image_input(pixels.data(), *host.interpreter.input(0));
    link_client::InferReply reply;
    ASSERT_TRUE(client().infer(input, &reply, &error)) << error;
    EXPECT_EQ(reply.output, host.run(input));
  }
};

TEST_F(LinkQemuTest, InfoDescribesTheEmulatedBoard) {
  std::string error;
  link_client::BoardInfo info;
  ASSERT_TRUE(client().info(&info, &error)) << error;
  EXPECT_EQ(info.board, "qemu-mps2-an500");
  EXPECT_EQ(info.clock_hz, 25000000u);
  EXPECT_EQ(info.counter_unit, "instructions");
  EXPECT_EQ(info.counter_hz, 0u);
  EXPECT_EQ(info.kernel_set, "optimized");
  EXPECT_EQ(info.model_name, "mnist_int8");
  HostModel host;
  ASSERT_TRUE(host.open(model_path("mnist_int8.tflite")));
  ASSERT_EQ(info.inputs.size(), 1u);
  EXPECT_EQ(info.inputs[0].dtype, "float32");  // int8 inside, float at the edges (QUANTIZE, DEQUANTIZE)
  EXPECT_EQ(info.inputs[0].bytes, host.interpreter.input(0)->bytes);
  EXPECT_EQ(info.slot_bytes, 2u * 1024 * 1024);
  EXPECT_GT(info.arena_used, 0u);
  EXPECT_EQ(info.model_sha256.size(), 64u);
}

TEST_F(LinkQemuTest, FirstTestDigitOfEachLabelMatchesTheHostBitForBit) {
  const std::string dir = std::string(TINYINFER_SHARED_DIR) + "/data/mnist";
  cli::MnistSet set;
  std::string error;
  if (!cli::load_mnist(dir, "t10k", 200, &set, &error)) GTEST_SKIP() << "MNIST test set not available: " << error;
  HostModel host;
  ASSERT_TRUE(host.open(model_path("mnist_int8.tflite")));
  bool seen[10] = {};
  int checked = 0;
  for (int32_t i = 0; i < set.size() && checked < 10; ++i) {
    const int label = set.labels.labels[static_cast<std::size_t>(i)];
    if (seen[label]) continue;
    seen[label] = true;
    ++checked;
    const std::vector<uint8_t> input = image_input(set.images.image(i), *host.interpreter.input(0));
    const std::vector<uint8_t> expected = host.run(input);
    link_client::InferReply reply;
    ASSERT_TRUE(client().infer(input, &reply, &error)) << "image " << i << ": " << error;
    // Byte for byte: the int8 layers are bit-exact, the float edges the same arithmetic.
    EXPECT_EQ(reply.output, expected) << "image " << i << " (label " << label << ")";
    const std::vector<float> values = output_values(expected, *host.interpreter.output(0));
    int best = 0;
    for (int c = 1; c < 10; ++c)
      if (values[c] > values[best]) best = c;
    EXPECT_EQ(reply.argmax, best) << "image " << i;
    EXPECT_EQ(reply.unit, "instructions");
    EXPECT_GT(reply.total, 0u);
    EXPECT_LT(reply.microseconds, 0.0);
    EXPECT_EQ(reply.layer_counts.size(), reply.layer_codes.size());
  }
  EXPECT_EQ(checked, 10);
}

TEST_F(LinkQemuTest, StudyMessagesAreAnswered) {
  std::string error;
  link_client::StudyStats stats;
  ASSERT_TRUE(client().study_stats(&stats, &error)) << error;
  EXPECT_EQ(stats.freq, 25000000u);
  EXPECT_TRUE(stats.cmsis_nn);
  EXPECT_LE(stats.reply_bytes, 100u);

  std::vector<float> digit(784, 0.0f);
  for (int y = 5; y < 23; ++y) digit[y * 28 + 14] = 1.0f;  // a "1"
  link_client::StudyInference result;
  ASSERT_TRUE(client().study_infer(digit, &result, &error)) << error;
  EXPECT_EQ(result.reply_bytes, 92u);
  EXPECT_EQ(result.output_n, 0);
  ASSERT_EQ(result.outputs.size(), 10u);
  EXPECT_GT(result.timer_ms, 0.0f);
  // The same digit through our protocol: the same outputs (dequantized).
  HostModel host;
  ASSERT_TRUE(host.open(model_path("mnist_int8.tflite")));
  std::vector<uint8_t> pixels(784);
  for (int i = 0; i < 784; ++i) pixels[i] = static_cast<uint8_t>(digit[i] * 255.0f);
  const std::vector<float> expected =
      output_values(host.run(image_input(pixels.data(), *host.interpreter.input(0))), *host.interpreter.output(0));
  for (int c = 0; c < 10; ++c) EXPECT_FLOAT_EQ(result.outputs[c], expected[c]) << "class " << c;
  // Our protocol still answers right after.
  link_client::BoardInfo info;
  ASSERT_TRUE(client().info(&info, &error)) << error;
  EXPECT_GE(info.counters.study_requests, 2u);
}

// Uploads use a model built here (FULLY_CONNECTED + SOFTMAX, under 1 KB):
// QEMU's UART model takes about 10 KB/s, and what is tested is the upload
// path, not the model's size (the link tests on the host upload the MNIST
// models).
std::vector<uint8_t> small_model_bytes() {
  const testing::AlignedBytes bytes = testing::small_float_model().finish();
  return std::vector<uint8_t>(bytes.data(), bytes.data() + bytes.size());
}

TEST_F(LinkQemuTest, FailedUploadsKeepTheOldModel) {
  std::string error;
  const std::vector<uint8_t> model = small_model_bytes();
  std::vector<uint8_t> reply;
  // Bad CRC.
  ASSERT_EQ(upload(model, link::crc32(model.data(), model.size()) ^ 0x1, model.size(), &reply),
            static_cast<uint8_t>(link::FrameType::kError));
  EXPECT_NE(error_message(reply, link::ErrorCode::UPLOAD_BAD_CRC).find("CRC-32"), std::string::npos);
  expect_builtin_answers();
  // Truncated: committed after half of it.
  ASSERT_EQ(upload(model, link::crc32(model.data(), model.size()), model.size() / 2, &reply),
            static_cast<uint8_t>(link::FrameType::kError));
  error_message(reply, link::ErrorCode::UPLOAD_INCOMPLETE);
  expect_builtin_answers();
  // An op no kernel runs.
  const std::vector<uint8_t> unsupported = with_unsupported_op(model, &error);
  ASSERT_FALSE(unsupported.empty()) << error;
  ASSERT_EQ(upload(unsupported, link::crc32(unsupported.data(), unsupported.size()), unsupported.size(), &reply),
            static_cast<uint8_t>(link::FrameType::kError));
  EXPECT_NE(error_message(reply, link::ErrorCode::MODEL_UNSUPPORTED).find("old one stays"), std::string::npos);
  expect_builtin_answers();
  // Bigger than the slot: refused at once, naming the sizes.
  flatbuffers::FlatBufferBuilder begin;
  begin.Finish(link::CreateLoadBegin(begin, 0, 3u << 20, 0));
  ASSERT_EQ(raw(link::FrameType::kLoadBegin, begin, &reply), static_cast<uint8_t>(link::FrameType::kError));
  EXPECT_NE(error_message(reply, link::ErrorCode::UPLOAD_TOO_LARGE).find("2097152"), std::string::npos);
  expect_builtin_answers();
}

TEST_F(LinkQemuTest, LoadAnotherModelThenInfer) {
  std::string error;
  const std::vector<uint8_t> model = small_model_bytes();
  ASSERT_TRUE(client().load(model, "small_float", &error)) << error;
  link_client::BoardInfo info;
  ASSERT_TRUE(client().info(&info, &error)) << error;
  EXPECT_EQ(info.model_name, "small_float");
  EXPECT_TRUE(info.model_uploaded);
  EXPECT_EQ(info.model_bytes, model.size());
  ASSERT_EQ(info.inputs.size(), 1u);
  EXPECT_EQ(info.inputs[0].dtype, "float32");
  EXPECT_EQ(info.inputs[0].bytes, 16u);
  // small_float_model: FC rows pick x0, x1 and sum-10 (RELU), then SOFTMAX.
  const float x[4] = {2.0f, 1.0f, 4.0f, 5.0f};
  std::vector<uint8_t> input(sizeof x);
  std::memcpy(input.data(), x, sizeof x);
  link_client::InferReply reply;
  ASSERT_TRUE(client().infer(input, &reply, &error)) << error;
  ASSERT_EQ(reply.output.size(), 12u);
  float board[3];
  std::memcpy(board, reply.output.data(), sizeof board);
  const float e0 = std::exp(2.0f), e1 = std::exp(1.0f), e2 = std::exp(2.0f);  // hidden = {2, 1, 12 - 10}
  const float sum = e0 + e1 + e2;
  EXPECT_NEAR(board[0], e0 / sum, 1e-6f);
  EXPECT_NEAR(board[1], e1 / sum, 1e-6f);
  EXPECT_NEAR(board[2], e2 / sum, 1e-6f);
  EXPECT_EQ(reply.argmax, 0);
  // A second upload goes to the other slot and replaces the first.
  ASSERT_TRUE(client().load(model, "small_float_again", &error)) << error;
  ASSERT_TRUE(client().info(&info, &error)) << error;
  EXPECT_EQ(info.model_name, "small_float_again");
  ASSERT_TRUE(client().infer(input, &reply, &error)) << error;
  float again[3];
  std::memcpy(again, reply.output.data(), sizeof again);
  EXPECT_EQ(std::memcmp(board, again, sizeof board), 0);
}

TEST_F(LinkQemuTest, ThousandGarbageFramesInterleavedWithRequestsAllAnswered) {
  std::mt19937 rng(2026);
  std::string error;
  int answered = 0;
  for (int i = 0; i < 1000; ++i) {
    std::vector<uint8_t> garbage(1 + rng() % 120);
    for (auto& b : garbage) b = static_cast<uint8_t>(rng() % 7 == 0 ? 0 : rng());
    garbage.push_back(0);
    ASSERT_TRUE(client().send_raw(garbage, &error)) << error;
    link_client::BoardInfo info;
    if (client().info(&info, &error)) {
      ++answered;
    } else {
      ADD_FAILURE() << "request " << i << ": " << error;
    }
  }
  EXPECT_EQ(answered, 1000);
  link_client::BoardInfo info;
  ASSERT_TRUE(client().info(&info, &error)) << error;
  EXPECT_GT(info.counters.cobs_invalid + info.counters.too_short + info.counters.bad_crc, 500u);
}

}  // namespace
}  // namespace tinyinfer::link_test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new tinyinfer::link_test::QemuBoard);
  return RUN_ALL_TESTS();
}
