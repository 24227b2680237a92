#include "model_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <vector>

#include <sys/stat.h>

namespace tinyinfer::cli {

void AlignedBytes::Free::operator()(uint8_t* p) const { ::operator delete (p, std::align_val_t{kAlignment}); }

bool AlignedBytes::allocate(std::size_t size, bool zero) {
  data_.reset();
  size_ = 0;
  // Allocate at least one byte so data() is valid even for size 0.
  void* p = ::operator new (size == 0 ? 1 : size, std::align_val_t{kAlignment}, std::nothrow);
  if (p == nullptr) return false;
  if (zero) std::memset(p, 0, size == 0 ? 1 : size);
  data_.reset(static_cast<uint8_t*>(p));
  size_ = size;
  return true;
}

namespace {

std::string describe_bytes(std::size_t n) { return std::to_string(n) + " bytes"; }

}  // namespace

bool read_file_aligned(const std::string& path, const char* what, std::size_t max_bytes, AlignedBytes* out,
                       std::string* error) {
  const std::string prefix = std::string("cannot read ") + what + " '" + path + "': ";
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *error = prefix + (errno == ENOENT ? "no such file" : std::strerror(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = prefix + "it is a directory";
    return false;
  }
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) {
    *error = prefix + "file is " + describe_bytes(static_cast<std::size_t>(st.st_size)) + ", more than the limit of " +
             describe_bytes(max_bytes);
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = prefix + std::strerror(errno);
    return false;
  }
  // Read in chunks so pipes and files that change size are handled too.
  std::vector<uint8_t> bytes;
  uint8_t chunk[1 << 16];
  bool too_big = false;
  for (;;) {
    const std::size_t n = std::fread(chunk, 1, sizeof(chunk), f);
    if (n > 0) {
      if (bytes.size() + n > max_bytes) {
        too_big = true;
        break;
      }
      bytes.insert(bytes.end(), chunk, chunk + n);
    }
    if (n < sizeof(chunk)) break;
  }
  const bool failed = std::ferror(f) != 0;
  const int read_errno = errno;
  std::fclose(f);
  if (too_big) {
    *error = prefix + "file is larger than the limit of " + describe_bytes(max_bytes);
    return false;
  }
  if (failed) {
    *error = prefix + std::strerror(read_errno);
    return false;
  }
  if (bytes.empty()) {
    *error = prefix + "file is empty";
    return false;
  }
  if (!out->allocate(bytes.size())) {
    *error = prefix + "out of memory for " + describe_bytes(bytes.size());
    return false;
  }
  std::memcpy(out->data(), bytes.data(), bytes.size());
  return true;
}

bool write_file(const std::string& path, const void* data, std::size_t size, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    *error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  const std::size_t written = size == 0 ? 0 : std::fwrite(data, 1, size, f);
  const bool close_failed = std::fclose(f) != 0;
  if (written != size || close_failed) {
    *error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace tinyinfer::cli

namespace tinyinfer::cli {

bool load_model_file(const std::string& path, OpenedModel* opened, std::string* error) {
  opened->path = path;
  if (!read_file_aligned(path, "model", kMaxFileBytes, &opened->bytes, error)) return false;
  const Status status = Model::load(opened->bytes.data(), opened->bytes.size(), &opened->model);
  if (!status.is_ok()) {
    *error = "invalid model '" + path + "' (" + std::to_string(opened->bytes.size()) +
             " bytes): " + status_code_name(status.code()) + ": " + status.message();
    return false;
  }
  return true;
}

bool init_interpreter(OpenedModel* opened, KernelChoice kernels, std::string* error,
                      const InterpreterOptions& options) {
  if (!opened->arena.allocate(kHostArenaBytes, /*zero=*/false)) {
    *error = "out of memory for the " + std::to_string(kHostArenaBytes) + "-byte arena";
    return false;
  }
  const Status status =
      opened->interpreter.init(opened->model, kernels, opened->arena.data(), opened->arena.size(), options);
  if (!status.is_ok()) {
    *error = "cannot prepare model '" + opened->path + "' with " + kernel_choice_name(kernels) +
             " kernels: " + status_code_name(status.code()) + ": " + status.message();
    return false;
  }
  opened->ready = true;
  return true;
}

bool parse_kernel_choice(const char* text, KernelChoice* out) {
  const std::string t = text == nullptr ? "" : text;
  if (t == "reference" || t == "ref") {
    *out = KernelChoice::kReference;
  } else if (t == "optimized" || t == "opt") {
    *out = KernelChoice::kOptimized;
  } else {
    return false;
  }
  return true;
}

}  // namespace tinyinfer::cli
