// Boots each of the study's four firmware configurations in QEMU
// (mps2-an500, Cortex-M7) and checks the shell end to end: banner, key 1
// (dims and types), key 2 (class 8, every layer of the model in order, total =
// sum of layers), and that garbage on the UART gets one error reply and
// leaves the shell working.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "m7_runner.h"
#include "tinyinfer/model.h"

namespace tinyinfer::cli::m7 {
namespace {

struct Config {
  const char* model;
  const char* kernels;
  const char* elf;
};

const Config kConfigs[] = {
    {"uncompressed", "reference", TINYINFER_FIRMWARE_UNCOMPRESSED_REFERENCE},
    {"uncompressed", "optimized", TINYINFER_FIRMWARE_UNCOMPRESSED_OPTIMIZED},
    {"compressed", "reference", TINYINFER_FIRMWARE_COMPRESSED_REFERENCE},
    {"compressed", "optimized", TINYINFER_FIRMWARE_COMPRESSED_OPTIMIZED},
};

// Test names and messages show "uncompressed/reference", not raw bytes.
void PrintTo(const Config& config, std::ostream* out) { *out << config.model << "/" << config.kernels; }

// Op names of the model file, in execution order, read with the host engine.
std::vector<std::string> model_op_names(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::vector<std::max_align_t> aligned((bytes.size() + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t));
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  Model model;
  const Status status = Model::load(aligned.data(), bytes.size(), &model);
  EXPECT_TRUE(status.is_ok()) << path << ": " << status.message();
  std::vector<std::string> names;
  if (!status.is_ok()) return names;
  for (int32_t i = 0; i < model.op_count(); ++i) names.push_back(op_code_name(model.op(i).builtin_code).text);
  return names;
}

class Firmware : public ::testing::TestWithParam<Config> {
 protected:
  void SetUp() override {
    QemuOptions options;
    options.qemu = TINYINFER_QEMU_ARM;
    options.boot_timeout_s = 30;
    options.command_timeout_s = 60;
    std::string error;
    ASSERT_TRUE(session_.start(GetParam().elf, options, &error)) << error;
  }

  std::string command(const std::string& keys) {
    std::string reply, error;
    EXPECT_TRUE(session_.command(keys, &reply, &error)) << error;
    return reply;
  }

  // Key 2 and every check on its report.
  void expect_inference_of_an_8() {
    InferenceResult r;
    std::string error;
    const std::string reply = command("2");
    ASSERT_TRUE(parse_inference(reply, &r, &error)) << error;
    EXPECT_EQ(r.unit, "instructions");
    EXPECT_EQ(r.predicted, 8) << reply;
    ASSERT_EQ(r.outputs.size(), 10u);
    EXPECT_GT(r.outputs[8], 0.5);
    EXPECT_NEAR(std::accumulate(r.outputs.begin(), r.outputs.end(), 0.0), 1.0, 1e-4);

    const std::vector<std::string> ops =
        model_op_names(std::string(TINYINFER_STUDY_MODELS_DIR) + "/mnist_" + GetParam().model + ".tflite");
    ASSERT_EQ(r.layers.size(), ops.size()) << reply;
    uint64_t sum = 0;
    for (std::size_t i = 0; i < ops.size(); ++i) {
      EXPECT_EQ(r.layers[i].op, ops[i]) << "layer " << i;
      EXPECT_GT(r.layers[i].count, 0u) << "layer " << i;
      sum += r.layers[i].count;
    }
    EXPECT_EQ(r.total, sum);
    EXPECT_GT(r.total, 1000000u);  // a CNN on 28x28 is millions of instructions
  }

  QemuSession session_;
};

TEST_P(Firmware, BannerNamesBoardModelKernelsAndUnit) {
  BannerInfo b;
  std::string error;
  ASSERT_TRUE(parse_banner(session_.banner(), &b, &error)) << error;
  EXPECT_EQ(b.board, "qemu-mps2-an500");
  EXPECT_EQ(b.model, GetParam().model);
  EXPECT_EQ(b.kernels, GetParam().kernels);
  EXPECT_EQ(b.counter_unit, "instructions");
  EXPECT_TRUE(b.error.empty()) << b.error;
  EXPECT_GT(b.arena_used, 0);
  EXPECT_LE(b.arena_used, b.arena_size);
}

TEST_P(Firmware, Key1ReportsInputAndOutputDims) {
  ModelDetails d;
  std::string error;
  ASSERT_TRUE(parse_model_details(command("1"), &d, &error)) << error;
  EXPECT_EQ(dims_text(d.input.dims), "1x28x28x1");
  EXPECT_EQ(d.input.type, "float32");
  EXPECT_EQ(dims_text(d.output.dims), "1x10");
  EXPECT_EQ(d.output.type, "float32");
  EXPECT_EQ(d.kernels, GetParam().kernels);
  EXPECT_EQ(d.counter_unit, "instructions");
  EXPECT_GT(d.arena_used, 0);
  EXPECT_LE(d.arena_used, d.arena_size);
}

TEST_P(Firmware, Key2ClassifiesTheBuiltInDigitAs8WithEveryLayer) { expect_inference_of_an_8(); }

TEST_P(Firmware, LineEndingsAreOptionalAndHelpAnswers) {
  EXPECT_NE(command("h\r\n").find("Keys"), std::string::npos);
  EXPECT_NE(command("?").find("Keys"), std::string::npos);
  ModelDetails d;
  std::string error;
  EXPECT_TRUE(parse_model_details(command("\r\n1\n"), &d, &error)) << error;
  const std::string reply = command("x\n");
  EXPECT_EQ(reply.rfind("error: unknown key 'x'", 0), 0u) << reply;
  EXPECT_EQ(std::count(reply.begin(), reply.end(), '\n'), 1) << reply;
}

TEST_P(Firmware, GarbageLineGetsOneErrorAndTheShellStillRunsInference) {
  // 500 random bytes (fixed seed): one line, so no CR/LF inside, and its
  // first byte is not a key (a key there would simply be obeyed).
  std::mt19937 random(20240601);
  std::string garbage;
  for (int i = 0; i < 500; ++i) {
    char byte = static_cast<char>(random());
    if (byte == '\r' || byte == '\n') byte = '\x7f';
    garbage.push_back(byte);
  }
  garbage[0] = '\xff';
  const std::string reply = command(garbage + "\n");
  EXPECT_EQ(reply.rfind("error: unknown key 0xff", 0), 0u) << reply;
  EXPECT_EQ(std::count(reply.begin(), reply.end(), '\n'), 1) << "exactly one reply line: " << reply;
  expect_inference_of_an_8();
  // And twice in a row, without a line ending after the garbage's key byte
  // reply: the next line still works.
  EXPECT_EQ(command("\x01\x03\x1b[A\n").rfind("error: unknown key 0x1", 0), 0u);
  ModelDetails d;
  std::string error;
  EXPECT_TRUE(parse_model_details(command("1"), &d, &error)) << error;
}

INSTANTIATE_TEST_SUITE_P(Study, Firmware, ::testing::ValuesIn(kConfigs),
                         [](const ::testing::TestParamInfo<Config>& info) {
                           return std::string(info.param.model) + "_" + info.param.kernels;
                         });

}  // namespace
}  // namespace tinyinfer::cli::m7
