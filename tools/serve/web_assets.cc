#include "web_assets.h"

#include <cstring>

namespace tinyinfer::digit {

const WebAsset* find_web_asset(const char* path) {
  if (std::strcmp(path, "/") == 0) path = "/index.html";
  for (std::size_t i = 0; i < kWebAssetCount; ++i)
    if (std::strcmp(kWebAssets[i].path, path) == 0) return &kWebAssets[i];
  return nullptr;
}

}  // namespace tinyinfer::digit
