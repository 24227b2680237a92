#include "mnist_idx.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <zlib.h>

namespace tinyinfer::cli {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kImagesMagic = 0x00000803;
constexpr uint32_t kLabelsMagic = 0x00000801;

// zlib's gz* reads gzip and plain files alike.
struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

bool open_idx(const std::string& path, GzFile* file, std::string* error) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    *error = "IDX file '" + path + "' does not exist";
    return false;
  }
  if (fs::is_directory(path, ec)) {
    *error = "IDX file '" + path + "' is a directory";
    return false;
  }
  file->reset(gzopen(path.c_str(), "rb"));
  if (!*file) {
    *error = "cannot open IDX file '" + path + "'";
    return false;
  }
  return true;
}

// Reads exactly n bytes; false + error on a short read or a corrupt stream.
bool read_exact(gzFile_s* f, const std::string& path, void* dst, std::size_t n, const char* what, std::string* error) {
  auto* p = static_cast<uint8_t*>(dst);
  while (n > 0) {
    const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30));
    const int got = gzread(f, p, chunk);
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(f, &code);
      *error = "IDX file '" + path + "': cannot decompress " + what + " (" + (message ? message : "zlib error") + ")";
      return false;
    }
    if (got == 0) {
      *error = "IDX file '" + path + "' is truncated: it ends inside the " + what;
      return false;
    }
    p += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

bool read_u32(gzFile_s* f, const std::string& path, const char* what, uint32_t* out, std::string* error) {
  uint8_t b[4];
  if (!read_exact(f, path, b, 4, what, error)) return false;
  *out = (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  return true;
}

std::string hex(uint32_t v) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "0x%08x", v);
  return buffer;
}

bool read_magic(gzFile_s* f, const std::string& path, uint32_t expected, const char* kind, std::string* error) {
  uint32_t magic = 0;
  if (!read_u32(f, path, "header", &magic, error)) return false;
  if (magic != expected) {
    std::string hint;
    if ((magic >> 16) == 0x1f8b) hint = " (a gzip stream inside the file? decompress it once)";
    if (magic == kImagesMagic || magic == kLabelsMagic) hint = " (an IDX file of the other kind: images vs labels)";
    *error = "IDX file '" + path + "' is not an MNIST " + kind + " file: magic " + hex(magic) + ", expected " +
             hex(expected) + hint;
    return false;
  }
  return true;
}

}  // namespace

bool read_idx_images(const std::string& path, int32_t limit, IdxImages* out, std::string* error) {
  GzFile f;
  if (!open_idx(path, &f, error)) return false;
  if (!read_magic(f.get(), path, kImagesMagic, "images", error)) return false;
  uint32_t count = 0, rows = 0, cols = 0;
  if (!read_u32(f.get(), path, "header", &count, error) || !read_u32(f.get(), path, "header", &rows, error) ||
      !read_u32(f.get(), path, "header", &cols, error))
    return false;
  if (rows == 0 || cols == 0 || rows > kMaxIdxSide || cols > kMaxIdxSide) {
    *error = "IDX file '" + path + "': image size " + std::to_string(rows) + "x" + std::to_string(cols) +
             " is out of range (1.." + std::to_string(kMaxIdxSide) + ")";
    return false;
  }
  if (count == 0) {
    *error = "IDX file '" + path + "' holds no images";
    return false;
  }
  const uint32_t n = limit > 0 ? std::min<uint32_t>(count, static_cast<uint32_t>(limit)) : count;
  const int64_t bytes = int64_t{n} * rows * cols;
  if (bytes > kMaxIdxBytes) {
    *error = "IDX file '" + path + "': " + std::to_string(n) + " images of " + std::to_string(rows) + "x" +
             std::to_string(cols) + " exceed the 2 GiB limit";
    return false;
  }
  out->file_count = count;
  out->count = static_cast<int32_t>(n);
  out->rows = static_cast<int32_t>(rows);
  out->cols = static_cast<int32_t>(cols);
  out->pixels.resize(static_cast<std::size_t>(bytes));
  return read_exact(f.get(), path, out->pixels.data(), out->pixels.size(),
                    ("pixels (header says " + std::to_string(count) + " images)").c_str(), error);
}

bool read_idx_labels(const std::string& path, int32_t limit, IdxLabels* out, std::string* error) {
  GzFile f;
  if (!open_idx(path, &f, error)) return false;
  if (!read_magic(f.get(), path, kLabelsMagic, "labels", error)) return false;
  uint32_t count = 0;
  if (!read_u32(f.get(), path, "header", &count, error)) return false;
  if (count == 0) {
    *error = "IDX file '" + path + "' holds no labels";
    return false;
  }
  const uint32_t n = limit > 0 ? std::min<uint32_t>(count, static_cast<uint32_t>(limit)) : count;
  if (int64_t{n} > kMaxIdxBytes) {
    *error = "IDX file '" + path + "': too many labels";
    return false;
  }
  out->file_count = count;
  out->labels.resize(n);
  return read_exact(f.get(), path, out->labels.data(), n,
                    ("labels (header says " + std::to_string(count) + ")").c_str(), error);
}

bool find_mnist_file(const std::string& dir, const std::string& stem, const char* kind, std::string* path) {
  const std::string base = stem + "-" + kind + (std::string(kind) == "images" ? "-idx3-ubyte" : "-idx1-ubyte");
  std::error_code ec;
  for (const std::string& name : {base + ".gz", base}) {
    const fs::path p = fs::path(dir) / name;
    if (fs::is_regular_file(p, ec)) {
      *path = p.string();
      return true;
    }
  }
  *path = (fs::path(dir) / (base + "[.gz]")).string();
  return false;
}

bool load_mnist(const std::string& dir, const std::string& stem, int32_t limit, MnistSet* out, std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = "MNIST directory '" + dir + "' does not exist or is not a directory";
    return false;
  }
  if (!find_mnist_file(dir, stem, "images", &out->images_path)) {
    *error = "MNIST images not found: " + out->images_path;
    return false;
  }
  if (!find_mnist_file(dir, stem, "labels", &out->labels_path)) {
    *error = "MNIST labels not found: " + out->labels_path;
    return false;
  }
  if (!read_idx_images(out->images_path, limit, &out->images, error)) return false;
  if (!read_idx_labels(out->labels_path, limit, &out->labels, error)) return false;
  if (out->labels.file_count != out->images.file_count) {
    *error = "MNIST files disagree: " + std::to_string(out->images.file_count) + " images in '" + out->images_path +
             "' but " + std::to_string(out->labels.file_count) + " labels in '" + out->labels_path + "'";
    return false;
  }
  for (std::size_t i = 0; i < out->labels.labels.size(); ++i) {
    if (out->labels.labels[i] > 9) {
      *error = "IDX file '" + out->labels_path + "': label " + std::to_string(out->labels.labels[i]) + " at index " +
               std::to_string(i) + " is not a digit 0..9";
      return false;
    }
  }
  return true;
}

bool find_mnist_training_stem(const std::string& dir, std::string* stem, std::string* error) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    *error = "MNIST directory '" + dir + "' does not exist or is not a directory";
    return false;
  }
  std::string probe;
  for (const char* candidate : {"train", "train10k"}) {
    if (find_mnist_file(dir, candidate, "images", &probe)) {
      *stem = candidate;
      return true;
    }
  }
  *error = "no MNIST training images in '" + dir +
           "' (looked for train-images-idx3-ubyte[.gz] and train10k-images-idx3-ubyte[.gz])";
  return false;
}

}  // namespace tinyinfer::cli
