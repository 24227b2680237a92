// Golden-folder firmware for QEMU mps2-an500: runs MANY conformance folders
// (model, inputs and expected outputs of every case) in one QEMU start. The
// host (`tinyinfer check --m7`, tools/cli/check_m7.cc) packs them into one
// batch that QEMU's generic loader places in the 16 MB RAM at 0x60000000:
//
//   header   magic "TIGB", version 1, entry count, flags
//   entries  per folder: model offset and bytes, cases, data offset, input
//            and output bytes per case, float tolerance (atol, rtol bits)
//   data     16-byte aligned models; per case the inputs then the expected
//            outputs, each concatenated in subgraph order
//
// flags: bit 0 reference kernels, bit 1 optimized, bit 2 fuse conv + pool,
// bit 3 small_arena. For every folder and kernel set one line:
//   golden <i> <set> pass arena <bytes>
//   golden <i> <set> refused <the engine's message>
//   golden <i> <set> fail <where and what differs>
//   golden <i> <set> bad <what does not fit the folder's sizes>
// then "end status <n>" (0 all passed or refused, 1 some failed, 2 a bad
// batch) and the same as the semihosting exit status. Integers compare byte
// for byte, float32 within |got - want| <= atol + rtol * |want|, as on the
// host (tools/golden). Whether a refusal is expected is the host's call.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "app/console.h"
#include "boards/board.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace {

using tinyinfer::app::print;

constexpr uint32_t kBatchAddress = 0x60000000;
constexpr uint32_t kRamBytes = 0x01000000;
constexpr uint32_t kMagic = 0x42474954;  // "TIGB" little-endian
constexpr uint32_t kVersion = 1;

constexpr uint32_t kFlagReference = 1u << 0;
constexpr uint32_t kFlagOptimized = 1u << 1;
constexpr uint32_t kFlagFuse = 1u << 2;
constexpr uint32_t kFlagSmallArena = 1u << 3;

struct Header {
  uint32_t magic, version, entry_count, flags;
};
struct Entry {
  uint32_t model_offset, model_bytes, cases, data_offset, input_bytes, output_bytes, atol_bits, rtol_bits;
};

enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitBadBatch = 2 };

constexpr std::size_t kArenaBytes = 3u * 1024u * 1024u + 512u * 1024u;
alignas(16) uint8_t g_arena[kArenaBytes];
tinyinfer::Interpreter g_interpreter;

const uint8_t* batch_bytes(uint32_t offset) { return reinterpret_cast<const uint8_t*>(kBatchAddress + offset); }

bool within_ram(uint32_t offset, uint64_t bytes) { return offset <= kRamBytes && bytes <= kRamBytes - offset; }

float float_from_bits(uint32_t bits) {
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

// Index of the first element of `output` that differs from `want`, or -1.
int64_t first_difference(const tinyinfer::Tensor& output, const uint8_t* want, float atol, float rtol) {
  const auto* got = static_cast<const uint8_t*>(output.data);
  if (output.type != tinyinfer::DataType::kFloat32) {
    const std::size_t element = tinyinfer::data_type_size(output.type);
    for (std::size_t i = 0; i < output.bytes; ++i)
      if (got[i] != want[i]) return static_cast<int64_t>(i / (element == 0 ? 1 : element));
    return -1;
  }
  for (std::size_t i = 0; i < output.bytes / 4; ++i) {
    float g, w;
    std::memcpy(&g, got + 4 * i, 4);
    std::memcpy(&w, want + 4 * i, 4);
    if (std::isnan(g) && std::isnan(w)) continue;
    if (!(std::fabs(g - w) <= atol + rtol * std::fabs(w))) return static_cast<int64_t>(i);
  }
  return -1;
}

std::size_t total_bytes(bool inputs) {
  std::size_t total = 0;
  const int32_t count = inputs ? g_interpreter.input_count() : g_interpreter.output_count();
  for (int32_t i = 0; i < count; ++i) total += (inputs ? g_interpreter.input(i) : g_interpreter.output(i))->bytes;
  return total;
}

// Runs one folder with one kernel set; false when it failed (not refused).
bool run_entry(uint32_t index, const Entry& e, tinyinfer::KernelChoice kernels, const char* set_name,
               const tinyinfer::InterpreterOptions& options) {
  tinyinfer::Model model;
  tinyinfer::Status status = tinyinfer::Model::load(batch_bytes(e.model_offset), e.model_bytes, &model);
  if (status.is_ok()) status = g_interpreter.init(model, kernels, g_arena, sizeof(g_arena), options);
  if (!status.is_ok()) {
    print("golden %lu %s refused %s\n", static_cast<unsigned long>(index), set_name, status.message());
    return true;
  }
  if (total_bytes(true) != e.input_bytes || total_bytes(false) != e.output_bytes) {
    print("golden %lu %s bad the model's inputs take %lu bytes and outputs %lu, the folder has %lu and %lu\n",
          static_cast<unsigned long>(index), set_name, static_cast<unsigned long>(total_bytes(true)),
          static_cast<unsigned long>(total_bytes(false)), static_cast<unsigned long>(e.input_bytes),
          static_cast<unsigned long>(e.output_bytes));
    return false;
  }
  const float atol = float_from_bits(e.atol_bits), rtol = float_from_bits(e.rtol_bits);
  const uint8_t* data = batch_bytes(e.data_offset);
  for (uint32_t k = 0; k < e.cases; ++k, data += e.input_bytes + e.output_bytes) {
    const uint8_t* in = data;
    for (int32_t i = 0; i < g_interpreter.input_count(); ++i) {
      tinyinfer::Tensor* t = g_interpreter.input(i);
      std::memcpy(t->data, in, t->bytes);
      in += t->bytes;
    }
    (void)g_interpreter.reset_state();  // the golden cases start from zeroed state (cannot fail after init)
    status = g_interpreter.invoke();
    if (!status.is_ok()) {
      print("golden %lu %s fail case %lu: invoke: %s\n", static_cast<unsigned long>(index), set_name,
            static_cast<unsigned long>(k), status.message());
      return false;
    }
    const uint8_t* want = data + e.input_bytes;
    for (int32_t j = 0; j < g_interpreter.output_count(); ++j) {
      const tinyinfer::Tensor& t = *g_interpreter.output(j);
      const int64_t at = first_difference(t, want, atol, rtol);
      if (at >= 0) {
        print("golden %lu %s fail case %lu output %ld differs first at element %ld\n",
              static_cast<unsigned long>(index), set_name, static_cast<unsigned long>(k), static_cast<long>(j),
              static_cast<long>(at));
        return false;
      }
      want += t.bytes;
    }
  }
  print("golden %lu %s pass arena %lu\n", static_cast<unsigned long>(index), set_name,
        static_cast<unsigned long>(g_interpreter.arena_used_bytes()));
  return true;
}

int run_batch() {
  const auto& header = *reinterpret_cast<const Header*>(kBatchAddress);
  if (header.magic != kMagic || header.version != kVersion) {
    print("error: no golden batch at 0x%08lx (magic 0x%08lx, version %lu)\n", static_cast<unsigned long>(kBatchAddress),
          static_cast<unsigned long>(header.magic), static_cast<unsigned long>(header.version));
    return kExitBadBatch;
  }
  const uint64_t table_bytes = uint64_t{header.entry_count} * sizeof(Entry);
  if (!within_ram(sizeof(Header), table_bytes)) {
    print("error: %lu entries do not fit the RAM\n", static_cast<unsigned long>(header.entry_count));
    return kExitBadBatch;
  }
  tinyinfer::InterpreterOptions options;
  options.fuse_conv_pool = (header.flags & kFlagFuse) != 0;
  options.small_arena = (header.flags & kFlagSmallArena) != 0;
  const auto* entries = reinterpret_cast<const Entry*>(kBatchAddress + sizeof(Header));
  int code = kExitOk;
  for (uint32_t i = 0; i < header.entry_count; ++i) {
    const Entry& e = entries[i];
    const uint64_t case_bytes = uint64_t{e.input_bytes} + e.output_bytes;
    if (!within_ram(e.model_offset, e.model_bytes) || (e.model_offset % 16) != 0 ||
        !within_ram(e.data_offset, case_bytes * e.cases)) {
      print("golden %lu batch bad entry outside the RAM or misaligned\n", static_cast<unsigned long>(i));
      return kExitBadBatch;
    }
    if ((header.flags & kFlagReference) != 0 &&
        !run_entry(i, e, tinyinfer::KernelChoice::kReference, "reference", options))
      code = kExitFailed;
    if ((header.flags & kFlagOptimized) != 0 &&
        !run_entry(i, e, tinyinfer::KernelChoice::kOptimized, "optimized", options))
      code = kExitFailed;
  }
  return code;
}

}  // namespace

int main() {
  tinyinfer::board::init();
  print("golden-m7 1 board %s\n", tinyinfer::board::name());
  const int code = run_batch();
  print("end status %d\n", code);
  tinyinfer::board::exit(code);
  return code;
}
