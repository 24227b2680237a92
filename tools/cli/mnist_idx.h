// Reading the MNIST data set in IDX format (gzip-compressed or plain):
// big-endian header (magic 0x00000803 images / 0x00000801 labels, count,
// rows, cols), then uint8 values row-major. Every malformed or truncated file
// gives an error naming the file and what is wrong.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tinyinfer::cli {

struct IdxImages {
  int32_t count = 0, rows = 0, cols = 0;  // count: images read (<= the header's)
  uint32_t file_count = 0;                // the header's count
  std::vector<uint8_t> pixels;            // count * rows * cols
  const uint8_t* image(int32_t i) const { return pixels.data() + static_cast<std::size_t>(i) * rows * cols; }
};

struct IdxLabels {
  std::vector<uint8_t> labels;
  uint32_t file_count = 0;  // the header's count
};

// Largest image side and count accepted (a hostile header must not make us
// allocate gigabytes).
constexpr int32_t kMaxIdxSide = 1024;
constexpr int64_t kMaxIdxBytes = int64_t{1} << 31;

// `limit` > 0 reads only the first `limit` items (the rest of the file is
// not decompressed).
bool read_idx_images(const std::string& path, int32_t limit, IdxImages* out, std::string* error);
bool read_idx_labels(const std::string& path, int32_t limit, IdxLabels* out, std::string* error);

// The MNIST pair in DIR: `stem`-images-idx3-ubyte[.gz] and
// `stem`-labels-idx1-ubyte[.gz] (stem "t10k" = test set, "train", "train10k").
// Checks the counts agree and every label is 0..9.
struct MnistSet {
  std::string images_path, labels_path;
  IdxImages images;
  IdxLabels labels;
  int32_t size() const { return images.count; }
};
bool find_mnist_file(const std::string& dir, const std::string& stem, const char* kind, std::string* path);
bool load_mnist(const std::string& dir, const std::string& stem, int32_t limit, MnistSet* out, std::string* error);

// The training-set stem in DIR: "train" (the MNIST database's standard
// train-images-idx3-ubyte / train-labels-idx1-ubyte, .gz or not) when its
// images are there, else "train10k" (the 10,000-digit subset in ../shared).
// False + an error listing both names when neither is present.
bool find_mnist_training_stem(const std::string& dir, std::string* stem, std::string* error);

}  // namespace tinyinfer::cli
