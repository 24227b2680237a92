// The host client (tools/link) against the device-side LinkServer in this
// process: a transport that hands the client's bytes to the server and the
// server's replies back, with a fake clock for the study's line silence.
// Everything tinyinfer board does, without QEMU.
#include "link_client.h"

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "link/link_server.h"
#include "link_test_device.h"
#include "link_test_models.h"

namespace tinyinfer::link_test {
namespace {

constexpr uint64_t kSilence = 1000;

uint64_t g_ticks = 0;
uint64_t ticks() { return g_ticks += 10; }

struct Device : link_test::DeviceMemory {
  link::LinkServer server;
  std::vector<uint8_t> to_host;
  uint64_t now = 0;
};

void to_host(const uint8_t* data, std::size_t size, void* context) {
  auto* device = static_cast<Device*>(context);
  device->to_host.insert(device->to_host.end(), data, data + size);
}

// Writes go to the server at once; a read with nothing waiting lets the
// line go quiet (the study's end of request), then returns what came back.
class InProcessTransport : public link_client::Transport {
 public:
  explicit InProcessTransport(Device* device) : device_(device) {}
  bool write(const uint8_t* data, std::size_t size, std::string*) override {
    device_->server.feed(data, size, ++device_->now);
    return true;
  }
  bool read(std::vector<uint8_t>* out, int, std::string*) override {
    if (device_->to_host.empty()) {
      device_->now += kSilence;
      device_->server.poll(device_->now);
    }
    out->insert(out->end(), device_->to_host.begin(), device_->to_host.end());
    device_->to_host.clear();
    return true;
  }
  std::string describe() const override { return "in-process LinkServer"; }

 private:
  Device* device_;
};

class LinkClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    device_ = std::make_unique<Device>();
    link::LinkServerConfig config;
    std::string error;
    ASSERT_TRUE(link_test::serve_builtin_model(*device_, &config, &builtin_, &error)) << error;
    config.board = "in-process";
    config.clock_hz = 600000000;
    config.counter_hz = 1000000;  // a clock: microseconds are reported
    config.counter = ticks;
    config.silence_ticks = kSilence;
    config.kernels = KernelChoice::kReference;
    device_->server.init(config, to_host, device_.get());
    link_client::ClientOptions options;
    options.reply_timeout_s = 5;
    client_ = std::make_unique<link_client::LinkClient>(std::make_unique<InProcessTransport>(device_.get()), options);
  }

  std::unique_ptr<Device> device_;
  std::vector<uint8_t> builtin_;
  std::unique_ptr<link_client::LinkClient> client_;
};

TEST_F(LinkClientTest, InfoInferLoadAndTheStudysMessages) {
  std::string error;
  link_client::BoardInfo info;
  ASSERT_TRUE(client_->info(&info, &error)) << error;
  EXPECT_EQ(info.board, "in-process");
  EXPECT_EQ(info.kernel_set, "reference");
  EXPECT_EQ(info.model_name, "mnist_int8");
  EXPECT_EQ(info.model_sha256.size(), 64u);
  ASSERT_EQ(info.inputs.size(), 1u);
  EXPECT_EQ(info.inputs[0].shape, (std::vector<int32_t>{1, 28, 28, 1}));
  EXPECT_EQ(info.slot_bytes, 1u << 20);

  std::vector<uint8_t> input(info.inputs[0].bytes, 0);
  link_client::InferReply reply;
  ASSERT_TRUE(client_->infer(input, &reply, &error)) << error;
  EXPECT_EQ(reply.output.size(), 40u);
  EXPECT_GE(reply.argmax, 0);
  EXPECT_GE(reply.microseconds, 0.0);
  EXPECT_EQ(reply.layer_counts.size(), reply.layer_codes.size());

  // A board error comes back as a message naming it.
  input.pop_back();
  EXPECT_FALSE(client_->infer(input, &reply, &error));
  EXPECT_NE(error.find("BAD_INPUT"), std::string::npos) << error;

  const std::vector<uint8_t> model =
      read_file(std::string(TINYINFER_SOURCE_DIR) + "/models/mnist_float.tflite", &error);
  std::size_t last_progress = 0;
  ASSERT_TRUE(client_->load(model, "float", &error, [&](std::size_t sent, std::size_t) { last_progress = sent; }))
      << error;
  EXPECT_EQ(last_progress, model.size());
  ASSERT_TRUE(client_->info(&info, &error)) << error;
  EXPECT_EQ(info.model_name, "float");
  EXPECT_TRUE(info.model_uploaded);

  link_client::StudyStats stats;
  ASSERT_TRUE(client_->study_stats(&stats, &error)) << error;
  EXPECT_EQ(stats.freq, 600000000u);
  EXPECT_FALSE(stats.cmsis_nn);  // reference kernels
  EXPECT_LE(stats.reply_bytes, 100u);
  link_client::StudyInference result;
  ASSERT_TRUE(client_->study_infer(std::vector<float>(784, 0.5f), &result, &error)) << error;
  EXPECT_EQ(result.reply_bytes, 92u);
  EXPECT_EQ(result.outputs.size(), 10u);
  EXPECT_FALSE(client_->study_infer(std::vector<float>(10, 0.5f), &result, &error));
  EXPECT_NE(error.find("784"), std::string::npos) << error;
}

TEST_F(LinkClientTest, ARefusedUploadSaysWhy) {
  std::string error;
  const std::vector<uint8_t> too_big((1 << 20) + 16, 0x42);
  EXPECT_FALSE(client_->load(too_big, "big", &error));
  EXPECT_NE(error.find("UPLOAD_TOO_LARGE"), std::string::npos) << error;
  EXPECT_NE(error.find("1048592"), std::string::npos) << error;
}

TEST(LinkTransport, BadSpecsAreUsageErrors) {
  std::string error;
  link_client::ClientOptions options;
  EXPECT_EQ(link_client::open_transport("tcp:nohostport", options, &error), nullptr);
  EXPECT_NE(error.find("tcp:HOST:PORT"), std::string::npos) << error;
  EXPECT_EQ(link_client::open_transport("COM3", options, &error), nullptr);
  EXPECT_NE(error.find("qemu"), std::string::npos) << error;
  EXPECT_EQ(link_client::open_transport("/dev/null", options, &error), nullptr);
  EXPECT_NE(error.find("not a serial port"), std::string::npos) << error;
  options.baud = 12345;
  EXPECT_EQ(link_client::open_transport("/dev/ttyS0", options, &error), nullptr);
  EXPECT_NE(error.find("--baud 12345"), std::string::npos) << error;
}

}  // namespace
}  // namespace tinyinfer::link_test
