#include "check_m7.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

#include "qemu_session.h"
#include "subprocess.h"

namespace tinyinfer::cli {
namespace {

namespace fs = std::filesystem;
using Outcome = golden::FolderResult::Outcome;

// The firmware's batch layout (firmware/check/golden_batch.cc).
constexpr uint32_t kBatchAddress = 0x60000000;
constexpr std::size_t kBatchLimit = 15u << 20;  // of the 16 MB RAM
constexpr uint32_t kMagic = 0x42474954;         // "TIGB"
constexpr uint32_t kVersion = 1;
constexpr uint32_t kHeaderWords = 4, kEntryWords = 8;

std::string read_bytes(const fs::path& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void put_word(std::string* out, std::size_t at, uint32_t value) {
  for (int b = 0; b < 4; ++b) (*out)[at + static_cast<std::size_t>(b)] = static_cast<char>((value >> (8 * b)) & 0xff);
}

uint32_t float_bits(double value) {
  const float f = static_cast<float>(value);
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  return bits;
}

// One folder's part of a batch, or why it cannot go to the M7.
struct Packed {
  std::string model;
  std::string data;  // per case: inputs, then expected outputs
  uint32_t cases = 0, input_bytes = 0, output_bytes = 0;
  double atol = 0, rtol = 0;
  std::string problem;  // not empty: the folder is "bad data" without running
};

Packed pack_folder(const std::string& dir) {
  Packed p;
  golden::Manifest m;
  if (!golden::read_manifest(dir, &m, &p.problem)) return p;
  bool ok = false;
  p.model = read_bytes(fs::path(dir) / m.model, &ok);
  if (!ok) return p.problem = "cannot read " + m.model, p;
  p.cases = static_cast<uint32_t>(m.cases);
  p.atol = m.tolerance.atol;
  p.rtol = m.tolerance.rtol;
  for (int k = 0; k < m.cases; ++k) {
    for (int side = 0; side < 2; ++side) {
      const bool input = side == 0;
      std::size_t bytes = 0;
      for (int i = 0; i < (input ? m.inputs : m.outputs); ++i) {
        const std::string file = golden::case_file(m, input, k, i);
        const std::string content = read_bytes(fs::path(dir) / file, &ok);
        if (!ok) return p.problem = "cannot read " + file, p;
        p.data += content;
        bytes += content.size();
      }
      uint32_t& per_case = input ? p.input_bytes : p.output_bytes;
      if (k == 0) per_case = static_cast<uint32_t>(bytes);
      if (bytes != per_case)
        return p.problem = "case " + std::to_string(k) + " has " + std::to_string(bytes) + " bytes of " +
                           (input ? "inputs" : "outputs") + ", case 0 " + std::to_string(per_case),
               p;
    }
  }
  return p;
}

std::size_t align16(std::size_t n) { return (n + 15) & ~std::size_t{15}; }

// The batch for folders `members` (indices into packed).
std::string batch_bytes(const std::vector<Packed>& packed, const std::vector<std::size_t>& members, uint32_t flags) {
  std::string out(align16(4 * (kHeaderWords + kEntryWords * members.size())), '\0');
  put_word(&out, 0, kMagic);
  put_word(&out, 4, kVersion);
  put_word(&out, 8, static_cast<uint32_t>(members.size()));
  put_word(&out, 12, flags);
  for (std::size_t e = 0; e < members.size(); ++e) {
    const Packed& p = packed[members[e]];
    const std::size_t model_at = out.size();
    out += p.model;
    out.resize(align16(out.size()), '\0');
    const std::size_t data_at = out.size();
    out += p.data;
    out.resize(align16(out.size()), '\0');
    const std::size_t entry = 4 * (kHeaderWords + kEntryWords * e);
    const uint32_t words[kEntryWords] = {static_cast<uint32_t>(model_at),
                                         static_cast<uint32_t>(p.model.size()),
                                         p.cases,
                                         static_cast<uint32_t>(data_at),
                                         p.input_bytes,
                                         p.output_bytes,
                                         float_bits(p.atol),
                                         float_bits(p.rtol)};
    for (uint32_t w = 0; w < kEntryWords; ++w) put_word(&out, entry + 4 * w, words[w]);
  }
  return out;
}

std::size_t packed_size(const Packed& p) { return 4 * kEntryWords + align16(p.model.size()) + align16(p.data.size()); }

// "golden <i> <set> <outcome> <rest>" lines into results.
void parse_lines(const std::string& text, const std::vector<std::size_t>& members,
                 std::vector<std::vector<golden::FolderResult>>* results, std::vector<std::vector<bool>>* seen) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string tag, set, outcome;
    std::size_t index = 0;
    if (!(words >> tag >> index >> set >> outcome) || tag != "golden" || index >= members.size()) continue;
    const int s = set == "reference" ? 0 : set == "optimized" ? 1 : -1;
    if (s < 0) continue;
    std::string rest;
    std::getline(words, rest);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    golden::FolderResult& r = (*results)[members[index]][static_cast<std::size_t>(s)];
    (*seen)[members[index]][static_cast<std::size_t>(s)] = true;
    if (outcome == "pass") {
      r.outcome = Outcome::kPassed;
      r.arena_bytes =
          static_cast<std::size_t>(std::strtoull(rest.c_str() + (rest.rfind("arena ", 0) == 0 ? 6 : 0), nullptr, 10));
    } else if (outcome == "refused") {
      r.outcome = Outcome::kRefused;
      r.message = "init: " + rest;  // load or init, as on the host
    } else if (outcome == "fail") {
      r.outcome = Outcome::kMismatch;
      r.message = "on the M7: " + rest;
    } else {
      r.outcome = Outcome::kBadData;
      r.message = "on the M7: " + rest;
    }
  }
}

bool run_batch(const std::string& batch, const std::vector<std::size_t>& members, const M7CheckOptions& options,
               std::vector<std::vector<golden::FolderResult>>* results, std::vector<std::vector<bool>>* seen,
               std::string* error) {
  char path[] = "/tmp/tinyinfer-golden-batch-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return *error = "cannot create a temporary batch file", false;
  const bool written = write(fd, batch.data(), batch.size()) == static_cast<ssize_t>(batch.size());
  close(fd);
  if (!written) {
    unlink(path);
    return *error = std::string("cannot write ") + path, false;
  }
  m7::QemuOptions qemu = m7::with_environment(m7::QemuOptions());
  qemu.extra_args = {"-device", m7::loader_file(path, kBatchAddress)};
  ProcessResult run;
  const bool started = m7::run_qemu(options.firmware, qemu, options.timeout_s, &run, error);
  unlink(path);
  if (!started) return false;
  parse_lines(run.out, members, results, seen);
  if (run.timed_out) {
    *error = "QEMU did not finish a batch of " + std::to_string(members.size()) + " folders within " +
             std::to_string(static_cast<long long>(options.timeout_s)) + " s";
    return false;
  }
  if (run.out.find("end status ") == std::string::npos) {
    *error = "the golden firmware ended without its report (QEMU exit " + std::to_string(run.exit_code) +
             "): " + run.out.substr(run.out.size() > 400 ? run.out.size() - 400 : 0) + run.err;
    return false;
  }
  return true;
}

}  // namespace

bool run_folders_on_m7(const std::vector<std::string>& dirs, const M7CheckOptions& options,
                       std::vector<std::vector<golden::FolderResult>>* results, std::string* error) {
  const uint32_t flags = (options.reference ? 1u : 0u) | (options.optimized ? 2u : 0u) |
                         (options.interpreter.fuse_conv_pool ? 4u : 0u) | (options.interpreter.small_arena ? 8u : 0u);
  results->assign(dirs.size(), std::vector<golden::FolderResult>(2));
  std::vector<std::vector<bool>> seen(dirs.size(), std::vector<bool>(2, false));
  std::vector<Packed> packed;
  std::vector<std::size_t> batch;
  std::size_t batch_size = 4 * kHeaderWords;
  auto flush = [&]() {
    if (batch.empty()) return true;
    const bool ok = run_batch(batch_bytes(packed, batch, flags), batch, options, results, &seen, error);
    for (std::size_t f : batch) packed[f] = Packed();  // its bytes are in QEMU's RAM now
    batch.clear();
    batch_size = 4 * kHeaderWords;
    return ok;
  };
  for (std::size_t f = 0; f < dirs.size(); ++f) {
    golden::Manifest manifest;
    std::string ignored;
    packed.push_back(pack_folder(dirs[f]));
    Packed& p = packed.back();
    if (golden::read_manifest(dirs[f], &manifest, &ignored)) {
      for (golden::FolderResult& r : (*results)[f]) {
        r.cases = manifest.cases;
        r.tflm_arena_bytes = manifest.tflm_arena_bytes;
        r.tflm_host_invoke_ms = manifest.tflm_host_invoke_ms;
      }
    }
    if (p.problem.empty() && packed_size(p) > kBatchLimit)
      p.problem = "too large for the M7's 15 MB batch RAM (" + std::to_string(packed_size(p)) + " bytes)";
    if (!p.problem.empty()) {
      for (std::size_t s = 0; s < 2; ++s) {
        (*results)[f][s].outcome = Outcome::kBadData;
        (*results)[f][s].message = p.problem;
        seen[f][s] = true;
      }
      continue;
    }
    if (batch_size + packed_size(p) > kBatchLimit && !flush()) return false;
    batch.push_back(f);
    batch_size += packed_size(p);
  }
  if (!flush()) return false;
  for (std::size_t f = 0; f < dirs.size(); ++f) {
    for (std::size_t s = 0; s < 2; ++s) {
      const bool wanted = s == 0 ? options.reference : options.optimized;
      if (wanted && !seen[f][s]) {
        (*results)[f][s].outcome = Outcome::kBadData;
        (*results)[f][s].message = "the golden firmware reported nothing for this folder";
      }
    }
  }
  return true;
}

}  // namespace tinyinfer::cli
