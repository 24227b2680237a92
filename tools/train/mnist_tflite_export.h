// Writes the study's MNIST architecture as a float .tflite with the
// project's model writer (src/convert/model_writer.h):
//
//   input [1,28,28,1] (pixel / 255)
//   -> DEPTHWISE_CONV_2D 3x3, multiplier 32, VALID, RELU   [1,26,26,32]
//   -> MAX_POOL_2D 2x2                                      [1,13,13,32]
//   -> CONV_2D 3x3x64, VALID, RELU                          [1,11,11,64]
//   -> MAX_POOL_2D 2x2                                      [1,5,5,64]
//   -> CONV_2D 3x3x64, VALID, RELU                          [1,3,3,64]
//   -> FULLY_CONNECTED 64, RELU  (576 inputs in NHWC order) [1,64]
//   -> FULLY_CONNECTED 10                                   [1,10]
//   -> SOFTMAX                                              [1,10]
//
// The weights arrive already in TFLite layouts; the trainer converts from
// torch's (see train_mnist.cc). No torch here, so this compiles quickly.
#pragma once

#include <string>
#include <vector>

namespace tinyinfer::train {

struct MnistWeights {
  std::vector<float> dw_filter;     // [1,3,3,32]  (1, kh, kw, out)
  std::vector<float> dw_bias;       // [32]
  std::vector<float> conv2_filter;  // [64,3,3,32] (out, kh, kw, in)
  std::vector<float> conv2_bias;    // [64]
  std::vector<float> conv3_filter;  // [64,3,3,64]
  std::vector<float> conv3_bias;    // [64]
  std::vector<float> fc1_weights;   // [64,576]    (units, h*3*64 + w*64 + c)
  std::vector<float> fc1_bias;      // [64]
  std::vector<float> fc2_weights;   // [10,64]
  std::vector<float> fc2_bias;      // [10]
};

constexpr const char* kMnistModelDescription = "tinyinfer MNIST (trained by tools/train)";

// Builds, serializes, verifies (Model::load of the written bytes) and writes
// the model to `path`. Returns false with a message on any failure.
bool export_mnist_tflite(const MnistWeights& weights, const std::string& path, std::string* error);

// Runs the float .tflite at `path` with the engine's reference kernels on
// `count` images (784 floats each) and returns their 10 probabilities each:
// the trainer compares these with torch's to prove the export.
bool run_exported_model(const std::string& path, const float* images, int count, std::vector<float>* probabilities,
                        std::string* error);

}  // namespace tinyinfer::train
