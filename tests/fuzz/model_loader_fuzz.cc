// libFuzzer target: arbitrary bytes as a .tflite model. Loading, planning
// and (for small models) invoking must never crash or read out of bounds.
#include <cstdint>
#include <cstring>
#include <vector>

#include "tinyinfer/interpreter.h"

namespace {

alignas(16) uint8_t g_arena[4 << 20];

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  struct alignas(16) Block {
    uint8_t bytes[16];
  };
  std::vector<Block> aligned(size / 16 + 1);
  std::memcpy(aligned.data(), data, size);
  tinyinfer::Model model;
  if (!tinyinfer::Model::load(aligned.data(), size, &model).is_ok()) return 0;
  // Reference unfused, optimized unfused, optimized with conv + pool fusion
  // (a different arena plan and the band-by-band eval path), optimized with
  // small_arena (the kernels' lean variants).
  struct Setup {
    tinyinfer::KernelChoice kernels;
    bool fuse, small_arena;
  };
  for (const Setup setup : {Setup{tinyinfer::KernelChoice::kReference, false, false},
                            Setup{tinyinfer::KernelChoice::kOptimized, false, false},
                            Setup{tinyinfer::KernelChoice::kOptimized, true, false},
                            Setup{tinyinfer::KernelChoice::kOptimized, false, true}}) {
    tinyinfer::Interpreter interpreter;
    tinyinfer::InterpreterOptions options;
    options.fuse_conv_pool = setup.fuse;
    options.small_arena = setup.small_arena;
    if (!interpreter.init(model, setup.kernels, g_arena, sizeof(g_arena), options).is_ok()) return 0;
    // Invoking big models would make each run slow; the loader and planner
    // are what hostile files attack, kernels are covered by unit tests.
    if (interpreter.total_macs() > 2000000) return 0;
    // Again in a heap block of exactly the bytes init reported, so that the
    // address sanitizer sees any write past the planned arena (kernel
    // scratch included).
    const std::size_t needed = interpreter.arena_used_bytes();
    std::vector<Block> exact((needed + 15) / 16);
    tinyinfer::Interpreter tight;
    if (!tight.init(model, setup.kernels, exact.data(), needed, options).is_ok()) __builtin_trap();
    for (int32_t i = 0; i < tight.input_count(); ++i) {
      tinyinfer::Tensor* input = tight.input(i);
      std::memset(input->data, 0, input->bytes);
      std::memcpy(input->data, data, input->bytes < size ? input->bytes : size);
    }
    tight.invoke();
  }
  return 0;
}
