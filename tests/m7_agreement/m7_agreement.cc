// Host vs emulated Cortex-M7 agreement on real inputs (issue 5).
//
// Every input goes, as the same raw tensor file, through `tinyinfer run` (the
// host engine, reference kernels) and `tinyinfer bench-m7` (the benchmark
// firmware in QEMU mps2-an500). The top-1 class must be the same; with
// --exact (int8 models) the whole output must be bit-identical, checked by
// the firmware's FNV-1a checksum against the host's output bytes.
//
//   m7_agreement --cli TINYINFER --firmware ELF --model MODEL --work DIR
//                [--digit PGM] [--mnist DIR --count N]
//                [--exact | --tolerance T] [--m7-kernels optimized|both]
//                [--m7-model OTHER]  (self-test: the M7 runs another model)
//
// Exit code 0 when every input agrees, 1 on a disagreement (the message names
// the input), 2 on a setup error.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "tinyinfer/model.h"

extern char** environ;

namespace {

// ---- small utilities ---------------------------------------------------------

[[noreturn]] void setup_error(const std::string& message) {
  std::fprintf(stderr, "m7_agreement: error: %s\n", message.c_str());
  std::exit(2);
}

bool read_file(const std::string& path, std::vector<uint8_t>* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) setup_error("cannot write " + path);
}

// Same hash as the firmware's output_checksum() (firmware/bench).
uint32_t fnv1a(const std::vector<uint8_t>& bytes) {
  uint32_t hash = 2166136261u;
  for (uint8_t b : bytes) hash = (hash ^ b) * 16777619u;
  return hash;
}

struct Process {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs argv[0] without a shell (paths need no quoting) and collects its output.
Process run(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) setup_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  Process p;
  if (rc != 0) {
    close(fds[0]);
    setup_error("cannot start " + args[0] + ": " + std::strerror(rc));
  }
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) p.output.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  p.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return p;
}

std::string command_text(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& a : args) text += (text.empty() ? "" : " ") + a;
  return text;
}

// ---- inputs --------------------------------------------------------------------

struct InputSpec {
  tinyinfer::DataType type;
  int64_t elements = 0;
  std::size_t bytes = 0;
  float scale = 0;
  int32_t zero_point = 0;
};

struct Case {
  std::string name;          // what a failure message names
  std::string file_stem;     // under --work
  std::vector<uint8_t> raw;  // the input tensor's bytes
  std::string image_path;    // a PGM the CLI also reads itself (cross-check), or ""
};

// Gray pixels 0..255 -> the input tensor's bytes: float32 pixel/255, or
// int8/uint8 round-half-away(pixel/255 / scale) + zero point, clamped (what
// the CLI does for images, so the PGM cross-check can compare outputs).
std::vector<uint8_t> to_tensor(const uint8_t* pixels, const InputSpec& in) {
  std::vector<uint8_t> raw(in.bytes);
  for (int64_t i = 0; i < in.elements; ++i) {
    const float unit = static_cast<float>(pixels[i]) / 255.0f;
    if (in.type == tinyinfer::DataType::kFloat32) {
      std::memcpy(raw.data() + i * 4, &unit, 4);
      continue;
    }
    const bool is_signed = in.type == tinyinfer::DataType::kInt8;
    const double q = std::round(static_cast<double>(unit) / in.scale) + in.zero_point;
    const int32_t v = static_cast<int32_t>(std::clamp(q, is_signed ? -128.0 : 0.0, is_signed ? 127.0 : 255.0));
    raw[i] = static_cast<uint8_t>(v);  // int8 as its two's-complement byte
  }
  return raw;
}

// A binary PGM (P5, maxval 255) of exactly rows x cols; comments allowed.
std::vector<uint8_t> read_pgm(const std::string& path, int rows, int cols) {
  std::vector<uint8_t> bytes;
  if (!read_file(path, &bytes)) setup_error(path + ": cannot read");
  std::size_t pos = 0;
  auto next_number = [&]() {
    while (pos < bytes.size()) {
      if (bytes[pos] == '#') {
        while (pos < bytes.size() && bytes[pos] != '\n') ++pos;
      } else if (std::isspace(bytes[pos])) {
        ++pos;
      } else {
        break;
      }
    }
    long value = 0;
    const std::size_t start = pos;
    while (pos < bytes.size() && std::isdigit(bytes[pos]) && value <= 65535) {
      value = value * 10 + (bytes[pos++] - '0');
    }
    if (pos == start || value > 65535) setup_error(path + ": malformed PGM header");
    return value;
  };
  if (bytes.size() < 2 || bytes[0] != 'P' || bytes[1] != '5') setup_error(path + ": not a binary PGM (P5)");
  pos = 2;
  const long width = next_number(), height = next_number(), maxval = next_number();
  ++pos;  // the single whitespace before the pixels
  if (width != cols || height != rows || maxval != 255) {
    setup_error(path + ": expected an 8-bit " + std::to_string(cols) + "x" + std::to_string(rows) +
                " PGM (this test feeds pixels unscaled)");
  }
  if (bytes.size() - pos < static_cast<std::size_t>(rows * cols)) setup_error(path + ": truncated pixels");
  return std::vector<uint8_t>(bytes.begin() + static_cast<long>(pos),
                              bytes.begin() + static_cast<long>(pos) + rows * cols);
}

// The first `count` items of an IDX file (gzip or plain; zlib reads both).
std::vector<uint8_t> read_idx(const std::string& dir, const std::string& name, uint32_t magic, int count,
                              std::size_t item_bytes, int* rows, int* cols) {
  std::string path = dir + "/" + name + ".gz";
  struct stat st;
  if (stat(path.c_str(), &st) != 0) path = dir + "/" + name;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) setup_error(path + ": cannot open");
  const int header_words = magic == 0x803 ? 4 : 2;
  uint8_t header[16];
  if (gzread(f, header, static_cast<unsigned>(header_words * 4)) != header_words * 4) {
    setup_error(path + ": truncated header");
  }
  auto word = [&](int i) {
    return static_cast<uint32_t>(header[4 * i]) << 24 | static_cast<uint32_t>(header[4 * i + 1]) << 16 |
           static_cast<uint32_t>(header[4 * i + 2]) << 8 | header[4 * i + 3];
  };
  if (word(0) != magic) setup_error(path + ": wrong IDX magic");
  if (word(1) < static_cast<uint32_t>(count)) setup_error(path + ": fewer items than --count");
  if (header_words == 4) {
    *rows = static_cast<int>(word(2));
    *cols = static_cast<int>(word(3));
    item_bytes = static_cast<std::size_t>(*rows) * static_cast<std::size_t>(*cols);
    if (item_bytes == 0 || item_bytes > 4096 * 4096) setup_error(path + ": implausible image size");
  }
  std::vector<uint8_t> data(item_bytes * static_cast<std::size_t>(count));
  if (gzread(f, data.data(), static_cast<unsigned>(data.size())) != static_cast<int>(data.size())) {
    setup_error(path + ": truncated data");
  }
  gzclose(f);
  return data;
}

// ---- outputs -------------------------------------------------------------------

struct Result {
  bool ok = false;
  std::string error;
  uint32_t checksum = 0;
  std::vector<double> values;  // all of them (host) or what the firmware printed (M7)
  int top = -1;
};

int argmax(const std::vector<double>& v) {
  int best = 0;
  for (std::size_t i = 1; i < v.size(); ++i)
    if (v[i] > v[static_cast<std::size_t>(best)]) best = static_cast<int>(i);
  return v.empty() ? -1 : best;
}

// Raw output bytes -> numbers in the tensor's own type (argmax of raw int8
// equals argmax of the dequantized values: the scale is positive).
std::vector<double> decode(const std::vector<uint8_t>& bytes, tinyinfer::DataType type) {
  std::vector<double> v;
  if (type == tinyinfer::DataType::kFloat32) {
    for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) {
      float f;
      std::memcpy(&f, bytes.data() + i, 4);
      v.push_back(f);
    }
  } else if (type == tinyinfer::DataType::kInt8) {
    for (uint8_t b : bytes) v.push_back(static_cast<int8_t>(b));
  } else if (type == tinyinfer::DataType::kUInt8) {
    for (uint8_t b : bytes) v.push_back(b);
  }
  return v;
}

// The string value after `"key": ` at or after `from` in a JSON text.
bool json_string_after(const std::string& json, std::size_t from, const std::string& key, std::string* out) {
  const std::size_t k = json.find("\"" + key + "\": \"", from);
  if (k == std::string::npos) return false;
  const std::size_t start = k + key.size() + 5;
  const std::size_t end = json.find('"', start);
  if (end == std::string::npos) return false;
  *out = json.substr(start, end - start);
  return true;
}

// One kernel set's block of `bench-m7 --json`: its checksum and the printed
// output 0 ("TYPE COUNT v0 v1 ...", the firmware prints up to 16 values).
Result parse_m7_set(const std::string& json, const std::string& set) {
  Result r;
  const std::size_t at = json.find("\"" + set + "\": ");
  if (at == std::string::npos || json.compare(at + set.size() + 4, 4, "null") == 0) {
    r.error = "bench-m7 reported no '" + set + "' run";
    return r;
  }
  std::string checksum;
  const std::size_t array = json.find("\"outputs\": [", at);
  const std::size_t open = array == std::string::npos ? array : json.find('"', array + 12);
  const std::size_t close = open == std::string::npos ? open : json.find('"', open + 1);
  if (!json_string_after(json, at, "output_checksum_fnv1a", &checksum) || close == std::string::npos) {
    r.error = "cannot find the " + set + " checksum and outputs in the bench-m7 --json report";
    return r;
  }
  const std::string output = json.substr(open + 1, close - open - 1);
  r.checksum = static_cast<uint32_t>(std::strtoul(checksum.c_str(), nullptr, 16));
  std::istringstream words(output);
  std::string type;
  long count = 0;
  words >> type >> count;
  double value;
  while (words >> value) r.values.push_back(value);
  if (count < 2 || static_cast<long>(r.values.size()) != count) {
    r.error = "bench-m7 printed " + std::to_string(r.values.size()) + " of " + std::to_string(count) +
              " output values (" + set + "); this test needs a class vector of at most 16";
    return r;
  }
  r.top = argmax(r.values);
  r.ok = true;
  return r;
}

struct Options {
  std::string cli, firmware, model, m7_model, work, digit, mnist;
  int count = 0;
  bool exact = false;
  double tolerance = -1;
  std::string m7_kernels = "optimized";
};

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) setup_error(a + " needs a value");
      return argv[++i];
    };
    const std::pair<const char*, std::string*> text_options[] = {
        {"--cli", &o.cli},   {"--firmware", &o.firmware}, {"--model", &o.model}, {"--m7-model", &o.m7_model},
        {"--work", &o.work}, {"--digit", &o.digit},       {"--mnist", &o.mnist}, {"--m7-kernels", &o.m7_kernels}};
    bool known = false;
    for (const auto& [name, target] : text_options) {
      if (a == name) {
        *target = value();
        known = true;
      }
    }
    if (known) continue;
    if (a == "--count") {
      o.count = std::atoi(value().c_str());
    } else if (a == "--tolerance") {
      o.tolerance = std::atof(value().c_str());
    } else if (a == "--exact") {
      o.exact = true;
    } else {
      setup_error("unknown argument " + a);
    }
  }
  if (o.cli.empty() || o.firmware.empty() || o.model.empty() || o.work.empty())
    setup_error("--cli, --firmware, --model and --work are required");
  if (o.exact == (o.tolerance >= 0)) setup_error("give exactly one of --exact and --tolerance T");
  if (o.digit.empty() && o.mnist.empty()) setup_error("nothing to run: give --digit and/or --mnist");
  if (!o.mnist.empty() && (o.count < 1 || o.count > 10000)) setup_error("--count must be 1..10000");
  if (o.m7_model.empty()) o.m7_model = o.model;
  if (o.m7_kernels != "optimized" && o.m7_kernels != "both") setup_error("--m7-kernels optimized|both");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse_args(argc, argv);
  mkdir(opt.work.c_str(), 0755);

  // The input and output tensors, from the model itself (16-byte aligned copy).
  std::vector<uint8_t> file;
  if (!read_file(opt.model, &file)) setup_error(opt.model + ": cannot read");
  std::vector<uint8_t> aligned(file.size() + tinyinfer::kModelAlignment);
  uint8_t* base = aligned.data() + (tinyinfer::kModelAlignment -
                                    reinterpret_cast<uintptr_t>(aligned.data()) % tinyinfer::kModelAlignment);
  std::memcpy(base, file.data(), file.size());
  tinyinfer::Model model;
  const tinyinfer::Status status = tinyinfer::Model::load(base, file.size(), &model);
  if (!status.is_ok()) setup_error(opt.model + ": " + status.message());
  if (model.input_count() != 1 || model.output_count() != 1)
    setup_error("this test takes models with one input and one output");
  const tinyinfer::Tensor input = model.tensor(model.input_tensor_index(0));
  const tinyinfer::Tensor output = model.tensor(model.output_tensor_index(0));
  InputSpec in{input.type, input.shape.elements(), input.bytes, input.quant.scale(), input.quant.zero_point()};
  const bool integer_in = in.type == tinyinfer::DataType::kInt8 || in.type == tinyinfer::DataType::kUInt8;
  if (in.type != tinyinfer::DataType::kFloat32 && !(integer_in && in.scale > 0))
    setup_error("the input must be float32 or quantized int8/uint8");
  if (input.shape.rank < 3 || input.shape.dim(input.shape.rank - 1) != 1)
    setup_error("the input must be a one-channel image [1,H,W,1]");
  const int rows = input.shape.dim(input.shape.rank - 3), cols = input.shape.dim(input.shape.rank - 2);

  std::vector<Case> cases;
  if (!opt.digit.empty()) {
    const std::vector<uint8_t> pixels = read_pgm(opt.digit, rows, cols);
    cases.push_back({"digit " + opt.digit, "digit", to_tensor(pixels.data(), in), opt.digit});
  }
  std::vector<uint8_t> labels;
  if (!opt.mnist.empty()) {
    int idx_rows = 0, idx_cols = 0;
    const std::vector<uint8_t> images =
        read_idx(opt.mnist, "t10k-images-idx3-ubyte", 0x803, opt.count, 0, &idx_rows, &idx_cols);
    if (idx_rows != rows || idx_cols != cols) setup_error("MNIST images do not match the model's input size");
    labels = read_idx(opt.mnist, "t10k-labels-idx1-ubyte", 0x801, opt.count, 1, &idx_rows, &idx_cols);
    for (int i = 0; i < opt.count; ++i) {
      cases.push_back({"MNIST test image " + std::to_string(i) + " (label " + std::to_string(labels[i]) + ")",
                       "mnist_" + std::to_string(i),
                       to_tensor(images.data() + static_cast<std::size_t>(i) * rows * cols, in), ""});
    }
  }

  const std::vector<std::string> m7_sets = opt.m7_kernels == "both" ? std::vector<std::string>{"reference", "optimized"}
                                                                    : std::vector<std::string>{"optimized"};
  std::printf(
      "model %s: %s input, %s output; host reference kernels vs M7 %s kernels; %s\n", opt.model.c_str(),
      tinyinfer::data_type_name(in.type), tinyinfer::data_type_name(output.type), opt.m7_kernels.c_str(),
      opt.exact ? "outputs must be bit-identical" : ("outputs within " + std::to_string(opt.tolerance)).c_str());

  if (opt.m7_model != opt.model) std::printf("self-test: the M7 runs %s instead\n", opt.m7_model.c_str());

  int failures = 0, top_agree = 0, identical = 0, near_ties = 0, correct = 0;
  double max_diff = 0;
  for (const Case& c : cases) {
    const std::string in_path = opt.work + "/" + c.file_stem + ".in";
    const std::string out_path = opt.work + "/" + c.file_stem + ".host.out";
    write_file(in_path, c.raw);
    bool failed = false;  // one count per input, however many checks fail
    auto fail = [&](const std::string& what) {
      std::printf("MISMATCH %s: %s\n", c.name.c_str(), what.c_str());
      if (!failed) ++failures;
      failed = true;
    };

    // Host.
    std::remove(out_path.c_str());
    const std::vector<std::string> host_cmd = {opt.cli, "run", opt.model, "--input", in_path, "--output", out_path};
    const Process host = run(host_cmd);
    std::vector<uint8_t> host_bytes;
    if (host.exit_code != 0 || !read_file(out_path, &host_bytes) || host_bytes.size() != output.bytes) {
      fail("host run failed (exit " + std::to_string(host.exit_code) + "): " + command_text(host_cmd) + "\n" +
           host.output);
      continue;
    }
    Result h;
    h.checksum = fnv1a(host_bytes);
    h.values = decode(host_bytes, output.type);
    h.top = argmax(h.values);
    if (h.values.size() < 2) setup_error("output type is not float32/int8/uint8 or has one value");

    // The CLI's own reading of the PGM must give the same output as our raw
    // bytes (else the M7 would see a different input than `run DIGIT`).
    if (!c.image_path.empty()) {
      const std::string pgm_out = opt.work + "/" + c.file_stem + ".pgm.host.out";
      const Process p = run({opt.cli, "run", opt.model, "--input", c.image_path, "--output", pgm_out});
      std::vector<uint8_t> pgm_bytes;
      if (p.exit_code != 0 || !read_file(pgm_out, &pgm_bytes) || pgm_bytes != host_bytes) {
        fail("`tinyinfer run --input " + c.image_path + "` does not give the output of its raw pixels\n" + p.output);
        continue;
      }
    }

    // Emulated Cortex-M7.
    const std::vector<std::string> m7_cmd = {opt.cli,        "bench-m7",   opt.m7_model, "--input",
                                             in_path,        "--firmware", opt.firmware, "--kernels",
                                             opt.m7_kernels, "--timeout",  "60",         "--json"};
    const Process m7 = run(m7_cmd);
    if (m7.exit_code != 0) {
      fail("bench-m7 failed (exit " + std::to_string(m7.exit_code) + "): " + command_text(m7_cmd) + "\n" + m7.output);
      continue;
    }
    std::string line = c.name + ": host " + std::to_string(h.top);
    bool case_ok = true, case_identical = true, case_top = true;
    for (const std::string& set : m7_sets) {
      const Result m = parse_m7_set(m7.output, set);
      if (!m.ok) {
        fail(m.error + "\n" + m7.output);
        case_ok = case_top = case_identical = false;
        break;
      }
      double diff = 0;
      for (std::size_t i = 0; i < m.values.size(); ++i) diff = std::max(diff, std::fabs(m.values[i] - h.values[i]));
      max_diff = std::max(max_diff, diff);
      const bool same_bits = m.checksum == h.checksum;
      case_identical = case_identical && same_bits;
      char hex[64];
      std::snprintf(hex, sizeof hex, " (checksums host 0x%08x, M7 0x%08x)", h.checksum, m.checksum);
      line += ", M7 " + set + " " + std::to_string(m.top) + (same_bits ? " identical" : "");
      if (opt.exact && !same_bits) {
        fail("M7 " + set + " output is not bit-identical to the host's" + hex);
        case_ok = false;
      }
      // The firmware prints 6 decimals: allow half a unit of that on top.
      if (!opt.exact && diff > opt.tolerance + 5e-7) {
        fail("M7 " + set + " output differs from the host's by " + std::to_string(diff));
        case_ok = false;
      }
      if (m.top != h.top) {
        // With a tolerance, a class whose host score is within it of the top
        // one may legitimately win on the M7; it is reported, not failed.
        std::vector<double> sorted = h.values;
        std::sort(sorted.rbegin(), sorted.rend());
        if (!opt.exact && sorted[0] - sorted[1] <= opt.tolerance) {
          ++near_ties;
          line += " (near tie)";
        } else {
          case_top = false;
          fail("host top-1 " + std::to_string(h.top) + ", M7 " + set + " top-1 " + std::to_string(m.top) + hex);
          case_ok = false;
        }
      }
    }
    if (case_top) ++top_agree;
    if (case_identical) ++identical;
    if (c.file_stem.rfind("mnist_", 0) == 0 && h.top == labels[std::stoul(c.file_stem.substr(6))]) ++correct;
    if (!case_ok) continue;
    std::printf("%s\n", line.c_str());
  }

  const int n = static_cast<int>(cases.size());
  std::printf("\n%d input(s): top-1 agrees on %d; outputs bit-identical on %d; max |M7 - host| %.3g", n, top_agree,
              identical, max_diff);
  if (!labels.empty()) std::printf("; %d/%d MNIST images classified correctly", correct, opt.count);
  if (near_ties > 0) std::printf("; %d near tie(s)", near_ties);
  std::printf("\n");
  if (failures > 0) {
    std::printf("FAILED: %d input(s) disagree between host and M7\n", failures);
    return 1;
  }
  std::printf("AGREEMENT OK\n");
  return 0;
}
