// Finding a QEMU firmware image that the build of this repository made
// (the model-independent bench and golden-batch firmware): --firmware, then
// an environment variable, then where the host build's firmware tree or a
// m7-qemu cross tree puts it.
#pragma once

#include <string>

namespace tinyinfer::cli {

struct FirmwareImage {
  const char* file;    // "tinyinfer-bench-m7.elf"
  const char* folder;  // its folder in a tree: "firmware/bench"
  const char* env;     // "TINYINFER_BENCH_FIRMWARE"
  const char* target;  // the CMake target that builds it: "tinyinfer_bench_m7"
  const char* what;    // "benchmark firmware"
};

// flag_value: the --firmware option ("" when not given). False + *error
// listing where it looked and how to build it.
bool find_firmware(const FirmwareImage& image, const std::string& flag_value, std::string* path, std::string* error);

}  // namespace tinyinfer::cli
