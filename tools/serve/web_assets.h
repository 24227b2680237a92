// The digit pad's page, script and style sheet, embedded in the binary at
// build time (embed_web_assets.cmake turns tools/serve/web/* into
// web_assets_data.cc), so `tinyinfer serve` works offline with no files.
#pragma once

#include <cstddef>

namespace tinyinfer::digit {

struct WebAsset {
  const char* path;          // URL path: "/index.html", "/digit_pad.js"
  const char* content_type;  // "text/html; charset=utf-8"
  const unsigned char* data;
  std::size_t size;
};

extern const WebAsset kWebAssets[];
extern const std::size_t kWebAssetCount;

// The asset served at `path` ("/" is "/index.html"), or null.
const WebAsset* find_web_asset(const char* path);

}  // namespace tinyinfer::digit
