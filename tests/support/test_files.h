// File access for tests: whole files into 16-byte aligned buffers (model
// bytes are read in place by the engine), and the ../shared location.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "tinyinfer/model.h"

namespace tinyinfer::testing {

// Bytes with the alignment Model::load requires.
class AlignedBytes {
 public:
  AlignedBytes() = default;
  explicit AlignedBytes(std::size_t size) : storage_(size / 16 + 2), size_(size) {}
  uint8_t* data() { return reinterpret_cast<uint8_t*>(storage_.data()); }
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(storage_.data()); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct alignas(16) Block {
    uint8_t bytes[16];
  };
  std::vector<Block> storage_;
  std::size_t size_ = 0;
};

inline bool read_file(const std::string& path, AlignedBytes* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  *out = AlignedBytes(bytes.size());
  std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(out->data()));
  return true;
}

inline std::string shared_dir() {
  if (const char* env = std::getenv("TINYINFER_SHARED_DIR")) return env;
#ifdef TINYINFER_SHARED_DIR
  return TINYINFER_SHARED_DIR;
#else
  return "../shared";
#endif
}

inline bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

}  // namespace tinyinfer::testing
