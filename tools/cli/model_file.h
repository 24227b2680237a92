// Reading whole files into aligned host memory: models (Model::load needs
// kModelAlignment and the bytes alive for the Model's lifetime), raw input
// tensors, and the interpreter arena itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer::cli {

// A heap block aligned to kAlignment; the CLI is host-only, so heap is fine here.
class AlignedBytes {
 public:
  static constexpr std::size_t kAlignment = 64;  // >= kModelAlignment, cache-line friendly

  AlignedBytes() = default;
  // Block of `size` bytes, zero-filled unless zero is false (the 64 MiB
  // arena: touching every page costs more than the whole run of a small
  // model). Returns false when allocation fails.
  bool allocate(std::size_t size, bool zero = true);

  uint8_t* data() { return data_.get(); }
  const uint8_t* data() const { return data_.get(); }
  std::size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(uint8_t* p) const;
  };
  std::unique_ptr<uint8_t, Free> data_;
  std::size_t size_ = 0;
};

// Largest model / input file the CLI will read (far above any MCU model).
constexpr std::size_t kMaxFileBytes = std::size_t{512} << 20;

// Reads `path` completely. Errors (missing, unreadable, directory, empty,
// larger than max_bytes) fill *error with a message naming the file and
// `what` ("model", "input").
bool read_file_aligned(const std::string& path, const char* what, std::size_t max_bytes, AlignedBytes* out,
                       std::string* error);

// Writes `size` bytes to `path` (replacing it); false + *error on failure.
bool write_file(const std::string& path, const void* data, std::size_t size, std::string* error);

// ---- A model opened for the CLI: file bytes, Model, arena, Interpreter ----

// Host arena: generous, so the plan never fails for size; the planned bytes
// are reported from Interpreter::arena_usage().
constexpr std::size_t kHostArenaBytes = std::size_t{64} << 20;

// Lives where the caller declares it: the interpreter points at the model,
// the model at the bytes, so this object must not be copied or moved.
struct OpenedModel {
  std::string path;
  AlignedBytes bytes;
  Model model;
  AlignedBytes arena;
  Interpreter interpreter;
  bool ready = false;  // interpreter initialised
  OpenedModel() = default;
  OpenedModel(const OpenedModel&) = delete;
  OpenedModel& operator=(const OpenedModel&) = delete;
};

// Reads and verifies the model. False + *error when the file is unreadable or
// the model invalid.
bool load_model_file(const std::string& path, OpenedModel* opened, std::string* error);
// Plans and prepares the interpreter with `kernels`. False + *error (the
// engine's status message) when the model cannot run.
bool init_interpreter(OpenedModel* opened, KernelChoice kernels, std::string* error,
                      const InterpreterOptions& options = InterpreterOptions());
// "reference" / "optimized" -> KernelChoice; false for anything else.
bool parse_kernel_choice(const char* text, KernelChoice* out);

}  // namespace tinyinfer::cli
