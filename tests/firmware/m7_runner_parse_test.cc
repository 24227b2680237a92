// Parsers of tools/cli/m7_runner.cc on replies captured from the firmware.
#include <gtest/gtest.h>

#include "m7_runner.h"

namespace tinyinfer::cli::m7 {
namespace {

constexpr const char kBanner[] =
    "\ntinyinfer 0.1.0 benchmark firmware\n"
    "Board: qemu-mps2-an500\n"
    "Model: uncompressed (mnist_uncompressed.tflite, 375740 bytes)\n"
    "Kernels: reference\n"
    "Counter: instructions\n"
    "Arena: 114128 of 262144 bytes used\n"
    "Keys: 1 = model details, 2 = inference on the built-in handwritten 8, h = help\n";

constexpr const char kDetails[] =
    "Model input:\ndims->size: 4\ndims->data[0]: 1\ndims->data[1]: 28\ndims->data[2]: 28\n"
    "dims->data[3]: 1\ninput->type: float32\n\n"
    "Model output:\ndims->size: 2\ndims->data[0]: 1\ndims->data[1]: 10\noutput->type: float32\n\n"
    "Model: uncompressed (mnist_uncompressed.tflite, 375740 bytes), 8 ops, kernels: reference\n"
    "Arena: 114128 of 262144 bytes used\nCounter: instructions\n";

constexpr const char kInference[] =
    "Running inference...\n"
    "DEPTHWISE_CONV_2D: 7246400 instructions\n"
    "MAX_POOL_2D: 532080 instructions\n"
    "CONV_2D: 14143320 instructions\n"
    "SOFTMAX: 640 instructions\n"
    "Done in 21922440 instructions\n"
    "Out[0]: 0.000000\nOut[1]: 0.250000\nOut[2]: 0.749999\n"
    "Predicted: 2\n";

TEST(M7RunnerParse, Banner) {
  BannerInfo info;
  std::string error;
  ASSERT_TRUE(parse_banner(kBanner, &info, &error)) << error;
  EXPECT_EQ(info.board, "qemu-mps2-an500");
  EXPECT_EQ(info.model, "uncompressed");
  EXPECT_EQ(info.model_file, "mnist_uncompressed.tflite");
  EXPECT_EQ(info.model_bytes, 375740);
  EXPECT_EQ(info.kernels, "reference");
  EXPECT_EQ(info.counter_unit, "instructions");
  EXPECT_EQ(info.arena_used, 114128);
  EXPECT_EQ(info.arena_size, 262144);
  EXPECT_TRUE(info.error.empty());
  EXPECT_FALSE(parse_banner("garbage\n", &info, &error));
}

TEST(M7RunnerParse, ModelDetails) {
  ModelDetails d;
  std::string error;
  ASSERT_TRUE(parse_model_details(kDetails, &d, &error)) << error;
  EXPECT_EQ(dims_text(d.input.dims), "1x28x28x1");
  EXPECT_EQ(d.input.type, "float32");
  EXPECT_EQ(dims_text(d.output.dims), "1x10");
  EXPECT_EQ(d.output.type, "float32");
  EXPECT_EQ(d.op_count, 8);
  EXPECT_EQ(d.kernels, "reference");
  EXPECT_EQ(d.arena_used, 114128);
  EXPECT_EQ(d.counter_unit, "instructions");
  EXPECT_FALSE(parse_model_details("error: model not ready: bad\n", &d, &error));
  EXPECT_EQ(error, "error: model not ready: bad");
}

TEST(M7RunnerParse, Inference) {
  InferenceResult r;
  std::string error;
  ASSERT_TRUE(parse_inference(kInference, &r, &error)) << error;
  ASSERT_EQ(r.layers.size(), 4u);
  EXPECT_EQ(r.layers[0].op, "DEPTHWISE_CONV_2D");
  EXPECT_EQ(r.layers[0].count, 7246400u);
  EXPECT_EQ(r.layers[3].op, "SOFTMAX");
  EXPECT_EQ(r.total, 21922440u);
  EXPECT_EQ(r.unit, "instructions");
  ASSERT_EQ(r.outputs.size(), 3u);
  EXPECT_DOUBLE_EQ(r.outputs[1], 0.25);
  EXPECT_EQ(r.predicted, 2);
}

TEST(M7RunnerParse, SiliconStyleLinesWithMilliseconds) {
  InferenceResult r;
  std::string error;
  ASSERT_TRUE(
      parse_inference("Running inference...\nCONV_2D: 600000 cycles (1.000 ms)\n"
                      "Done in 600000 cycles (1.000 ms)\nOut[0]: 1.000000\nPredicted: 0\n",
                      &r, &error))
      << error;
  EXPECT_EQ(r.unit, "cycles");
  EXPECT_EQ(r.layers[0].count, 600000u);
}

// An image with an embedded golden case prints the comparison after the prediction.
TEST(M7RunnerParse, GoldenCaseLine) {
  InferenceResult r;
  std::string error;
  const char* line = "Golden case 0: output 0 matches TFLite Micro's (2 values, byte for byte)";
  ASSERT_TRUE(parse_inference(std::string("Running inference...\nSVDF: 40 instructions\nDone in 40 instructions\n"
                                          "Out[0]: 0.500015\nOut[1]: 0.500015\nPredicted: 0\n") +
                                  line + "\n",
                              &r, &error))
      << error;
  EXPECT_EQ(r.golden, line);
  EXPECT_EQ(r.predicted, 0);
  InferenceResult plain;
  ASSERT_TRUE(
      parse_inference("Running inference...\nCONV_2D: 1 instructions\nDone in 1 instructions\n"
                      "Out[0]: 1.000000\nPredicted: 0\n",
                      &plain, &error))
      << error;
  EXPECT_TRUE(plain.golden.empty());
}

TEST(M7RunnerParse, RejectsBrokenReports) {
  InferenceResult r;
  std::string error;
  EXPECT_FALSE(parse_inference("Running inference...\nerror: inference failed: x\n", &r, &error));
  EXPECT_FALSE(parse_inference("Running inference...\nCONV_2D: 1 instructions\n", &r, &error));
  EXPECT_FALSE(
      parse_inference("Running inference...\nCONV_2D: 1 instructions\nDone in 1 cycles\n"
                      "Predicted: 0\n",
                      &r, &error));
  EXPECT_FALSE(
      parse_inference("Running inference...\nCONV_2D: x instructions\nDone in 1 instructions\n"
                      "Predicted: 0\n",
                      &r, &error));
  EXPECT_FALSE(
      parse_inference("Running inference...\nDone in 99999999999999999999999 instructions\n"
                      "Predicted: 0\n",
                      &r, &error));
  EXPECT_FALSE(parse_inference("", &r, &error));
}

}  // namespace
}  // namespace tinyinfer::cli::m7
