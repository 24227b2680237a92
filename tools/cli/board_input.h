// What `tinyinfer board` sends and reads: a board's tensors (from its Info
// reply) as engine Tensors, so the CLI's image and file conversions fill
// them as they fill a host model's input, and the input choices of
// infer / bench / eval (an image, an IDX image, the study's 784 floats).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image_input.h"
#include "link_client.h"
#include "mnist_idx.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer::cli {

struct BoardTensor {
  Tensor tensor;
  float scale = 0.0f;
  int64_t zero_point = 0;
  explicit BoardTensor(const link_client::TensorDetails& details);
  BoardTensor(const BoardTensor&) = delete;
  BoardTensor& operator=(const BoardTensor&) = delete;

  // Elements of this tensor that `bytes` (a board's reply) holds in full.
  int64_t elements_in(const std::vector<uint8_t>& bytes) const;
  // Element i of `bytes` as a real number (dequantized); NaN for a type
  // that has none. i < elements_in(bytes).
  double real_value_in(const std::vector<uint8_t>& bytes, int64_t i) const;
};

// An MNIST image (or any gray image) as the bytes of `input`, resized and
// converted to its geometry as the host CLI does.
bool image_to_input(const Image& image, const Tensor& input, std::vector<uint8_t>* bytes, std::string* error);

// Image `index` of an IDX file.
Image idx_image(const IdxImages& images, int32_t index);

// The study's input: 784 floats pixel/255, 28x28 row-major.
bool image_to_study_digit(const Image& image, std::vector<float>* digit, std::string* error);

// The input of infer/bench: an image file, an IDX image or a raw/npy file.
struct InputChoice {
  std::string image, idx, input;
  int64_t index = -1;
};

// The image of `choice` (its --image or --idx --index) and a description.
bool read_input_image(const InputChoice& choice, Image* image, std::string* description, std::string* error);

}  // namespace tinyinfer::cli
