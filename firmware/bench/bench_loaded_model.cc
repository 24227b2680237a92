// Benchmark firmware for ANY model, no rebuild per model: QEMU's generic
// loader places a small job description, the .tflite and optionally a raw
// input in the mps2-an500's 16 MB RAM at 0x60000000 ("mps.ram" in QEMU's
// memory map; unused by the board's linker script), e.g.
//
//   qemu-system-arm -M mps2-an500 -nographic -monitor none -semihosting -icount shift=0
//     -kernel tinyinfer-bench-m7.elf
//     -device loader,addr=0x60000000,data=0x4d424954,data-len=4       (magic "TIBM")
//     -device loader,addr=0x60000004,data=<model bytes>,data-len=4
//     -device loader,addr=0x60000008,data=<flags>,data-len=4
//     -device loader,addr=0x6000000c,data=<input bytes or 0>,data-len=4
//     -device loader,file=MODEL.tflite,addr=0x60001000,force-raw=on
//     [-device loader,file=INPUT.bin,addr=0x60c00000,force-raw=on]
//
// flags: bit 0 run the reference kernels, bit 1 the optimized kernels, bit 2
// fuse conv + pool, bit 3 InterpreterOptions::small_arena. For each kernel set: init, fill the inputs (the raw input
// file, else a fixed pseudo-random pattern), invoke twice and report the
// second invoke's per-op counter (instructions under -icount shift=0), count
// a third invoke as a whole (no profiler: the per-inference figure), then
// compare the outputs of both sets (int8/uint8/int16/int32 bit-exact, float
// within a tight tolerance). Every line starts with a keyword the host's
// `tinyinfer bench-m7` parses (tools/cli/bench_m7_command.cc); the exit
// status (semihosting) is 0 on success, 1 when the outputs differ, 2 when
// the job or the model is bad, 3 when the arena is too small.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "app/console.h"
#include "boards/board.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"
#include "tinyinfer/profiler.h"

namespace {

using tinyinfer::app::print;

// ---- the job the host placed in RAM ----------------------------------------

constexpr uint32_t kJobAddress = 0x60000000;
constexpr uint32_t kModelAddress = 0x60001000;  // 16-byte aligned (kModelAlignment)
constexpr uint32_t kInputAddress = 0x60C00000;
constexpr uint32_t kScratchAddress = 0x60F00000;  // reference outputs kept for the comparison
constexpr uint32_t kRamEnd = 0x61000000;
constexpr uint32_t kJobMagic = 0x4D424954;  // "TIBM" little-endian

constexpr uint32_t kFlagReference = 1u << 0;
constexpr uint32_t kFlagOptimized = 1u << 1;
constexpr uint32_t kFlagFuse = 1u << 2;
constexpr uint32_t kFlagSmallArena = 1u << 3;

enum ExitCode { kExitOk = 0, kExitMismatch = 1, kExitBadJob = 2, kExitArena = 3, kExitInvoke = 4 };

struct Job {
  uint32_t magic;
  uint32_t model_bytes;
  uint32_t flags;
  uint32_t input_bytes;
};

// The arena: most of the 4 MB data RAM (the rest holds .data/.bss and the
// 64 KB stack). A model that needs more is reported as "arena too small".
constexpr std::size_t kArenaBytes = 3u * 1024u * 1024u + 512u * 1024u;
alignas(16) uint8_t g_arena[kArenaBytes];
tinyinfer::Interpreter g_interpreter;

const char* const kSetNames[2] = {"reference", "optimized"};
const tinyinfer::KernelChoice kSets[2] = {tinyinfer::KernelChoice::kReference, tinyinfer::KernelChoice::kOptimized};

// ---- inputs and outputs ----------------------------------------------------

// Deterministic LCG (Numerical Recipes constants): the same input bytes for
// both kernel sets and every run.
struct Lcg {
  uint32_t state = 12345;
  uint32_t next() {
    state = state * 1664525u + 1013904223u;
    return state;
  }
};

// Fills every input: raw bytes from the input file when given (inputs in
// order, concatenated), else a pattern that is valid for the type: floats
// uniform in [-1, 1), integers uniform over their full range (int32 within
// +-2^15 so that no sum overflows).
bool fill_inputs(const Job& job) {
  const auto* raw = reinterpret_cast<const uint8_t*>(kInputAddress);
  std::size_t raw_used = 0;
  Lcg lcg;
  for (int32_t i = 0; i < g_interpreter.input_count(); ++i) {
    tinyinfer::Tensor* input = g_interpreter.input(i);
    if (job.input_bytes != 0) {
      if (raw_used + input->bytes > job.input_bytes) {
        print("error: input file has %lu bytes, the model's inputs need more (input %d: %lu bytes)\n",
              static_cast<unsigned long>(job.input_bytes), static_cast<int>(i),
              static_cast<unsigned long>(input->bytes));
        return false;
      }
      std::memcpy(input->data, raw + raw_used, input->bytes);
      raw_used += input->bytes;
      continue;
    }
    const int64_t n = input->shape.elements();
    switch (input->type) {
      case tinyinfer::DataType::kFloat32: {
        auto* v = input->data_as<float>();
        for (int64_t k = 0; k < n; ++k)
          v[k] = static_cast<float>(static_cast<int32_t>(lcg.next() >> 8) - (1 << 23)) / 8388608.0f;
        break;
      }
      case tinyinfer::DataType::kInt32: {
        auto* v = input->data_as<int32_t>();
        for (int64_t k = 0; k < n; ++k) v[k] = static_cast<int32_t>(lcg.next() >> 16) - 32768;
        break;
      }
      case tinyinfer::DataType::kInt16: {
        auto* v = input->data_as<int16_t>();
        for (int64_t k = 0; k < n; ++k) v[k] = static_cast<int16_t>(lcg.next() >> 16);
        break;
      }
      default: {
        auto* v = static_cast<uint8_t*>(input->data);
        for (std::size_t k = 0; k < input->bytes; ++k) v[k] = static_cast<uint8_t>(lcg.next() >> 24);
        break;
      }
    }
  }
  if (job.input_bytes != 0 && raw_used != job.input_bytes) {
    print("error: input file has %lu bytes, the model's inputs take %lu\n", static_cast<unsigned long>(job.input_bytes),
          static_cast<unsigned long>(raw_used));
    return false;
  }
  return true;
}

std::size_t output_bytes_total() {
  std::size_t total = 0;
  for (int32_t i = 0; i < g_interpreter.output_count(); ++i) total += g_interpreter.output(i)->bytes;
  return total;
}

// FNV-1a over all output bytes, outputs in order.
uint32_t output_checksum() {
  uint32_t hash = 2166136261u;
  for (int32_t i = 0; i < g_interpreter.output_count(); ++i) {
    const tinyinfer::Tensor* t = g_interpreter.output(i);
    const auto* bytes = static_cast<const uint8_t*>(t->data);
    for (std::size_t k = 0; k < t->bytes; ++k) hash = (hash ^ bytes[k]) * 16777619u;
  }
  return hash;
}

// "output <set> <index> <type> <count> v0 v1 ..." (the first 16 values).
void print_outputs(const char* set) {
  constexpr int64_t kShown = 16;
  for (int32_t i = 0; i < g_interpreter.output_count(); ++i) {
    const tinyinfer::Tensor* t = g_interpreter.output(i);
    const int64_t n = t->shape.elements();
    print("output %s %d %s %lld", set, static_cast<int>(i), tinyinfer::data_type_name(t->type),
          static_cast<long long>(n));
    for (int64_t k = 0; k < n && k < kShown; ++k) {
      switch (t->type) {
        case tinyinfer::DataType::kFloat32:
          print(" %.6f", static_cast<double>(t->data_as<float>()[k]));
          break;
        case tinyinfer::DataType::kInt8:
          print(" %d", static_cast<int>(t->data_as<int8_t>()[k]));
          break;
        case tinyinfer::DataType::kUInt8:
          print(" %d", static_cast<int>(t->data_as<uint8_t>()[k]));
          break;
        case tinyinfer::DataType::kInt16:
          print(" %d", static_cast<int>(t->data_as<int16_t>()[k]));
          break;
        case tinyinfer::DataType::kInt32:
          print(" %ld", static_cast<long>(t->data_as<int32_t>()[k]));
          break;
        default:
          break;
      }
    }
    print("\n");
  }
}

// Copies the current outputs to the scratch area (for the comparison).
void keep_outputs() {
  auto* to = reinterpret_cast<uint8_t*>(kScratchAddress);
  for (int32_t i = 0; i < g_interpreter.output_count(); ++i) {
    const tinyinfer::Tensor* t = g_interpreter.output(i);
    std::memcpy(to, t->data, t->bytes);
    to += t->bytes;
  }
}

// Compares the current outputs with the kept ones. Integer outputs must be
// identical; float outputs may differ by 1e-4 of the output's largest
// magnitude (the optimized float kernels sum in another order).
bool compare_with_kept() {
  const auto* kept = reinterpret_cast<const uint8_t*>(kScratchAddress);
  bool all_ok = true;
  for (int32_t i = 0; i < g_interpreter.output_count(); ++i) {
    const tinyinfer::Tensor* t = g_interpreter.output(i);
    if (t->type == tinyinfer::DataType::kFloat32) {
      const auto* want = reinterpret_cast<const float*>(kept);
      const float* got = t->data_as<float>();
      const int64_t n = t->shape.elements();
      double max_ref = 0, max_diff = 0;
      bool finite = true;
      for (int64_t k = 0; k < n; ++k) {
        if (!std::isfinite(want[k]) || !std::isfinite(got[k]))
          finite = finite && (want[k] == got[k]);
        else {
          max_ref = std::fmax(max_ref, std::fabs(static_cast<double>(want[k])));
          max_diff = std::fmax(max_diff, std::fabs(static_cast<double>(got[k]) - want[k]));
        }
      }
      const double tolerance = 1e-4 * (max_ref > 1e-6 ? max_ref : 1e-6);
      const bool ok = finite && max_diff <= tolerance;
      print("compare %d float32 max_abs_diff %.9f tolerance %.9f %s\n", static_cast<int>(i), max_diff, tolerance,
            ok ? "match" : "MISMATCH");
      all_ok = all_ok && ok;
    } else {
      std::size_t differing = 0;
      for (std::size_t k = 0; k < t->bytes; ++k)
        if (kept[k] != static_cast<const uint8_t*>(t->data)[k]) ++differing;
      print("compare %d %s differing_bytes %lu %s\n", static_cast<int>(i), tinyinfer::data_type_name(t->type),
            static_cast<unsigned long>(differing), differing == 0 ? "match" : "MISMATCH");
      all_ok = all_ok && differing == 0;
    }
    kept += t->bytes;
  }
  return all_ok;
}

// ---- stack high-water mark -------------------------------------------------

// Kernels keep their scratch on the stack, so "arena bytes" alone does not
// say how much RAM an inference needs. Before the profiled invoke the free
// stack below the caller is painted with a pattern; afterwards the lowest
// overwritten word gives the deepest point invoke() reached.
extern "C" uint8_t __bss_end[];
constexpr uint32_t kStackPaint = 0xC5A5A5C5u;
constexpr uint32_t kStackPaintMaxBytes = 256u * 1024u;
constexpr uint32_t kStackPaintGuard = 256;  // left alone below the painter's own frame

struct StackMark {
  uint32_t* low = nullptr;   // first painted word
  uint32_t* high = nullptr;  // one past the last painted word
  uintptr_t caller_sp = 0;   // the caller's stack pointer when it painted
};

__attribute__((noinline)) StackMark paint_stack() {
  uintptr_t sp;
  asm volatile("mov %0, sp" : "=r"(sp));
  StackMark mark;
  mark.caller_sp = sp;
  const uintptr_t limit = (reinterpret_cast<uintptr_t>(__bss_end) + 3u) & ~uintptr_t{3};
  uintptr_t high = (sp - kStackPaintGuard) & ~uintptr_t{3};
  uintptr_t low = high > limit + kStackPaintMaxBytes ? high - kStackPaintMaxBytes : limit;
  mark.low = reinterpret_cast<uint32_t*>(low);
  mark.high = reinterpret_cast<uint32_t*>(high);
  for (volatile uint32_t* p = mark.low; p < mark.high; ++p) *p = kStackPaint;
  return mark;
}

// Bytes of stack below the painter's caller that were written since the
// paint (the painted range starts kStackPaintGuard below it, so a use of
// less than that reads as kStackPaintGuard).
uint32_t stack_used(const StackMark& mark) {
  const volatile uint32_t* p = mark.low;
  while (p < mark.high && *p == kStackPaint) ++p;
  if (p == mark.high) return kStackPaintGuard;
  return static_cast<uint32_t>(mark.caller_sp - reinterpret_cast<uintptr_t>(p));
}

// ---- one kernel set --------------------------------------------------------

int report_init_error(const char* set, const tinyinfer::Status& status) {
  print("error: init (%s kernels): %s: %s\n", set, tinyinfer::status_code_name(status.code()), status.message());
  return status.code() == tinyinfer::StatusCode::kArenaTooSmall ? kExitArena : kExitBadJob;
}

// Arena bytes with the other fusion setting (reported beside the run's).
void report_other_arena(const tinyinfer::Model& model, int set, bool fuse, bool small_arena) {
  tinyinfer::InterpreterOptions other;
  other.fuse_conv_pool = !fuse;
  other.small_arena = small_arena;
  const tinyinfer::Status status = g_interpreter.init(model, kSets[set], g_arena, sizeof g_arena, other);
  if (status.is_ok())
    print("arena %s fuse %d used %lu\n", kSetNames[set], other.fuse_conv_pool ? 1 : 0,
          static_cast<unsigned long>(g_interpreter.arena_used_bytes()));
  else
    print("arena %s fuse %d error %s\n", kSetNames[set], other.fuse_conv_pool ? 1 : 0, status.message());
}

int run_set(const tinyinfer::Model& model, const Job& job, int set, tinyinfer::OpTimeTable* profile) {
  const char* name = kSetNames[set];
  const bool fuse = (job.flags & kFlagFuse) != 0;
  const bool small_arena = (job.flags & kFlagSmallArena) != 0;
  report_other_arena(model, set, fuse, small_arena);

  tinyinfer::InterpreterOptions options;
  options.fuse_conv_pool = fuse;
  options.small_arena = small_arena;
  tinyinfer::Status status = g_interpreter.init(model, kSets[set], g_arena, sizeof g_arena, options);
  if (!status.is_ok()) return report_init_error(name, status);
  const tinyinfer::ArenaUsage usage = g_interpreter.arena_usage();
  print("arena %s fuse %d used %lu metadata %lu persistent %lu activations %lu of %lu\n", name, fuse ? 1 : 0,
        static_cast<unsigned long>(usage.total()), static_cast<unsigned long>(usage.metadata),
        static_cast<unsigned long>(usage.persistent), static_cast<unsigned long>(usage.activations),
        static_cast<unsigned long>(sizeof g_arena));
  if (!fill_inputs(job)) return kExitBadJob;

  // The first invoke warms up (as TFLM's benchmarks report the second).
  uint32_t stack_peak = 0;
  status = g_interpreter.invoke();
  if (status.is_ok()) {
    if (!fill_inputs(job)) return kExitBadJob;  // invoke() consumed the inputs
    profile->reset();
    const StackMark mark = paint_stack();
    status = g_interpreter.invoke(profile);
    stack_peak = stack_used(mark);
  }
  // Once more without the profiler, counted around invoke() as a whole: the
  // per-inference figure comparable with TFLM's (interpreter overhead
  // included, no per-op counter reads). Same input, so the same outputs.
  uint64_t whole_invoke = 0;
  if (status.is_ok() && fill_inputs(job)) {
    const uint64_t start = tinyinfer::board::counter();
    status = g_interpreter.invoke();
    whole_invoke = tinyinfer::board::counter() - start;
  }
  if (!status.is_ok()) {
    print("error: invoke (%s kernels): %s: %s\n", name, tinyinfer::status_code_name(status.code()), status.message());
    return kExitInvoke;
  }
  for (int32_t i = 0; i < g_interpreter.op_count(); ++i) {
    const uint64_t count = i < profile->count() ? profile->elapsed(i) : 0;
    print("op %s %d %s macs %lld count %llu%s\n", name, static_cast<int>(i), g_interpreter.op_name(i),
          static_cast<long long>(g_interpreter.op_macs(i)), static_cast<unsigned long long>(count),
          g_interpreter.op_fused_into_previous(i) ? " fused" : "");
  }
  print("total %s macs %lld count %llu %s\n", name, static_cast<long long>(g_interpreter.total_macs()),
        static_cast<unsigned long long>(profile->total()), profile->unit());
  print("invoke %s count %llu %s\n", name, static_cast<unsigned long long>(whole_invoke), profile->unit());
  print("stack %s peak %lu bytes (invoke, painted below the caller)\n", name, static_cast<unsigned long>(stack_peak));
  print("checksum %s fnv1a 0x%x bytes %lu\n", name, static_cast<unsigned>(output_checksum()),
        static_cast<unsigned long>(output_bytes_total()));
  print_outputs(name);
  return kExitOk;
}

int run_job() {
  const volatile Job* placed = reinterpret_cast<const volatile Job*>(kJobAddress);
  Job job;
  job.magic = placed->magic;
  job.model_bytes = placed->model_bytes;
  job.flags = placed->flags;
  job.input_bytes = placed->input_bytes;
  if (job.magic != kJobMagic) {
    print(
        "error: no job at 0x%x (magic 0x%x): start QEMU with the generic loader as "
        "`tinyinfer bench-m7` does\n",
        static_cast<unsigned>(kJobAddress), static_cast<unsigned>(job.magic));
    return kExitBadJob;
  }
  if (job.model_bytes == 0 || job.model_bytes > kInputAddress - kModelAddress) {
    print("error: model size %lu out of range (1..%lu bytes)\n", static_cast<unsigned long>(job.model_bytes),
          static_cast<unsigned long>(kInputAddress - kModelAddress));
    return kExitBadJob;
  }
  if (job.input_bytes > kScratchAddress - kInputAddress) {
    print("error: input size %lu out of range (0..%lu bytes)\n", static_cast<unsigned long>(job.input_bytes),
          static_cast<unsigned long>(kScratchAddress - kInputAddress));
    return kExitBadJob;
  }
  if ((job.flags & (kFlagReference | kFlagOptimized)) == 0) {
    print("error: job selects no kernel set (flags 0x%x)\n", static_cast<unsigned>(job.flags));
    return kExitBadJob;
  }

  tinyinfer::Model model;
  const tinyinfer::Status status =
      tinyinfer::Model::load(reinterpret_cast<const void*>(kModelAddress), job.model_bytes, &model);
  if (!status.is_ok()) {
    print("error: model: %s: %s\n", tinyinfer::status_code_name(status.code()), status.message());
    return kExitBadJob;
  }
  print("model bytes %lu ops %d inputs %d outputs %d\n", static_cast<unsigned long>(job.model_bytes),
        static_cast<int>(model.op_count()), static_cast<int>(model.input_count()),
        static_cast<int>(model.output_count()));

  // Locals: a static with a virtual destructor would need __cxa_atexit.
  tinyinfer::OpTimeTable profile(&tinyinfer::board::counter, tinyinfer::board::counter_unit());
  bool kept = false;
  for (int set = 0; set < 2; ++set) {
    if ((job.flags & (set == 0 ? kFlagReference : kFlagOptimized)) == 0) continue;
    const int code = run_set(model, job, set, &profile);
    if (code != kExitOk) return code;
    if (!kept) {
      if (output_bytes_total() > kRamEnd - kScratchAddress) {
        print("error: outputs of %lu bytes do not fit the comparison buffer\n",
              static_cast<unsigned long>(output_bytes_total()));
        return kExitBadJob;
      }
      keep_outputs();
      kept = true;
    } else if (!compare_with_kept()) {
      print("error: reference and optimized outputs differ\n");
      return kExitMismatch;
    }
  }
  return kExitOk;
}

}  // namespace

int main() {
  tinyinfer::board::init();
  print("bench-m7 1 board %s unit %s\n", tinyinfer::board::name(), tinyinfer::board::counter_unit());
  const int code = run_job();
  print("end status %d\n", code);
  tinyinfer::board::exit(code);
}
