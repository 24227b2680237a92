// The preprocessing MNIST's digits went through, for digits drawn by hand
// (the web digit pad's canvas, a photographed digit): the bounding box of the
// ink is scaled to fit a 20x20 box keeping its aspect ratio (area averaging,
// so grey levels come from partial coverage), then placed in a 28x28 image so
// that its centre of mass sits at the centre (14, 14). Models trained on
// MNIST expect exactly this framing; a digit fed at canvas scale or off
// centre is often misread.
#pragma once

#include <cstdint>
#include <string>

namespace tinyinfer::digit {

constexpr int kMnistSide = 28;                         // output image side
constexpr int kMnistBox = 20;                          // the ink's bounding box is scaled to fit this
constexpr int kMnistPixels = kMnistSide * kMnistSide;  // 784
constexpr int kMaxCanvasSide = 4096;                   // larger inputs are refused

// What preprocess_mnist did, for the page's thumbnail caption and for tests.
struct MnistFraming {
  bool has_ink = false;      // false: the output is all zeros
  int box_x = 0, box_y = 0;  // ink bounding box in the input
  int box_width = 0, box_height = 0;
  int scaled_width = 0, scaled_height = 0;  // the box after scaling (the larger side is 20)
  int offset_x = 0, offset_y = 0;           // where the scaled box's top-left landed in 28x28
  double mass_x = 0.0, mass_y = 0.0;        // centre of mass in the 28x28 output (pixel centres at +0.5)
};

// `pixels`: width x height grey levels, row-major, ink bright (255) on a dark
// (0) background; a pixel above `ink_threshold` counts as ink for the
// bounding box. `out`: 784 values in [0, 1] (grey / 255), row-major 28x28.
// False + *error (naming the problem) for sizes out of range; an image
// without ink is not an error: *out is zeros and framing->has_ink false.
bool preprocess_mnist(const uint8_t* pixels, int width, int height, float out[kMnistPixels], MnistFraming* framing,
                      std::string* error, uint8_t ink_threshold = 0);

}  // namespace tinyinfer::digit
