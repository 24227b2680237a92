// The device-side LinkServer on the host, on the real engine: every message
// of both protocols, uploads that fail, and garbage between requests.
#include "link/link_server.h"

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
#include "link/study_protocol_generated.h"
#include "link_test_device.h"
#include "link_test_models.h"

namespace tinyinfer::link {
namespace {

constexpr uint64_t kSilence = 1000;  // ticks of the fake clock

uint64_t g_fake_counter = 0;
uint64_t fake_counter() { return g_fake_counter += 100; }

std::string model_path(const char* name) { return std::string(TINYINFER_SOURCE_DIR) + "/models/" + name; }

// The server and everything it uses, too big for the stack.
struct Device : link_test::DeviceMemory {
  LinkServer server;
  std::vector<uint8_t> line;  // everything the server wrote
  uint64_t now = 0;
};

void collect(const uint8_t* data, std::size_t size, void* context) {
  auto* device = static_cast<Device*>(context);
  device->line.insert(device->line.end(), data, data + size);
}

struct Reply {
  FrameType type = FrameType::kError;
  uint16_t seq = 0;
  std::vector<uint8_t> payload;
};

class LinkServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    device_ = std::make_unique<Device>();
    LinkServerConfig config;
    std::string error;
    ASSERT_TRUE(link_test::serve_builtin_model(*device_, &config, &builtin_, &error)) << error;
    config.board = "host";
    config.clock_hz = 25000000;
    config.counter_hz = 0;
    config.counter = fake_counter;
    config.silence_ticks = kSilence;
    config.kernels = KernelChoice::kOptimized;
    device_->server.init(config, collect, device_.get());
    ASSERT_TRUE(device_->server.model_ready()) << device_->server.model_status().message();
  }

  void send_bytes(const std::vector<uint8_t>& bytes) {
    device_->server.feed(bytes.data(), bytes.size(), device_->now);
    device_->now += 1;
  }
  void send(FrameType type, uint16_t seq, const uint8_t* payload, std::size_t size) {
    std::vector<uint8_t> wire(kMaxWireFrameBytes);
    wire.resize(encode_frame(type, seq, payload, size, wire.data(), wire.size()));
    ASSERT_FALSE(wire.empty());
    send_bytes(wire);
  }
  void send(FrameType type, uint16_t seq, flatbuffers::FlatBufferBuilder& fbb) {
    send(type, seq, fbb.GetBufferPointer(), fbb.GetSize());
  }
  // Lets the line go quiet (a study request ends here).
  void silence() {
    device_->now += kSilence;
    device_->server.poll(device_->now);
  }
  // Every frame the server wrote since the last call.
  std::vector<Reply> replies() {
    static FrameDecoder decoder;
    std::vector<Reply> out;
    for (uint8_t b : device_->line) {
      const FrameEvent event = decoder.feed(b);
      EXPECT_TRUE(event == FrameEvent::kNone || event == FrameEvent::kFrame) << frame_event_name(event);
      if (event != FrameEvent::kFrame) continue;
      out.push_back({decoder.frame_type(), decoder.seq(),
                     std::vector<uint8_t>(decoder.payload(), decoder.payload() + decoder.payload_size())});
    }
    device_->line.clear();
    return out;
  }
  Reply one_reply() {
    std::vector<Reply> all = replies();
    EXPECT_EQ(all.size(), 1u);
    return all.empty() ? Reply() : all.front();
  }
  template <typename T>
  const T* verified(const Reply& reply) {
    flatbuffers::Verifier verifier(reply.payload.data(), reply.payload.size());
    EXPECT_TRUE(verifier.VerifyBuffer<T>(nullptr));
    return flatbuffers::GetRoot<T>(reply.payload.data());
  }
  std::string error_of(const Reply& reply, ErrorCode expected) {
    EXPECT_EQ(reply.type, FrameType::kError);
    if (reply.type != FrameType::kError) return "";
    const Error* error = verified<Error>(reply);
    EXPECT_EQ(error->code(), expected) << (error->message() ? error->message()->str() : "");
    return error->message() ? error->message()->str() : "";
  }

  const InfoReply* info(uint16_t seq) {
    send(FrameType::kInfoRequest, seq, nullptr, 0);
    info_reply_ = one_reply();
    EXPECT_EQ(info_reply_.type, FrameType::kInfoReply);
    EXPECT_EQ(info_reply_.seq, seq);
    return verified<InfoReply>(info_reply_);
  }

  // Infers on a blank digit (float32 0) except one stroke (1.0f); returns
  // the reply. Other sizes than the model's 784 floats test the errors.
  Reply infer(uint16_t seq, std::size_t input_bytes = 784 * 4) {
    std::vector<uint8_t> input(input_bytes, 0);
    const float one = 1.0f;
    for (std::size_t i = 300; i < 320 && 4 * i + 4 <= input_bytes; ++i) std::memcpy(&input[4 * i], &one, 4);
    flatbuffers::FlatBufferBuilder fbb;
    fbb.Finish(CreateInferRequest(fbb, fbb.CreateVector(input)));
    send(FrameType::kInferRequest, seq, fbb);
    return one_reply();
  }

  // A whole upload; returns the last reply (commit's LoadReply or an Error).
  Reply upload(const std::vector<uint8_t>& model, uint32_t crc, std::size_t send_bytes_count, uint16_t seq) {
    flatbuffers::FlatBufferBuilder begin;
    begin.Finish(CreateLoadBegin(begin, begin.CreateString("upload"), static_cast<uint32_t>(model.size()), crc));
    send(FrameType::kLoadBegin, seq++, begin);
    Reply reply = one_reply();
    if (reply.type != FrameType::kLoadReply) return reply;
    for (std::size_t at = 0; at < send_bytes_count; at += kMaxChunkBytes) {
      const std::size_t n = std::min(kMaxChunkBytes, send_bytes_count - at);
      flatbuffers::FlatBufferBuilder chunk;
      chunk.Finish(CreateLoadChunk(chunk, static_cast<uint32_t>(at), chunk.CreateVector(model.data() + at, n)));
      send(FrameType::kLoadChunk, seq++, chunk);
      reply = one_reply();
      if (reply.type != FrameType::kLoadReply) return reply;
      EXPECT_EQ(verified<LoadReply>(reply)->received(), at + n);
    }
    send(FrameType::kLoadCommit, seq, nullptr, 0);
    return one_reply();
  }

  std::unique_ptr<Device> device_;
  std::vector<uint8_t> builtin_;
  Reply info_reply_;
};

TEST_F(LinkServerTest, InfoDescribesBoardModelAndTensors) {
  const InfoReply* reply = info(5);
  EXPECT_EQ(reply->board()->str(), "host");
  EXPECT_EQ(reply->clock_hz(), 25000000u);
  EXPECT_EQ(reply->kernel_set()->str(), "optimized");
  EXPECT_EQ(reply->model_name()->str(), "mnist_int8");
  EXPECT_EQ(reply->model_bytes(), builtin_.size());
  EXPECT_FALSE(reply->model_uploaded());
  ASSERT_EQ(reply->model_sha256()->size(), 32u);
  ASSERT_EQ(reply->inputs()->size(), 1u);
  // Our int8 model keeps float32 at its edges (QUANTIZE / DEQUANTIZE inside).
  const TensorDetails* input = reply->inputs()->Get(0);
  EXPECT_EQ(input->dtype()->str(), "float32");
  ASSERT_EQ(input->shape()->size(), 4u);
  EXPECT_EQ(input->shape()->Get(1), 28);
  EXPECT_EQ(input->bytes(), 784u * 4);
  EXPECT_EQ(reply->outputs()->Get(0)->bytes(), 40u);
  EXPECT_EQ(reply->outputs()->Get(0)->dtype()->str(), "float32");
  EXPECT_GT(reply->arena_used(), 0u);
  EXPECT_EQ(reply->slot_bytes(), 1u << 20);
  EXPECT_GT(reply->ops()->size(), 0u);
  EXPECT_EQ(reply->max_payload(), kMaxPayloadBytes);
}

TEST_F(LinkServerTest, InferReturnsOutputsArgmaxAndLayerCounts) {
  const Reply reply = infer(9);
  ASSERT_EQ(reply.type, FrameType::kInferResult);
  EXPECT_EQ(reply.seq, 9);
  const InferResult* result = verified<InferResult>(reply);
  ASSERT_EQ(result->output()->size(), 40u);
  float out[10];
  std::memcpy(out, result->output()->data(), sizeof out);
  int best = 0;
  for (int i = 1; i < 10; ++i)
    if (out[i] > out[best]) best = i;
  EXPECT_EQ(result->argmax(), best);
  ASSERT_GT(result->layer_counts()->size(), 0u);
  EXPECT_EQ(result->layer_counts()->size(), result->layer_codes()->size());
  uint64_t sum = 0;
  for (uint64_t c : *result->layer_counts()) sum += c;
  EXPECT_EQ(result->total(), sum);
  EXPECT_EQ(result->unit()->str(), "ticks");
  EXPECT_LT(result->microseconds(), 0.0);  // the fake counter is no clock
}

TEST_F(LinkServerTest, WrongInputSizeIsAnErrorNamingTheSizes) {
  const std::string message = error_of(infer(3, 783), ErrorCode::BAD_INPUT);
  EXPECT_NE(message.find("783"), std::string::npos) << message;
  EXPECT_NE(message.find("3136"), std::string::npos) << message;
}

TEST_F(LinkServerTest, UnknownTypeAndBadPayloadGetErrors) {
  send(static_cast<FrameType>(0x42), 77, nullptr, 0);
  Reply reply = one_reply();
  EXPECT_EQ(reply.seq, 77);
  error_of(reply, ErrorCode::UNKNOWN_TYPE);
  const uint8_t junk[] = {0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3};
  send(FrameType::kInferRequest, 78, junk, sizeof junk);
  reply = one_reply();
  EXPECT_EQ(reply.seq, 78);
  error_of(reply, ErrorCode::BAD_PAYLOAD);
}

TEST_F(LinkServerTest, OversizedFrameGetsAnErrorAndBadFramesAreDroppedSilently) {
  std::vector<uint8_t> long_line(kMaxEncodedFrameBytes + 1, 0x33);
  long_line.push_back(0);
  send_bytes(long_line);
  error_of(one_reply(), ErrorCode::OVERSIZED_FRAME);
  send_bytes({0x09, 0x11, 0x00});              // COBS invalid
  send_bytes({0x03, 0x01, 0x02, 0x00});        // too short
  send_bytes({0x08, 1, 2, 3, 4, 5, 6, 7, 0});  // bad CRC
  EXPECT_TRUE(replies().empty());
  const InfoReply* reply = info(1);
  EXPECT_EQ(reply->counters()->oversized(), 1u);
  EXPECT_EQ(reply->counters()->cobs_invalid(), 1u);
  EXPECT_EQ(reply->counters()->too_short(), 1u);
  EXPECT_EQ(reply->counters()->bad_crc(), 1u);
}

// ---- uploads ----------------------------------------------------------------------

TEST_F(LinkServerTest, UploadReplacesTheModelAndInfoSaysSo) {
  std::string error;
  const std::vector<uint8_t> model = link_test::read_file(model_path("mnist_float.tflite"), &error);
  ASSERT_FALSE(model.empty()) << error;
  const Reply done = upload(model, crc32(model.data(), model.size()), model.size(), 100);
  ASSERT_EQ(done.type, FrameType::kLoadReply);
  EXPECT_TRUE(verified<LoadReply>(done)->committed());
  const InfoReply* reply = info(2);
  EXPECT_TRUE(reply->model_uploaded());
  EXPECT_EQ(reply->model_name()->str(), "upload");
  EXPECT_EQ(reply->model_bytes(), model.size());
  EXPECT_EQ(reply->inputs()->Get(0)->dtype()->str(), "float32");
  error_of(infer(3, 784), ErrorCode::BAD_INPUT);
  EXPECT_EQ(infer(4).type, FrameType::kInferResult);
  // A second upload goes beside the first in the slot; then a third.
  for (const char* name : {"mnist_int8.tflite", "mnist_hybrid.tflite"}) {
    const std::vector<uint8_t> next = link_test::read_file(model_path(name), &error);
    ASSERT_EQ(upload(next, crc32(next.data(), next.size()), next.size(), 200).type, FrameType::kLoadReply) << name;
    EXPECT_EQ(info(5)->model_bytes(), next.size());
  }
}

class FailedUploadTest : public LinkServerTest {
 protected:
  // The built-in int8 model still answers, bit for bit as before.
  void expect_old_model_answers(const std::vector<uint8_t>& before) {
    const InfoReply* reply = info(50);
    EXPECT_FALSE(reply->model_uploaded());
    EXPECT_EQ(reply->model_name()->str(), "mnist_int8");
    const Reply after = infer(51);
    ASSERT_EQ(after.type, FrameType::kInferResult);
    const InferResult* result = verified<InferResult>(after);
    EXPECT_EQ(std::vector<uint8_t>(result->output()->begin(), result->output()->end()), before);
  }
  std::vector<uint8_t> outputs_now() {
    const Reply reply = infer(49);
    const InferResult* result = verified<InferResult>(reply);
    return std::vector<uint8_t>(result->output()->begin(), result->output()->end());
  }
};

TEST_F(FailedUploadTest, BadCrcKeepsTheOldModel) {
  const std::vector<uint8_t> before = outputs_now();
  std::string error;
  const std::vector<uint8_t> model = link_test::read_file(model_path("mnist_float.tflite"), &error);
  const std::string message =
      error_of(upload(model, crc32(model.data(), model.size()) ^ 1, model.size(), 10), ErrorCode::UPLOAD_BAD_CRC);
  EXPECT_NE(message.find("CRC-32"), std::string::npos) << message;
  expect_old_model_answers(before);
}

TEST_F(FailedUploadTest, TruncatedUploadKeepsTheOldModel) {
  const std::vector<uint8_t> before = outputs_now();
  std::string error;
  const std::vector<uint8_t> model = link_test::read_file(model_path("mnist_float.tflite"), &error);
  const std::string message =
      error_of(upload(model, crc32(model.data(), model.size()), model.size() / 2, 10), ErrorCode::UPLOAD_INCOMPLETE);
  EXPECT_NE(message.find(std::to_string(model.size())), std::string::npos) << message;
  expect_old_model_answers(before);
}

TEST_F(FailedUploadTest, UnsupportedOpKeepsTheOldModel) {
  const std::vector<uint8_t> before = outputs_now();
  std::string error;
  const std::vector<uint8_t> model =
      link_test::with_unsupported_op(link_test::read_file(model_path("mnist_float.tflite"), &error), &error);
  ASSERT_FALSE(model.empty()) << error;
  const Reply reply = upload(model, crc32(model.data(), model.size()), model.size(), 10);
  const std::string message = error_of(reply, ErrorCode::MODEL_UNSUPPORTED);
  EXPECT_NE(message.find("old one stays"), std::string::npos) << message;
  expect_old_model_answers(before);
}

TEST_F(FailedUploadTest, CorruptModelKeepsTheOldModel) {
  const std::vector<uint8_t> before = outputs_now();
  std::string error;
  std::vector<uint8_t> model = link_test::read_file(model_path("mnist_float.tflite"), &error);
  for (std::size_t i = 0; i < 64; ++i) model[i] ^= 0x5A;
  error_of(upload(model, crc32(model.data(), model.size()), model.size(), 10), ErrorCode::MODEL_INVALID);
  expect_old_model_answers(before);
}

TEST_F(FailedUploadTest, TooLargeIsRefusedNamingTheSlotSize) {
  const std::vector<uint8_t> before = outputs_now();
  std::vector<uint8_t> model((1 << 20) + 1, 0x11);
  const std::string message = error_of(upload(model, 0, 0, 10), ErrorCode::UPLOAD_TOO_LARGE);
  EXPECT_NE(message.find("1048577"), std::string::npos) << message;
  EXPECT_NE(message.find("1048576"), std::string::npos) << message;
  expect_old_model_answers(before);
}

TEST_F(FailedUploadTest, ChunksOutOfOrderAndCommitWithoutBeginAreErrors) {
  const std::vector<uint8_t> before = outputs_now();
  send(FrameType::kLoadCommit, 1, nullptr, 0);
  error_of(one_reply(), ErrorCode::UPLOAD_SEQUENCE);
  flatbuffers::FlatBufferBuilder begin;
  begin.Finish(CreateLoadBegin(begin, 0, 100, 0));
  send(FrameType::kLoadBegin, 2, begin);
  EXPECT_EQ(one_reply().type, FrameType::kLoadReply);
  const uint8_t data[10] = {};
  flatbuffers::FlatBufferBuilder chunk;
  chunk.Finish(CreateLoadChunk(chunk, 50, chunk.CreateVector(data, sizeof data)));
  send(FrameType::kLoadChunk, 3, chunk);
  error_of(one_reply(), ErrorCode::UPLOAD_SEQUENCE);
  expect_old_model_answers(before);
}

// ---- the study's protocol -----------------------------------------------------------

std::vector<uint8_t> study_stats_request() {
  flatbuffers::FlatBufferBuilder fbb;
  fbb.Finish(MnistProt::CreateCommands(fbb, MnistProt::Command::CMD_GET_STATS));
  return std::vector<uint8_t>(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
}

std::vector<uint8_t> study_infer_request(const std::vector<float>& digit) {
  flatbuffers::FlatBufferBuilder fbb;
  const auto input = MnistProt::CreateInferenceInput(fbb, fbb.CreateVector(digit));
  fbb.Finish(MnistProt::CreateCommands(fbb, MnistProt::Command::CMD_INFERENCE_INPUT, 0, input));
  return std::vector<uint8_t>(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
}

std::vector<float> a_stroke() {
  std::vector<float> digit(784, 0.0f);
  for (int y = 6; y < 22; ++y) digit[y * 28 + 14] = 1.0f;  // a "1"
  return digit;
}

TEST_F(LinkServerTest, StudyStatsAnsweredAfterSilenceWithinItsSize) {
  const std::vector<uint8_t> request = study_stats_request();
  EXPECT_EQ(request.size(), 12u);  // the size the study's client sends
  send_bytes(request);
  EXPECT_TRUE(device_->line.empty());  // nothing before the line is quiet
  silence();
  ASSERT_FALSE(device_->line.empty());
  EXPECT_LE(device_->line.size(), 100u);
  flatbuffers::Verifier verifier(device_->line.data(), device_->line.size());
  ASSERT_TRUE(verifier.VerifyBuffer<MnistProt::Commands>(nullptr));
  const auto* reply = flatbuffers::GetRoot<MnistProt::Commands>(device_->line.data());
  EXPECT_EQ(reply->cmd(), MnistProt::Command::CMD_GET_STATS);
  ASSERT_NE(reply->stats(), nullptr);
  EXPECT_EQ(reply->stats()->freq(), 25000000u);
  EXPECT_EQ(reply->stats()->mode(), MnistProt::Mode::ACCELERATION_CMSIS_NN);
}

TEST_F(LinkServerTest, StudyInferenceAnsweredIn92Bytes) {
  const std::vector<uint8_t> request = study_infer_request(a_stroke());
  EXPECT_GE(request.size(), 3180u);
  EXPECT_LE(request.size(), 3184u);
  // Delivered in pieces with short gaps: still one request.
  for (std::size_t at = 0; at < request.size(); at += 97) {
    send_bytes(std::vector<uint8_t>(request.begin() + at, request.begin() + std::min(request.size(), at + 97)));
    device_->server.poll(device_->now);
  }
  EXPECT_TRUE(device_->line.empty());
  silence();
  ASSERT_EQ(device_->line.size(), 92u);
  flatbuffers::Verifier verifier(device_->line.data(), device_->line.size());
  ASSERT_TRUE(verifier.VerifyBuffer<MnistProt::Commands>(nullptr));
  const auto* reply = flatbuffers::GetRoot<MnistProt::Commands>(device_->line.data());
  EXPECT_EQ(reply->cmd(), MnistProt::Command::CMD_INFERENCE_OUTPUT);
  ASSERT_NE(reply->ouput(), nullptr);
  ASSERT_EQ(reply->ouput()->output_f()->size(), 10u);
  EXPECT_EQ(reply->ouput()->output_n(), 0);
  EXPECT_GT(reply->ouput()->timer_ms(), 0.0f);
  EXPECT_EQ(device_->server.stats().study_requests, 1u);
}

TEST_F(LinkServerTest, StudyGarbageIsDroppedSilentlyAndTheNextRequestAnswered) {
  std::mt19937 rng(5);
  std::vector<uint8_t> garbage(3000);
  for (auto& b : garbage) b = static_cast<uint8_t>(rng());
  send_bytes(garbage);
  silence();
  std::vector<uint8_t> cut = study_infer_request(a_stroke());
  cut.resize(1500);  // a request cut short is garbage too
  send_bytes(cut);
  silence();
  EXPECT_TRUE(device_->line.empty());
  send_bytes(study_stats_request());
  silence();
  EXPECT_FALSE(device_->line.empty());
  EXPECT_EQ(device_->server.stats().study_requests, 1u);
  EXPECT_EQ(device_->server.stats().study_dropped, 2u);
}

TEST_F(LinkServerTest, AStudyRequestRightAfterALinkReplyIsAnswered) {
  // No silence between a link frame and a study request: the frame ends one
  // burst, the study request is the next.
  send(FrameType::kInfoRequest, 1, nullptr, 0);
  send_bytes(study_stats_request());
  EXPECT_EQ(replies().size(), 1u);  // the InfoReply
  silence();
  EXPECT_FALSE(device_->line.empty());
  EXPECT_EQ(device_->server.stats().study_requests, 1u);
}

TEST_F(LinkServerTest, AStudyRequestFollowedByALinkFrameIsNoStudyRequest) {
  // The frame arrived before the line went quiet: the study bytes before it
  // are dropped with it, only the frame is answered.
  send_bytes(study_stats_request());
  send(FrameType::kInfoRequest, 2, nullptr, 0);
  silence();
  const std::vector<Reply> all = replies();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].type, FrameType::kInfoReply);
  EXPECT_EQ(device_->server.stats().study_requests, 0u);
}

TEST_F(LinkServerTest, ThousandGarbageFramesInterleavedWithRequestsAllAnswered) {
  std::mt19937 rng(1234);
  int answered = 0;
  for (int i = 0; i < 1000; ++i) {
    // A garbage frame: random bytes, maybe with zeros, ended by a delimiter.
    std::vector<uint8_t> garbage(1 + rng() % 300);
    for (auto& b : garbage) b = static_cast<uint8_t>(rng() % 5 == 0 ? 0 : rng());
    garbage.push_back(0);
    send_bytes(garbage);
    for (const Reply& r : replies()) EXPECT_EQ(r.type, FrameType::kError);  // never a false answer
    const uint16_t seq = static_cast<uint16_t>(i);
    if (i % 10 == 0) {
      const Reply reply = infer(seq);
      EXPECT_EQ(reply.type, FrameType::kInferResult);
      EXPECT_EQ(reply.seq, seq);
      answered += reply.type == FrameType::kInferResult;
    } else {
      send(FrameType::kInfoRequest, seq, nullptr, 0);
      const Reply reply = one_reply();
      EXPECT_EQ(reply.type, FrameType::kInfoReply);
      EXPECT_EQ(reply.seq, seq);
      answered += reply.type == FrameType::kInfoReply;
    }
  }
  EXPECT_EQ(answered, 1000);
}

}  // namespace
}  // namespace tinyinfer::link
