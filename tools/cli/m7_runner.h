// Parsers of the benchmark firmware's shell replies (firmware/app/benchmark.cc
// prints them) into records; the QEMU session that carries them is in
// qemu_session.h, included here for the tests and commands that use both.
//
// Host-only and independent of the rest of the CLI, so tests can link it
// alone (tests/firmware).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "qemu_session.h"

namespace tinyinfer::cli::m7 {

// ---- the shell's replies ---------------------------------------------------

struct BannerInfo {
  std::string board;       // "qemu-mps2-an500"
  std::string model;       // "uncompressed"
  std::string model_file;  // "mnist_uncompressed.tflite"
  int64_t model_bytes = 0;
  std::string kernels;       // "reference"
  std::string counter_unit;  // "instructions"
  int64_t arena_used = 0, arena_size = 0;
  std::string error;  // "error: model not ready: ..." if the firmware said so
};

struct TensorDetails {
  std::vector<int64_t> dims;
  std::string type;  // "float32", "int8", ...
};

struct ModelDetails {  // key '1'
  TensorDetails input, output;
  int64_t op_count = 0;
  std::string kernels;
  int64_t arena_used = 0, arena_size = 0;
  std::string counter_unit;
};

struct LayerRecord {
  std::string op;  // "DEPTHWISE_CONV_2D"
  uint64_t count = 0;
};

struct InferenceResult {  // key '2'
  std::vector<LayerRecord> layers;
  uint64_t total = 0;  // "Done in N unit"
  std::string unit;    // "instructions" (QEMU), "cycles" (silicon)
  std::vector<double> outputs;
  int predicted = -1;
  std::string golden;  // "Golden case 0: ..." when the image checks its embedded golden case
};

bool parse_banner(const std::string& text, BannerInfo* info, std::string* error);
bool parse_model_details(const std::string& text, ModelDetails* details, std::string* error);
bool parse_inference(const std::string& text, InferenceResult* result, std::string* error);

// "1x28x28x1"
std::string dims_text(const std::vector<int64_t>& dims);

}  // namespace tinyinfer::cli::m7
