// The board's tensors as engine Tensors and the CLI's input choices
// (board_input.h).
#include "board_input.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "model_file.h"

namespace tinyinfer::cli {

BoardTensor::BoardTensor(const link_client::TensorDetails& details) {
  for (int t = 0; t <= static_cast<int>(DataType::kFloat64); ++t) {
    if (details.dtype == data_type_name(static_cast<DataType>(t))) tensor.type = static_cast<DataType>(t);
  }
  tensor.shape.rank = static_cast<int32_t>(std::min<std::size_t>(details.shape.size(), kMaxRank));
  for (int32_t i = 0; i < tensor.shape.rank; ++i) tensor.shape.dims[i] = details.shape[i];
  tensor.bytes = details.bytes;
  scale = details.scale;
  zero_point = details.zero_point;
  if (scale > 0.0f) {
    tensor.quant.scales = &scale;
    tensor.quant.zero_points = &zero_point;
    tensor.quant.count = 1;
  }
}

int64_t BoardTensor::elements_in(const std::vector<uint8_t>& bytes) const {
  const std::size_t size = data_type_size(tensor.type);
  if (size == 0) return 0;
  return std::min<int64_t>(tensor.shape.elements(), static_cast<int64_t>(bytes.size() / size));
}

double BoardTensor::real_value_in(const std::vector<uint8_t>& bytes, int64_t i) const {
  Tensor view = tensor;
  view.data = const_cast<uint8_t*>(bytes.data());  // read only: real_value takes a const Tensor
  float value = 0.0f;
  return real_value(view, i, &value) ? value : std::nan("");
}

bool image_to_input(const Image& image, const Tensor& input, std::vector<uint8_t>* bytes, std::string* error) {
  ImageGeometry geometry;
  if (!image_geometry(input, &geometry, error)) return false;
  Image fitted = image;
  std::string method;
  if (geometry.height != image.height || geometry.width != image.width)
    fitted = resize_image(image, geometry.width, geometry.height, &method);
  if (geometry.channels != image.channels) fitted = convert_channels(fitted, geometry.channels);
  bytes->assign(input.bytes, 0);
  return image_to_tensor(fitted, input, bytes->data(), error);
}

Image idx_image(const IdxImages& images, int32_t index) {
  Image image;
  image.width = images.cols;
  image.height = images.rows;
  image.channels = 1;
  const uint8_t* pixels = images.image(index);
  image.pixels.assign(pixels, pixels + static_cast<std::size_t>(images.rows) * images.cols);
  image.source = "MNIST IDX image";
  return image;
}

bool image_to_study_digit(const Image& image, std::vector<float>* digit, std::string* error) {
  BoardTensor input(link_client::TensorDetails{"digit", "float32", {1, 28, 28, 1}, 0.0f, 0, 784 * 4});
  std::vector<uint8_t> bytes;
  if (!image_to_input(image, input.tensor, &bytes, error)) return false;
  digit->resize(784);
  std::memcpy(digit->data(), bytes.data(), bytes.size());
  return true;
}

bool read_input_image(const InputChoice& choice, Image* image, std::string* description, std::string* error) {
  if (!choice.idx.empty()) {
    IdxImages images;
    if (!read_idx_images(choice.idx, static_cast<int32_t>(choice.index) + 1, &images, error)) return false;
    if (choice.index >= images.count) {
      *error =
          choice.idx + ": no image " + std::to_string(choice.index) + " (" + std::to_string(images.count) + " images)";
      return false;
    }
    *image = idx_image(images, static_cast<int32_t>(choice.index));
    *description = choice.idx + " image " + std::to_string(choice.index);
    return true;
  }
  AlignedBytes bytes;
  if (!read_file_aligned(choice.image, "image", kMaxFileBytes, &bytes, error)) return false;
  const bool png = is_png(bytes.data(), bytes.size());
  if (png ? !decode_png(bytes.data(), bytes.size(), 1, image, error)
          : !decode_pgm(bytes.data(), bytes.size(), image, error)) {
    *error = choice.image + ": " + *error;
    return false;
  }
  *description = choice.image + " (" + image->source + ")";
  return true;
}

}  // namespace tinyinfer::cli
