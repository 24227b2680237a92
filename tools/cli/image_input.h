// Turning a user's input file into the bytes of the model's input tensor:
//   - a raw tensor file: must be exactly the tensor's byte size;
//   - a NumPy .npy array of the tensor's dtype and element count (npy_input.h);
//   - a PGM (P2/P5) or PNG image: decoded to gray or RGB, scaled to the
//     tensor's HxW (area averaging when shrinking, bilinear when enlarging,
//     chosen per axis) and converted to the tensor's type: float32 = pixel/255;
//     int8/uint8 = quantize(pixel/255) with the tensor's scale and zero point
//     (round half away from zero, then clamp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tinyinfer/tensor.h"

namespace tinyinfer::cli {

// Pixels in 0..255 (float so 16-bit PGMs keep their precision), HWC order.
struct Image {
  int width = 0;
  int height = 0;
  int channels = 0;  // 1 (gray) or 3 (RGB)
  std::vector<float> pixels;
  std::string source;  // what the file held, e.g. "8-bit gray", "RGBA"
};

// Largest image accepted (a hostile header must not make us allocate gigabytes).
constexpr int kMaxImageSide = 16384;
constexpr int64_t kMaxImagePixels = int64_t{1} << 26;

// The image geometry an input tensor expects: [1,H,W,C], [H,W,C] or [1,H,W]
// with C = 1 or 3. False + *error when the tensor is not image-like.
struct ImageGeometry {
  int height = 0, width = 0, channels = 0;
};
bool image_geometry(const Tensor& input, ImageGeometry* geometry, std::string* error);

bool is_pgm(const uint8_t* bytes, std::size_t size);
bool is_png(const uint8_t* bytes, std::size_t size);
bool decode_pgm(const uint8_t* bytes, std::size_t size, Image* image, std::string* error);
// want_channels: 1 decodes to gray, 3 to RGB (libpng converts; alpha is dropped).
bool decode_png(const uint8_t* bytes, std::size_t size, int want_channels, Image* image, std::string* error);

// Scales to width x height; returns the method used per axis in *method
// ("area", "bilinear", "none" or "area/bilinear" style when the axes differ).
Image resize_image(const Image& src, int width, int height, std::string* method);
// 1 -> 3 channels replicates gray; 3 -> 1 uses ITU-R BT.601 luma.
Image convert_channels(const Image& src, int channels);

// Writes the image (already input-sized) as the tensor's type into dst
// (input.bytes bytes). False + *error for types or quantization we cannot fill.
bool image_to_tensor(const Image& image, const Tensor& input, void* dst, std::string* error);

// The whole pipeline for `tinyinfer run --input FILE`. *description tells the
// user what was done ("PNG 28x28 gray, scaled ... to float32 pixel/255").
bool load_input_file(const std::string& path, const Tensor& input, void* dst, std::string* description,
                     std::string* error);

}  // namespace tinyinfer::cli
