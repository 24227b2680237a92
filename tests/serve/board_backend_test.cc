// The board backend over a fake BoardLink, and the tensor codec it shares
// with the host backend: the board gets its model's input bytes (float or
// quantized), its raw output is dequantized, its argmax is its answer, and a
// board that is not running a digit model or stops answering is reported.
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "board_digit_backend.h"
#include "digit_tensor_codec.h"

namespace tinyinfer::digit {
namespace {

TensorEncoding int8_encoding(int64_t elements, float scale, int32_t zero_point) {
  TensorEncoding e;
  e.type = DataType::kInt8;
  e.elements = elements;
  e.scale = scale;
  e.zero_point = zero_point;
  return e;
}

TEST(DigitTensorCodec, QuantizesLikeTflite) {
  // Scale 1/256 is exact in binary, so the halves below are real halves.
  float image[kMnistPixels] = {};
  image[0] = 1.0f;           // 256 - 128 = 128, clamped to 127
  image[1] = 0.5f;           // 128 - 128
  image[2] = 2.0f / 256.0f;  // 2 - 128
  image[3] = 0.5f / 256.0f;  // 0.5 rounds away from zero: 1 - 128
  std::vector<uint8_t> bytes;
  encode_digit_input(image, int8_encoding(kMnistPixels, 1.0f / 256.0f, -128), &bytes);
  ASSERT_EQ(bytes.size(), static_cast<std::size_t>(kMnistPixels));
  EXPECT_EQ(static_cast<int8_t>(bytes[0]), 127);
  EXPECT_EQ(static_cast<int8_t>(bytes[1]), 0);
  EXPECT_EQ(static_cast<int8_t>(bytes[2]), -126);
  EXPECT_EQ(static_cast<int8_t>(bytes[3]), -127);
  EXPECT_EQ(static_cast<int8_t>(bytes[4]), -128);
  TensorEncoding u8 = int8_encoding(kMnistPixels, 1.0f / 256.0f, 0);
  u8.type = DataType::kUInt8;
  encode_digit_input(image, u8, &bytes);
  EXPECT_EQ(bytes[0], 255);
  EXPECT_EQ(bytes[1], 128);
  TensorEncoding f;
  f.type = DataType::kFloat32;
  f.elements = kMnistPixels;
  encode_digit_input(image, f, &bytes);
  ASSERT_EQ(bytes.size(), 4u * kMnistPixels);
  float second = 0;
  std::memcpy(&second, bytes.data() + 4, 4);
  EXPECT_EQ(second, 0.5f);
}

TEST(DigitTensorCodec, DequantizesOutputsAndFindsTheArgmax) {
  const TensorEncoding out = int8_encoding(10, 1.0f / 256.0f, -128);
  uint8_t raw[10];
  for (int i = 0; i < 10; ++i) raw[i] = static_cast<uint8_t>(static_cast<int8_t>(-128));
  raw[6] = static_cast<uint8_t>(static_cast<int8_t>(127));
  float p[10];
  int digit = -1;
  std::string error;
  ASSERT_TRUE(decode_digit_output(raw, 10, out, p, &digit, &error)) << error;
  EXPECT_EQ(digit, 6);
  EXPECT_FLOAT_EQ(p[6], 255.0f / 256.0f);
  EXPECT_FLOAT_EQ(p[0], 0.0f);
  EXPECT_FALSE(decode_digit_output(raw, 9, out, p, &digit, &error));
  EXPECT_NE(error.find("output is 9 bytes; 10 int8 values are 10"), std::string::npos) << error;
}

TEST(DigitTensorCodec, RefusesTensorsThatAreNoDigit) {
  std::string error;
  EXPECT_FALSE(check_digit_input(int8_encoding(1024, 0.1f, 0), &error));
  EXPECT_NE(error.find("1024 elements; a digit input needs 784"), std::string::npos) << error;
  EXPECT_FALSE(check_digit_output(int8_encoding(10, 0.0f, 0), &error));
  EXPECT_NE(error.find("no usable quantization scale"), std::string::npos) << error;
  TensorEncoding i16 = int8_encoding(10, 0.1f, 0);
  i16.type = DataType::kInt16;
  EXPECT_FALSE(check_digit_output(i16, &error));
  EXPECT_NE(error.find("float32, int8 and uint8"), std::string::npos) << error;
}

struct FakeLinkLog {
  std::vector<uint8_t> last_input;
  int infers = 0;
};

class FakeLink : public BoardLink {
 public:
  FakeLink(FakeLinkLog* log, BoardLinkInfo info, bool answers = true) : log_(log), info_(info), answers_(answers) {}
  bool info(BoardLinkInfo* info, std::string*) override {
    *info = info_;
    return true;
  }
  bool infer(const std::vector<uint8_t>& input, BoardLinkResult* result, std::string* error) override {
    ++log_->infers;
    log_->last_input = input;
    if (!answers_) {
      *error = "no reply within 5 s";
      return false;
    }
    result->output.assign(10, static_cast<uint8_t>(static_cast<int8_t>(-128)));
    result->output[4] = 100;
    result->argmax = 4;
    result->total_count = 4430440;
    result->layers = {{"DEPTHWISE_CONV_2D", 400000}, {"SOFTMAX", 640}};
    result->microseconds = 4430.4;
    return true;
  }

 private:
  FakeLinkLog* log_;
  BoardLinkInfo info_;
  bool answers_;
};

BoardLinkInfo qemu_int8_info() {
  BoardLinkInfo info;
  info.board = "qemu-mps2-an500";
  info.firmware_version = "0.1.0";
  info.clock_hz = 25000000;
  info.kernels = "optimized";
  info.model_name = "mnist_int8";
  info.model_sha256 = "ab12";
  info.arena_bytes = 28464;
  info.count_unit = "instructions";
  info.input = int8_encoding(kMnistPixels, 1.0f / 255.0f, -128);
  info.output = int8_encoding(10, 1.0f / 256.0f, -128);
  info.ops = {"DEPTHWISE_CONV_2D", "SOFTMAX"};
  return info;
}

TEST(BoardDigitBackend, SendsQuantizedInputAndReportsTheBoardsAnswer) {
  FakeLinkLog log;
  std::unique_ptr<BoardDigitBackend> backend;
  std::string error;
  ASSERT_TRUE(BoardDigitBackend::open(std::make_unique<FakeLink>(&log, qemu_int8_info()), "qemu", &backend, &error))
      << error;
  const BackendDescription d = backend->describe();
  EXPECT_EQ(d.id, "board");
  EXPECT_EQ(d.count_unit, "instructions");
  EXPECT_NE(d.title.find("qemu-mps2-an500"), std::string::npos);
  bool saw_transport = false;
  for (const auto& [label, value] : d.details) saw_transport |= value == "qemu-mps2-an500 over qemu";
  EXPECT_TRUE(saw_transport);

  float image[kMnistPixels] = {};
  image[100] = 1.0f;
  DigitResult result;
  ASSERT_TRUE(backend->classify(image, &result, &error)) << error;
  ASSERT_EQ(log.last_input.size(), static_cast<std::size_t>(kMnistPixels));
  EXPECT_EQ(static_cast<int8_t>(log.last_input[100]), 127);
  EXPECT_EQ(static_cast<int8_t>(log.last_input[0]), -128);
  EXPECT_EQ(result.digit, 4);
  EXPECT_FLOAT_EQ(result.probabilities[4], 228.0f / 256.0f);
  EXPECT_EQ(result.total_count, 4430440u);
  ASSERT_EQ(result.layers.size(), 2u);
  EXPECT_EQ(result.layers[1].op, "SOFTMAX");
  EXPECT_DOUBLE_EQ(result.microseconds, 4430.4);
}

TEST(BoardDigitBackend, ABoardThatStopsAnsweringIsAnErrorNotACrash) {
  FakeLinkLog log;
  std::unique_ptr<BoardDigitBackend> backend;
  std::string error;
  ASSERT_TRUE(BoardDigitBackend::open(std::make_unique<FakeLink>(&log, qemu_int8_info(), /*answers=*/false), "qemu",
                                      &backend, &error));
  float image[kMnistPixels] = {};
  DigitResult result;
  EXPECT_FALSE(backend->classify(image, &result, &error));
  EXPECT_EQ(error, "board did not answer Infer: no reply within 5 s");
}

TEST(BoardDigitBackend, RefusesABoardRunningAnotherModel) {
  FakeLinkLog log;
  BoardLinkInfo info = qemu_int8_info();
  info.model_name = "kws_ref_model";
  info.input = int8_encoding(490, 0.5f, 0);
  std::unique_ptr<BoardDigitBackend> backend;
  std::string error;
  EXPECT_FALSE(BoardDigitBackend::open(std::make_unique<FakeLink>(&log, info), "tcp:localhost:5000", &backend, &error));
  EXPECT_NE(error.find("runs model 'kws_ref_model', not a digit classifier"), std::string::npos) << error;
  EXPECT_NE(error.find("490 elements"), std::string::npos) << error;
}

}  // namespace
}  // namespace tinyinfer::digit
