// The model pipeline as a user runs it: `tinyinfer quantize` then
// `tinyinfer eval`. Exit codes: 0 ok, 1 bad file/data/model, 2 bad usage.
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include "convert/model_writer.h"
#include "format/tflite_schema_generated.h"
#include "support/exec_cli.h"
#include "tinyinfer/model.h"

namespace fs = std::filesystem;

namespace {

const std::string kCli = TINYINFER_CLI_PATH;
const fs::path kSource = TINYINFER_SOURCE_DIR;

fs::path own_model(const char* kind) { return kSource / "models" / ("mnist_" + std::string(kind) + ".tflite"); }

fs::path shared_dir() {
  if (const char* env = std::getenv("TINYINFER_SHARED_DIR")) return env;
  return TINYINFER_SHARED_DIR;
}

struct Result {
  int exit_code = -1;
  int signal = 0;
  std::string out, err;
  std::string describe() const {
    std::ostringstream s;
    s << "exit " << exit_code;
    if (signal != 0) s << " (killed by signal " << signal << ")";
    s << "\n--- stdout ---\n" << out << "--- stderr ---\n" << err;
    return s.str();
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void write_bytes(const fs::path& p, const std::vector<uint8_t>& bytes) {
  std::ofstream f(p, std::ios::binary);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void put_u32(std::vector<uint8_t>* v, uint32_t x) {
  for (int shift = 24; shift >= 0; shift -= 8) v->push_back(static_cast<uint8_t>(x >> shift));
}

std::vector<uint8_t> idx_images(uint32_t count, uint32_t rows, uint32_t cols, std::size_t pixel_bytes) {
  std::vector<uint8_t> v;
  put_u32(&v, 0x00000803);
  put_u32(&v, count);
  put_u32(&v, rows);
  put_u32(&v, cols);
  v.resize(v.size() + pixel_bytes, 0);
  return v;
}

std::vector<uint8_t> idx_labels(uint32_t count, std::vector<uint8_t> labels) {
  std::vector<uint8_t> v;
  put_u32(&v, 0x00000801);
  put_u32(&v, count);
  v.insert(v.end(), labels.begin(), labels.end());
  return v;
}

class CliPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "tinyinfer_pipeline_XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Result run(const std::vector<std::string>& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      if (!std::freopen(out.c_str(), "w", stdout) || !std::freopen(err.c_str(), "w", stderr)) _exit(127);
      tinyinfer::testing::exec_cli(kCli, args);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    Result r;
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // Like run(), but stderr is a pseudo-terminal (what a user at a shell
  // sees); its bytes are returned in err.
  Result run_on_terminal(const std::vector<std::string>& args) {
    Result r;
    int master = -1, slave = -1;
    if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
      ADD_FAILURE() << "openpty: " << std::strerror(errno);
      return r;
    }
    const fs::path out = dir_ / "stdout.txt";
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      close(master);
      if (!std::freopen(out.c_str(), "w", stdout) || dup2(slave, STDERR_FILENO) < 0) _exit(127);
      close(slave);
      tinyinfer::testing::exec_cli(kCli, args);
    }
    close(slave);
    // Read until the child's side closes (EIO on Linux once no process holds it).
    std::array<char, 4096> buffer;
    for (;;) {
      const ssize_t n = read(master, buffer.data(), buffer.size());
      if (n > 0) {
        r.err.append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        break;
      }
    }
    close(master);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = slurp(out);
    return r;
  }

  // A data folder with t10k files (plain IDX) of the given bytes.
  fs::path mnist_dir(const std::vector<uint8_t>& images, const std::vector<uint8_t>& labels) {
    const fs::path d = dir_ / ("mnist" + std::to_string(counter_++));
    fs::create_directories(d);
    write_bytes(d / "t10k-images-idx3-ubyte", images);
    write_bytes(d / "t10k-labels-idx1-ubyte", labels);
    return d;
  }

  fs::path dir_;
  int counter_ = 0;
};

void expect_exit(const Result& r, int code, const std::string& message_part) {
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_EQ(r.exit_code, code) << r.describe();
  EXPECT_NE(r.err.find(message_part), std::string::npos) << "stderr lacks '" << message_part << "'\n" << r.describe();
}

TEST_F(CliPipelineTest, QuantizeUsageErrorsExitTwo) {
  expect_exit(run({"quantize"}), 2, "IN is required");
  expect_exit(run({"quantize", "in.tflite", "--mode", "hybrid"}), 2, "--output is required");
  expect_exit(run({"quantize", "in.tflite", "-o", "out.tflite"}), 2, "--mode is required");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int4"}), 2, "--mode: int4 not in {hybrid,int8}");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8"}), 2, "needs calibration data");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "hybrid", "--io", "int8"}), 2,
              "applies to --mode int8 only");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--calibration", "c"}), 2,
              "--calibration excludes --mnist");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--range", "percentile=20"}),
              2, "percentile=P needs P in (50, 100]");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--range", "median"}), 2,
              "--range must be");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--samples", "0"}), 2,
              "--samples: must be in 1..100000, got 0");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--samples", "5k"}), 2,
              "--samples: needs an integer in 1..100000, got '5k'");
  expect_exit(run({"quantize", "in.tflite", "-o", "", "--mode", "hybrid"}), 2, "--output: needs a non-empty value");
  expect_exit(run({"quantize", "in.tflite", "-o", "a", "--output", "b", "--mode", "hybrid"}), 2, "--output");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--io", "uint8"}), 2,
              "--io: uint8 not in {int8,float}");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "hybrid", "--bogus"}), 2, "not expected: --bogus");
  const Result help = run({"quantize", "--help"});
  EXPECT_EQ(help.exit_code, 0) << help.describe();
  EXPECT_NE(help.out.find("--calibration"), std::string::npos);
}

TEST_F(CliPipelineTest, QuantizeBadFilesExitOne) {
  expect_exit(
      run({"quantize", (dir_ / "missing.tflite").string(), "-o", (dir_ / "o.tflite").string(), "--mode", "hybrid"}), 1,
      "missing.tflite");
  write_bytes(dir_ / "junk.tflite", std::vector<uint8_t>(100, 7));
  expect_exit(
      run({"quantize", (dir_ / "junk.tflite").string(), "-o", (dir_ / "o.tflite").string(), "--mode", "hybrid"}), 1,
      "junk.tflite");
  EXPECT_FALSE(fs::exists(dir_ / "o.tflite"));
}

TEST_F(CliPipelineTest, EvalUsageErrorsExitTwo) {
  expect_exit(run({"eval"}), 2, "MODEL is required");
  expect_exit(run({"eval", "m.tflite"}), 2, "--mnist is required");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--limit", "0"}), 2, "--limit: must be in 1..1000000, got 0");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--limit", "ten"}), 2,
              "--limit: needs an integer in 1..1000000, got 'ten'");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--kernels", "fast"}), 2,
              "--kernels: fast not in {reference,optimized}");
  expect_exit(run({"eval", "m.tflite", "--mnist"}), 2, "--mnist: 1 required DIR missing");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--bogus"}), 2, "not expected: --bogus");
  const Result help = run({"eval", "--help"});
  EXPECT_EQ(help.exit_code, 0) << help.describe();
  EXPECT_NE(help.out.find("--limit"), std::string::npos) << help.describe();
}

TEST_F(CliPipelineTest, EvalBadIdxFilesExitOneWithAClearMessage) {
  const std::string model = (dir_ / "model.tflite").string();  // never reached: the data is checked first
  expect_exit(run({"eval", model, "--mnist", (dir_ / "nowhere").string()}), 1, "does not exist");

  fs::create_directories(dir_ / "empty");
  expect_exit(run({"eval", model, "--mnist", (dir_ / "empty").string()}), 1, "t10k-images-idx3-ubyte[.gz]");

  const std::vector<uint8_t> labels = idx_labels(2, {3, 4});
  // Pixels end early.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(idx_images(2, 28, 28, 28 * 28 + 5), labels).string()}), 1,
              "truncated");
  // Header ends early.
  expect_exit(run({"eval", model, "--mnist", mnist_dir({0, 0, 8, 3, 0, 0}, labels).string()}), 1, "truncated");
  // Wrong magic: the labels file where the images belong.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(labels, labels).string()}), 1, "is not an MNIST images file");
  // Absurd geometry.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(idx_images(2, 100000, 28, 0), labels).string()}), 1,
              "out of range");
  // Counts disagree.
  expect_exit(
      run({"eval", model, "--mnist", mnist_dir(idx_images(2, 28, 28, 2 * 28 * 28), idx_labels(3, {1, 2, 3})).string()}),
      1, "disagree");
  // A label that is not a digit.
  expect_exit(
      run({"eval", model, "--mnist", mnist_dir(idx_images(2, 28, 28, 2 * 28 * 28), idx_labels(2, {1, 12})).string()}),
      1, "not a digit");
  // A corrupt gzip stream.
  {
    const fs::path d = dir_ / "gz";
    fs::create_directories(d);
    std::vector<uint8_t> gz = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4};
    write_bytes(d / "t10k-images-idx3-ubyte.gz", gz);
    write_bytes(d / "t10k-labels-idx1-ubyte", labels);
    const Result r = run({"eval", model, "--mnist", d.string()});
    EXPECT_EQ(r.exit_code, 1) << r.describe();
    EXPECT_NE(r.err.find("t10k-images-idx3-ubyte.gz"), std::string::npos) << r.describe();
  }
}

// ---- Our own models: no ../shared needed ----

constexpr int kSide = 28;
using Pixels = std::vector<uint8_t>;

// models/digit_8.pgm (binary PGM, 28x28, maxval 255).
Pixels digit_8() {
  const std::string pgm = slurp(kSource / "models" / "digit_8.pgm");
  const std::string header = "P5\n28 28\n255\n";
  EXPECT_EQ(pgm.compare(0, header.size(), header), 0) << "unexpected header in models/digit_8.pgm";
  EXPECT_EQ(pgm.size(), header.size() + kSide * kSide);
  if (pgm.size() != header.size() + kSide * kSide) return Pixels(kSide * kSide, 0);
  return Pixels(pgm.begin() + static_cast<std::ptrdiff_t>(header.size()), pgm.end());
}

// The digit moved by (dx, dy) pixels, zeros shifted in.
Pixels shifted(const Pixels& px, int dx, int dy) {
  Pixels out(px.size(), 0);
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      const int sx = x - dx, sy = y - dy;
      if (sx >= 0 && sx < kSide && sy >= 0 && sy < kSide) out[y * kSide + x] = px[sy * kSide + sx];
    }
  return out;
}

// The set every test below evaluates: 9 copies of the 8 (shifted by up to 2
// px, all of which our models call 8) labelled 8, then 3 more labelled 3, so
// the expected report is known exactly: 9 / 12 correct, row 3 all in column 8.
struct DigitSet {
  std::vector<Pixels> images;
  std::vector<uint8_t> labels;
};
DigitSet digit_set() {
  const Pixels eight = digit_8();
  const int shifts[][2] = {{0, 0},  {1, 0}, {-1, 0},  {0, 1}, {0, -1}, {2, 0},
                           {-2, 0}, {1, 1}, {-1, -2}, {0, 2}, {2, -1}, {-2, 1}};
  DigitSet set;
  for (std::size_t i = 0; i < std::size(shifts); ++i) {
    set.images.push_back(shifted(eight, shifts[i][0], shifts[i][1]));
    set.labels.push_back(i < 9 ? 8 : 3);
  }
  return set;
}

std::vector<uint8_t> idx_of(const std::vector<Pixels>& images) {
  std::vector<uint8_t> v = idx_images(static_cast<uint32_t>(images.size()), kSide, kSide, 0);
  for (const Pixels& px : images) v.insert(v.end(), px.begin(), px.end());
  return v;
}

void write_pgm(const fs::path& p, const Pixels& px) {
  std::vector<uint8_t> bytes;
  const std::string header = "P5\n28 28\n255\n";
  bytes.insert(bytes.end(), header.begin(), header.end());
  bytes.insert(bytes.end(), px.begin(), px.end());
  write_bytes(p, bytes);
}

// What `eval` printed, parsed from its text report.
struct EvalReport {
  int correct = -1, total = -1;
  double accuracy = -1;
  long long confusion[10][10] = {};
  int matrix_rows = 0;
  long long class_correct[10] = {}, class_total[10] = {};
  double class_accuracy[10] = {};
  int class_lines = 0;
};

EvalReport parse_eval_text(const std::string& out) {
  EvalReport r;
  std::smatch m;
  if (std::regex_search(out, m, std::regex("Top-1 accuracy: ([0-9.]+) % \\(([0-9]+) / ([0-9]+) correct\\)"))) {
    r.accuracy = std::stod(m[1]);
    r.correct = std::stoi(m[2]);
    r.total = std::stoi(m[3]);
  }
  const std::regex row("\n  ([0-9]) \\|((?: +[0-9]+){10})(?=\n)");
  for (std::sregex_iterator it(out.begin(), out.end(), row), end; it != end; ++it) {
    const int c = std::stoi((*it)[1]);
    std::istringstream cells((*it)[2]);
    for (int p = 0; p < 10; ++p) cells >> r.confusion[c][p];
    ++r.matrix_rows;
  }
  const std::regex per_class("\n  ([0-9]): +([0-9.]+) % \\(([0-9]+) / ([0-9]+)\\)");
  for (std::sregex_iterator it(out.begin(), out.end(), per_class), end; it != end; ++it) {
    const int c = std::stoi((*it)[1]);
    r.class_accuracy[c] = std::stod((*it)[2]);
    r.class_correct[c] = std::stoll((*it)[3]);
    r.class_total[c] = std::stoll((*it)[4]);
    ++r.class_lines;
  }
  return r;
}

// The report agrees with itself: matrix rows = class totals, diagonal =
// class correct, their sums = the top-1 line, percentages = the ratios.
void expect_consistent(const EvalReport& r) {
  ASSERT_EQ(r.matrix_rows, 10);
  ASSERT_EQ(r.class_lines, 10);
  long long diagonal = 0, all = 0;
  for (int c = 0; c < 10; ++c) {
    long long row = 0;
    for (int p = 0; p < 10; ++p) row += r.confusion[c][p];
    EXPECT_EQ(row, r.class_total[c]) << "class " << c;
    EXPECT_EQ(r.confusion[c][c], r.class_correct[c]) << "class " << c;
    const double expected = r.class_total[c] > 0 ? 100.0 * r.class_correct[c] / r.class_total[c] : 0.0;
    EXPECT_NEAR(r.class_accuracy[c], expected, 0.005) << "class " << c;
    diagonal += r.confusion[c][c];
    all += row;
  }
  EXPECT_EQ(diagonal, r.correct);
  EXPECT_EQ(all, r.total);
  EXPECT_NEAR(r.accuracy, r.total > 0 ? 100.0 * r.correct / r.total : 0.0, 0.005);
}

TEST_F(CliPipelineTest, EvalReportsAccuracyPerClassAndConfusionOnOwnModels) {
  const DigitSet set = digit_set();
  const fs::path data = mnist_dir(idx_of(set.images), idx_labels(static_cast<uint32_t>(set.labels.size()), set.labels));
  for (const char* kind : {"float", "hybrid", "int8"}) {
    for (const char* kernels : {"reference", "optimized"}) {
      SCOPED_TRACE(std::string(kind) + " / " + kernels);
      const Result r = run({"eval", own_model(kind).string(), "--mnist", data.string(), "--kernels", kernels});
      ASSERT_EQ(r.exit_code, 0) << r.describe();
      EXPECT_TRUE(r.err.empty()) << "no progress bar when stderr is not a terminal\n" << r.describe();
      EXPECT_NE(r.out.find("(12 of 12 images), " + std::string(kernels) + " kernels"), std::string::npos)
          << r.describe();
      EXPECT_NE(r.out.find("Input: float32 pixel/255"), std::string::npos) << r.out;  // all three keep float I/O
      const EvalReport report = parse_eval_text(r.out);
      expect_consistent(report);
      EXPECT_EQ(report.correct, 9) << r.out;
      EXPECT_EQ(report.total, 12);
      EXPECT_NE(r.out.find("Top-1 accuracy: 75.00 % (9 / 12 correct)"), std::string::npos) << r.out;
      EXPECT_EQ(report.confusion[8][8], 9) << r.out;
      EXPECT_EQ(report.confusion[3][8], 3) << r.out;
      EXPECT_NE(r.out.find("  8: 100.00 % (9 / 9)"), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("  3:   0.00 % (0 / 3)"), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("  5:   0.00 % (0 / 0)"), std::string::npos) << r.out;

      // --json says the same.
      const Result j =
          run({"eval", own_model(kind).string(), "--mnist", data.string(), "--kernels", kernels, "--json"});
      ASSERT_EQ(j.exit_code, 0) << j.describe();
      const nlohmann::json doc = nlohmann::json::parse(j.out);
      EXPECT_EQ(doc.at("evaluated"), 12) << j.out;
      EXPECT_EQ(doc.at("available"), 12) << j.out;
      EXPECT_EQ(doc.at("correct"), 9) << j.out;
      EXPECT_DOUBLE_EQ(doc.at("accuracy_percent").get<double>(), 75.0) << j.out;
      ASSERT_EQ(doc.at("per_class").size(), 10u) << j.out;
      const nlohmann::json eight = {{"digit", 8}, {"total", 9}, {"correct", 9}, {"accuracy_percent", 100.0}};
      EXPECT_EQ(doc["per_class"][8], eight) << j.out;
      EXPECT_EQ(doc.at("confusion")[3], nlohmann::json({0, 0, 0, 0, 0, 0, 0, 0, 3, 0})) << j.out;
      EXPECT_EQ(doc["confusion"][8], nlohmann::json({0, 0, 0, 0, 0, 0, 0, 0, 9, 0})) << j.out;
      // The fields scripts grep for (tools/train/train.sh) keep their order:
      // the overall accuracy comes before the per-class ones.
      EXPECT_LT(j.out.find("\"accuracy_percent\""), j.out.find("\"per_class\"")) << j.out;
    }
  }
  // --limit: only the first images.
  const Result r = run({"eval", own_model("int8").string(), "--mnist", data.string(), "--limit", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("(5 of 12 images)"), std::string::npos) << r.out;
  const EvalReport report = parse_eval_text(r.out);
  expect_consistent(report);
  EXPECT_EQ(report.correct, 5);
}

TEST_F(CliPipelineTest, EvalDrawsAProgressBarOnlyOnATerminal) {
  const DigitSet set = digit_set();
  const fs::path data = mnist_dir(idx_of(set.images), idx_labels(static_cast<uint32_t>(set.labels.size()), set.labels));
  const Result tty = run_on_terminal({"eval", own_model("int8").string(), "--mnist", data.string()});
  ASSERT_EQ(tty.exit_code, 0) << tty.describe();
  EXPECT_NE(tty.err.find("\r  ["), std::string::npos) << tty.describe();
  EXPECT_NE(tty.err.find("] 100%  12/12"), std::string::npos) << tty.describe();
  EXPECT_NE(tty.err.find("########################################] 100%"), std::string::npos) << tty.describe();
  EXPECT_NE(tty.out.find("Top-1 accuracy: 75.00 %"), std::string::npos) << "the report still goes to stdout\n"
                                                                        << tty.describe();
  EXPECT_EQ(tty.out.find("\r"), std::string::npos) << "no bar in stdout\n" << tty.describe();

  const Result file = run({"eval", own_model("int8").string(), "--mnist", data.string()});
  ASSERT_EQ(file.exit_code, 0) << file.describe();
  EXPECT_TRUE(file.err.empty()) << "stderr is a file: no bar\n" << file.describe();
  auto report = [](const std::string& out) { return out.substr(0, out.find("Host time")); };
  EXPECT_EQ(report(file.out), report(tty.out)) << "the same report either way (but the timing)";
}

// Scale and zero point of the tensor named `name` in `tinyinfer info` text.
bool tensor_quant(const std::string& info, const std::string& name, double* scale, int* zero_point) {
  std::smatch m;
  if (!std::regex_search(info, m, std::regex("\\(scale ([0-9.e-]+) zp (-?[0-9]+)\\) '" + name + "'"))) return false;
  *scale = std::stod(m[1]);
  *zero_point = std::stoi(m[2]);
  return true;
}

TEST_F(CliPipelineTest, QuantizeOwnFloatModelWithImageCalibrationRangesAndIo) {
  const DigitSet set = digit_set();
  const fs::path images = dir_ / "calibration";
  fs::create_directories(images);
  for (std::size_t i = 0; i < set.images.size(); ++i)
    write_pgm(images / ("digit_" + std::to_string(10 + i) + ".pgm"), set.images[i]);
  write_bytes(images / "notes.txt", {'x'});  // not an image: skipped
  const fs::path data = mnist_dir(idx_of(set.images), idx_labels(static_cast<uint32_t>(set.labels.size()), set.labels));
  const std::string model = own_model("float").string();

  // A folder of images; FULLY_CONNECTED per tensor by default.
  const std::string minmax = (dir_ / "minmax.tflite").string();
  Result r = run({"quantize", model, "-o", minmax, "--mode", "int8", "--calibration", images.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("calibration: 12 file(s) from " + images.string() + ", range min/max"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("weights: per channel (FULLY_CONNECTED per tensor), 5 tensor(s) to int8"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("op 5 FULLY_CONNECTED: weights 'fc1/weights' -> int8 per tensor"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("model I/O: float"), std::string::npos) << r.out;
  const Result minmax_info = run({"info", minmax});
  ASSERT_EQ(minmax_info.exit_code, 0) << minmax_info.describe();
  EXPECT_TRUE(std::regex_search(minmax_info.out, std::regex("\\(scale [0-9.e-]+ zp 0\\) const 36,864 B 'fc1/weights'")))
      << minmax_info.out;
  EXPECT_NE(minmax_info.out.find("#0 QUANTIZE v1"), std::string::npos) << minmax_info.out;

  // --samples caps a comma-separated list.
  const std::string list = (images / "digit_10.pgm").string() + "," + (images / "digit_11.pgm").string() + "," +
                           (images / "digit_12.pgm").string();
  r = run({"quantize", model, "-o", (dir_ / "list.tflite").string(), "--mode", "int8", "--calibration", list,
           "--samples", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("calibration: 2 file(s) from "), std::string::npos) << r.out;

  // Percentile ranges clip: no activation range is wider than min/max's.
  const std::string percentile = (dir_ / "percentile.tflite").string();
  r = run({"quantize", model, "-o", percentile, "--mode", "int8", "--calibration", images.string(), "--range",
           "percentile=99.9"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("range percentile 99.9"), std::string::npos) << r.out;
  const Result percentile_info = run({"info", percentile});
  ASSERT_EQ(percentile_info.exit_code, 0) << percentile_info.describe();
  int narrower = 0;
  for (const char* tensor : {"conv1/relu", "conv2/relu", "conv3/relu", "fc1/relu"}) {
    SCOPED_TRACE(tensor);
    double a = 0, b = 0;
    int za = 0, zb = 0;
    ASSERT_TRUE(tensor_quant(minmax_info.out, tensor, &a, &za)) << minmax_info.out;
    ASSERT_TRUE(tensor_quant(percentile_info.out, tensor, &b, &zb)) << percentile_info.out;
    EXPECT_LE(b, a * (1 + 1e-6));
    EXPECT_EQ(za, -128);  // after RELU the range starts at 0
    EXPECT_EQ(zb, -128);
    narrower += b < a ? 1 : 0;
  }
  EXPECT_GT(narrower, 0) << "99.9 % of 12 images' activations clips some range";
  r = run({"quantize", model, "-o", (dir_ / "p.tflite").string(), "--mode", "int8", "--calibration", images.string(),
           "--range", "percentile"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("range percentile 99.99"), std::string::npos) << r.out;

  // --io int8: the model's own input and output are int8, no QUANTIZE/DEQUANTIZE.
  const std::string int8_io = (dir_ / "int8_io.tflite").string();
  r = run({"quantize", model, "-o", int8_io, "--mode", "int8", "--calibration", images.string(), "--io", "int8"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("model I/O: int8"), std::string::npos) << r.out;
  const Result io_info = run({"info", int8_io});
  ASSERT_EQ(io_info.exit_code, 0) << io_info.describe();
  EXPECT_TRUE(std::regex_search(io_info.out, std::regex("input 0: int8 \\[1,28,28,1\\].*scale 0.00392157 zp -128")))
      << io_info.out;
  EXPECT_TRUE(std::regex_search(io_info.out, std::regex("output 0: int8 \\[1,10\\].*scale 0.00390625 zp -128")))
      << io_info.out;
  EXPECT_EQ(io_info.out.find("QUANTIZE v"), std::string::npos) << io_info.out;
  const Result digit = run({"run", int8_io, "--input", (kSource / "models" / "digit_8.pgm").string()});
  ASSERT_EQ(digit.exit_code, 0) << digit.describe();
  EXPECT_NE(digit.out.find("Top class: 8 "), std::string::npos) << digit.describe();

  // --fc-per-channel opts FULLY_CONNECTED back into per-channel weights.
  const std::string fc_pc = (dir_ / "fc_pc.tflite").string();
  r = run({"quantize", model, "-o", fc_pc, "--mode", "int8", "--calibration", images.string(), "--fc-per-channel"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("weights: per channel, 5 tensor(s)"), std::string::npos) << r.out;
  const Result fc_info = run({"info", fc_pc});
  EXPECT_TRUE(
      std::regex_search(fc_info.out, std::regex("\\(per-channel \\(64\\) on dim 0, scale [0-9.e-]+\\.\\.[0-9.e-]+ "
                                                "zp 0\\) const 36,864 B 'fc1/weights'")))
      << fc_info.out;

  // Every variant still gets the digits right.
  for (const std::string& q : {minmax, percentile, int8_io, fc_pc}) {
    SCOPED_TRACE(q);
    const Result e = run({"eval", q, "--mnist", data.string(), "--kernels", "optimized"});
    ASSERT_EQ(e.exit_code, 0) << e.describe();
    const EvalReport report = parse_eval_text(e.out);
    expect_consistent(report);
    EXPECT_EQ(report.correct, 9) << e.out;
    if (q == int8_io) {
      EXPECT_NE(e.out.find("Input: int8 quantized pixel/255"), std::string::npos) << e.out;
    }
  }

  // Contradictions and misplaced flags are usage errors.
  expect_exit(run({"quantize", model, "-o", (dir_ / "x.tflite").string(), "--mode", "int8", "--calibration",
                   images.string(), "--fc-per-channel", "--per-tensor"}),
              2, "--per-tensor excludes --fc-per-channel");
  expect_exit(run({"quantize", model, "-o", (dir_ / "x.tflite").string(), "--mode", "hybrid", "--fc-per-channel"}), 2,
              "applies to --mode int8 only");
  // A folder without images.
  fs::create_directories(dir_ / "no_images");
  expect_exit(run({"quantize", model, "-o", (dir_ / "x.tflite").string(), "--mode", "int8", "--calibration",
                   (dir_ / "no_images").string()}),
              1, "holds no .pgm, .png, .raw or .bin files");
}

TEST_F(CliPipelineTest, QuantizeCalibratesOnTheStandardMnistTrainingFileNames) {
  const DigitSet set = digit_set();
  const fs::path data = dir_ / "mnist_standard";
  fs::create_directories(data);
  write_bytes(data / "train-images-idx3-ubyte", idx_of(set.images));
  write_bytes(data / "train-labels-idx1-ubyte", idx_labels(static_cast<uint32_t>(set.labels.size()), set.labels));
  const Result r = run({"quantize", own_model("float").string(), "-o", (dir_ / "std.tflite").string(), "--mode", "int8",
                        "--mnist", data.string(), "--samples", "8"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("8 MNIST training images from " + (data / "train-images-idx3-ubyte").string()),
            std::string::npos)
      << r.out;
  // Neither name present: the message names both.
  fs::create_directories(dir_ / "no_mnist");
  expect_exit(run({"quantize", own_model("float").string(), "-o", (dir_ / "x.tflite").string(), "--mode", "int8",
                   "--mnist", (dir_ / "no_mnist").string()}),
              1, "train-images-idx3-ubyte[.gz] and train10k-images-idx3-ubyte[.gz]");
}

// The signature_defs of a .tflite file as one line per signature, read with
// the generated reader once Model::load has verified the file:
// "KEY: in NAME=tINDEX TYPE (model input K) ...; out ...". An entry that is no
// model input/output reads "(not a model input)".
std::string signatures_of(const fs::path& path) {
  namespace fb = ::tinyinfer::tflite;
  const std::string raw = slurp(path);
  tinyinfer::format::ModelBytes bytes(raw.size());
  std::memcpy(bytes.data(), raw.data(), raw.size());
  tinyinfer::Model model;
  const tinyinfer::Status status = tinyinfer::Model::load(bytes.data(), bytes.size(), &model);
  if (!status.is_ok()) return std::string("load failed: ") + status.message();
  const fb::Model* root = fb::GetModel(bytes.data());
  if (root->signature_defs() == nullptr || root->signature_defs()->size() == 0) return "no signature_defs";
  const fb::SubGraph* graph = root->subgraphs()->Get(0);
  std::ostringstream text;
  for (const fb::SignatureDef* def : *root->signature_defs()) {
    text << (def->signature_key() ? def->signature_key()->str() : "") << ":";
    for (int l = 0; l < 2; ++l) {
      const auto* entries = l == 0 ? def->inputs() : def->outputs();
      const auto* io = l == 0 ? graph->inputs() : graph->outputs();
      text << (l == 0 ? " in" : "; out");
      for (uint32_t e = 0; entries != nullptr && e < entries->size(); ++e) {
        const fb::TensorMap* entry = entries->Get(e);
        const uint32_t t = entry->tensor_index();
        text << " " << (entry->name() ? entry->name()->str() : "") << "=t" << t << " "
             << fb::EnumNameTensorType(graph->tensors()->Get(t)->type());
        int32_t position = -1;
        for (uint32_t k = 0; k < io->size(); ++k)
          if (io->Get(k) == static_cast<int32_t>(t)) position = static_cast<int32_t>(k);
        if (position < 0)
          text << (l == 0 ? " (not a model input)" : " (not a model output)");
        else
          text << (l == 0 ? " (model input " : " (model output ") << position << ")";
      }
    }
    text << "\n";
  }
  return text.str();
}

void write_floats(const fs::path& p, const std::vector<float>& values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(float));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  write_bytes(p, bytes);
}

float read_float(const fs::path& p) {
  const std::string raw = slurp(p);
  float value = 0;
  if (raw.size() == sizeof(float)) std::memcpy(&value, raw.data(), sizeof(float));
  return raw.size() == sizeof(float) ? value : std::nanf("");
}

TEST_F(CliPipelineTest, QuantizeKeepsTheSignatureDefsOfAConverterFile) {
  // A current converter's file: hello_world_float (the sine model, input
  // [1,1] float) carries a serving_default signature over tensors 0 and 9.
  const fs::path model = shared_dir() / "models" / "hello_world_float.tflite";
  if (!fs::exists(model)) GTEST_SKIP() << "needs " << model << " (../shared is absent)";
  const std::string original = signatures_of(model);
  ASSERT_EQ(original,
            "serving_default: in dense_input=t0 FLOAT32 (model input 0); out dense_2=t9 FLOAT32 (model output 0)\n");

  // Calibration: raw float inputs over the sine model's domain [0, 2 pi].
  const fs::path calibration = dir_ / "calibration";
  fs::create_directories(calibration);
  for (int i = 0; i < 32; ++i)
    write_floats(calibration / ("x" + std::to_string(10 + i) + ".bin"), {6.2831853f * static_cast<float>(i) / 31});
  const fs::path x = dir_ / "x.bin";
  write_floats(x, {1.0f});
  Result r = run({"run", model.string(), "--input", x.string(), "--output", (dir_ / "y_float.bin").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const float y_float = read_float(dir_ / "y_float.bin");
  ASSERT_NEAR(y_float, std::sin(1.0f), 0.1f);

  struct Variant {
    const char* name;
    std::vector<std::string> flags;
    const char* io_type;
  } variants[] = {
      {"hybrid", {"--mode", "hybrid"}, "FLOAT32"},
      {"int8", {"--mode", "int8", "--calibration", calibration.string()}, "FLOAT32"},
      {"int8_io", {"--mode", "int8", "--calibration", calibration.string(), "--io", "int8"}, "INT8"},
  };
  for (const Variant& v : variants) {
    SCOPED_TRACE(v.name);
    const fs::path out = dir_ / (std::string(v.name) + ".tflite");
    std::vector<std::string> args = {"quantize", model.string(), "-o", out.string()};
    args.insert(args.end(), v.flags.begin(), v.flags.end());
    r = run(args);
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_NE(r.out.find("signature 'serving_default' kept: 1 input(s), 1 output(s)"), std::string::npos)
        << r.describe();
    // Same names, same tensors, still the model's input and output (for
    // --io float not the int8 side of the added QUANTIZE/DEQUANTIZE).
    EXPECT_EQ(signatures_of(out), "serving_default: in dense_input=t0 " + std::string(v.io_type) +
                                      " (model input 0); out dense_2=t9 " + v.io_type + " (model output 0)\n");
    const Result info = run({"info", out.string()});
    EXPECT_EQ(info.exit_code, 0) << info.describe();
    if (std::string(v.io_type) == "FLOAT32") {
      const fs::path y = dir_ / (std::string(v.name) + "_y.bin");
      const Result ran = run({"run", out.string(), "--input", x.string(), "--output", y.string()});
      ASSERT_EQ(ran.exit_code, 0) << ran.describe();
      EXPECT_NEAR(read_float(y), y_float, 0.05f) << "sin(1) by the float model: " << y_float;
    } else {
      const Result ran = run({"run", out.string()});
      EXPECT_EQ(ran.exit_code, 0) << ran.describe();
    }
  }
}

// Accuracy from `eval --json`.
double accuracy_of(const Result& r) {
  const nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, false);
  if (doc.is_discarded() || !doc.contains("accuracy_percent") || !doc["accuracy_percent"].is_number()) return -1;
  return doc["accuracy_percent"].get<double>();
}

TEST_F(CliPipelineTest, QuantizedStudyModelKeepsItsAccuracy) {
  const fs::path model = shared_dir() / "models" / "mnist_uncompressed.tflite";
  const fs::path data = shared_dir() / "data" / "mnist";
  if (!fs::exists(model) || !fs::exists(data / "t10k-images-idx3-ubyte.gz"))
    GTEST_SKIP() << "needs " << model << " and the MNIST files in " << data << " (../shared is absent)";
  const std::string hybrid = (dir_ / "hybrid.tflite").string();
  const std::string int8 = (dir_ / "int8.tflite").string();

  Result r = run({"quantize", model.string(), "-o", hybrid, "--mode", "hybrid"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  r = run({"quantize", model.string(), "-o", int8, "--mode", "int8", "--mnist", data.string(), "--samples", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("200 MNIST training images"), std::string::npos) << r.describe();

  r = run({"info", int8});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("CONV_2D v3  int8"), std::string::npos) << r.describe();

  const std::string limit = "500";
  const Result f =
      run({"eval", model.string(), "--mnist", data.string(), "--limit", limit, "--json", "--kernels", "optimized"});
  const Result h =
      run({"eval", hybrid, "--mnist", data.string(), "--limit", limit, "--json", "--kernels", "optimized"});
  const Result q = run({"eval", int8, "--mnist", data.string(), "--limit", limit, "--json", "--kernels", "optimized"});
  ASSERT_EQ(f.exit_code, 0) << f.describe();
  ASSERT_EQ(h.exit_code, 0) << h.describe();
  ASSERT_EQ(q.exit_code, 0) << q.describe();
  EXPECT_EQ(nlohmann::json::parse(f.out).at("evaluated"), 500) << f.describe();
  EXPECT_TRUE(f.err.empty()) << "no progress bar when stderr is not a terminal\n" << f.describe();
  const double float_accuracy = accuracy_of(f), hybrid_accuracy = accuracy_of(h), int8_accuracy = accuracy_of(q);
  ASSERT_GT(float_accuracy, 95.0) << f.describe();
  EXPECT_NEAR(hybrid_accuracy, float_accuracy, 1.0) << h.describe();
  EXPECT_NEAR(int8_accuracy, float_accuracy, 1.0) << q.describe();
}

}  // namespace
