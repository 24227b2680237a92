// Benchmark firmware: every embedded model, reference vs optimized kernels,
// per-op and total counter values of the second invoke (QEMU -icount:
// instructions) on a fixed pseudo-random input; checks both kernel sets give
// the same output bytes.
#include <cstring>

#include "app/console.h"
#include "bench_models.h"
#include "boards/board.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"
#include "tinyinfer/profiler.h"

namespace {

alignas(16) uint8_t g_arena[256 * 1024];
uint8_t g_reference_output[16 * 1024];
tinyinfer::Interpreter g_interpreter;

bool run(const tinyinfer::Model& model, tinyinfer::KernelChoice choice, tinyinfer::OpTimeTable* profile,
         const uint8_t** output, std::size_t* output_bytes) {
  tinyinfer::Status status = g_interpreter.init(model, choice, g_arena, sizeof g_arena);
  if (!status.is_ok()) {
    tinyinfer::app::print("error: init: %s\n", status.message());
    return false;
  }
  // invoke() consumes its input: the same pseudo-random pattern before each.
  const auto fill_input = [] {
    tinyinfer::Tensor* input = g_interpreter.input(0);
    uint32_t state = 12345;
    auto* bytes = static_cast<uint8_t*>(input->data);
    for (std::size_t i = 0; i < input->bytes; ++i) {
      state = state * 1664525u + 1013904223u;
      bytes[i] = static_cast<uint8_t>(state >> 24);
    }
  };
  fill_input();
  if (!g_interpreter.invoke().is_ok()) return false;  // warm-up, as TFLM's second invoke
  fill_input();
  profile->reset();
  status = g_interpreter.invoke(profile);
  if (!status.is_ok()) {
    tinyinfer::app::print("error: invoke: %s\n", status.message());
    return false;
  }
  *output = static_cast<const uint8_t*>(g_interpreter.output(0)->data);
  *output_bytes = g_interpreter.output(0)->bytes;
  return true;
}

}  // namespace

int main() {
  tinyinfer::board::init();
  // Locals: a static with a virtual destructor would need __cxa_atexit.
  tinyinfer::OpTimeTable reference_profile(&tinyinfer::board::counter, tinyinfer::board::counter_unit());
  tinyinfer::OpTimeTable optimized_profile(&tinyinfer::board::counter, tinyinfer::board::counter_unit());
  int failed = 0;
  for (int m = 0; m < tinyinfer_bench::kModelCount; ++m) {
    const tinyinfer_bench::BenchModel& bm = tinyinfer_bench::kModels[m];
    tinyinfer::Model model;
    if (!tinyinfer::Model::load(bm.data, bm.size, &model).is_ok()) {
      tinyinfer::app::print("BENCH %s: cannot load\n", bm.name);
      ++failed;
      continue;
    }
    const uint8_t* out = nullptr;
    std::size_t out_bytes = 0;
    if (!run(model, tinyinfer::KernelChoice::kReference, &reference_profile, &out, &out_bytes) ||
        out_bytes > sizeof g_reference_output) {
      ++failed;
      continue;
    }
    std::memcpy(g_reference_output, out, out_bytes);
    if (!run(model, tinyinfer::KernelChoice::kOptimized, &optimized_profile, &out, &out_bytes)) {
      ++failed;
      continue;
    }
    const bool same = std::memcmp(g_reference_output, out, out_bytes) == 0;
    if (!same) ++failed;
    tinyinfer::app::print("BENCH %s: macs %lld\n", bm.name, static_cast<long long>(g_interpreter.total_macs()));
    for (int32_t i = 0; i < optimized_profile.count(); ++i) {
      tinyinfer::app::print("  op %d %s macs %lld reference %llu optimized %llu\n", static_cast<int>(i),
                            optimized_profile.name(i), static_cast<long long>(g_interpreter.op_macs(i)),
                            static_cast<unsigned long long>(reference_profile.elapsed(i)),
                            static_cast<unsigned long long>(optimized_profile.elapsed(i)));
    }
    tinyinfer::app::print("BENCH %s: reference %llu optimized %llu instructions, outputs %s\n", bm.name,
                          static_cast<unsigned long long>(reference_profile.total()),
                          static_cast<unsigned long long>(optimized_profile.total()), same ? "identical" : "DIFFER");
  }
  tinyinfer::board::exit(failed);
}
