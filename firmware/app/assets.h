// Data embedded at build time by cmake/embed_model.cmake (generated .cc
// files in the build tree; see firmware/CMakeLists.txt).
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer::assets {

// The model selected by TINYINFER_MODEL, 16-byte aligned, in flash.
extern const uint8_t g_model[];
extern const std::size_t g_model_size;
extern const char g_model_name[];  // file name without extension

// The built-in handwritten 8 (models/digit_8.pgm): grayscale, 0 = paper.
extern const uint8_t g_digit[];
extern const int32_t g_digit_width;
extern const int32_t g_digit_height;

}  // namespace tinyinfer::assets
