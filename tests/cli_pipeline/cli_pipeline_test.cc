// The model pipeline as a user runs it: `tinyinfer quantize` then
// `tinyinfer eval`. Exit codes: 0 ok, 1 bad file/data/model, 2 bad usage.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::string kCli = TINYINFER_CLI_PATH;

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
      std::vector<char*> argv;
      argv.push_back(const_cast<char*>(kCli.c_str()));
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(kCli.c_str(), argv.data());
      _exit(127);
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
  EXPECT_NE(r.err.find(message_part), std::string::npos) << "stderr lacks '" << message_part << "'\n"
                                                         << r.describe();
}

TEST_F(CliPipelineTest, QuantizeUsageErrorsExitTwo) {
  expect_exit(run({"quantize"}), 2, "expected exactly one input model");
  expect_exit(run({"quantize", "in.tflite", "--mode", "hybrid"}), 2, "-o OUT.tflite is required");
  expect_exit(run({"quantize", "in.tflite", "-o", "out.tflite"}), 2, "--mode hybrid|int8 is required");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int4"}), 2, "--mode must be");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8"}), 2, "needs calibration data");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "hybrid", "--io", "int8"}), 2,
              "applies to --mode int8 only");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--calibration", "c"}), 2,
              "one calibration source");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--range", "percentile=20"}),
              2, "percentile=P needs P in (50, 100]");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--range", "median"}), 2,
              "--range must be");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--samples", "0"}), 2,
              "--samples");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "int8", "--mnist", "d", "--io", "uint8"}), 2,
              "--io must be");
  expect_exit(run({"quantize", "in.tflite", "-o", "o", "--mode", "hybrid", "--bogus"}), 2, "unknown option");
  const Result help = run({"quantize", "--help"});
  EXPECT_EQ(help.exit_code, 0) << help.describe();
  EXPECT_NE(help.out.find("--calibration"), std::string::npos);
}

TEST_F(CliPipelineTest, QuantizeBadFilesExitOne) {
  expect_exit(run({"quantize", (dir_ / "missing.tflite").string(), "-o", (dir_ / "o.tflite").string(), "--mode",
                   "hybrid"}),
              1, "missing.tflite");
  write_bytes(dir_ / "junk.tflite", std::vector<uint8_t>(100, 7));
  expect_exit(run({"quantize", (dir_ / "junk.tflite").string(), "-o", (dir_ / "o.tflite").string(), "--mode",
                   "hybrid"}),
              1, "junk.tflite");
  EXPECT_FALSE(fs::exists(dir_ / "o.tflite"));
}

TEST_F(CliPipelineTest, EvalUsageErrorsExitTwo) {
  expect_exit(run({"eval"}), 2, "expected exactly one MODEL");
  expect_exit(run({"eval", "m.tflite"}), 2, "--mnist DIR is required");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--limit", "0"}), 2, "--limit");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--limit", "ten"}), 2, "--limit");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--kernels", "fast"}), 2, "--kernels must be");
  expect_exit(run({"eval", "m.tflite", "--mnist"}), 2, "needs a value");
  expect_exit(run({"eval", "m.tflite", "--mnist", "d", "--bogus"}), 2, "unknown option");
}

TEST_F(CliPipelineTest, EvalBadIdxFilesExitOneWithAClearMessage) {
  const std::string model = (dir_ / "model.tflite").string();  // never reached: the data is checked first
  expect_exit(run({"eval", model, "--mnist", (dir_ / "nowhere").string()}), 1, "does not exist");

  fs::create_directories(dir_ / "empty");
  expect_exit(run({"eval", model, "--mnist", (dir_ / "empty").string()}), 1,
              "t10k-images-idx3-ubyte[.gz]");

  const std::vector<uint8_t> labels = idx_labels(2, {3, 4});
  // Pixels end early.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(idx_images(2, 28, 28, 28 * 28 + 5), labels).string()}), 1,
              "truncated");
  // Header ends early.
  expect_exit(run({"eval", model, "--mnist", mnist_dir({0, 0, 8, 3, 0, 0}, labels).string()}), 1, "truncated");
  // Wrong magic: the labels file where the images belong.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(labels, labels).string()}), 1,
              "is not an MNIST images file");
  // Absurd geometry.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(idx_images(2, 100000, 28, 0), labels).string()}), 1,
              "out of range");
  // Counts disagree.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(idx_images(2, 28, 28, 2 * 28 * 28), idx_labels(3, {1, 2, 3}))
                                                 .string()}),
              1, "disagree");
  // A label that is not a digit.
  expect_exit(run({"eval", model, "--mnist", mnist_dir(idx_images(2, 28, 28, 2 * 28 * 28), idx_labels(2, {1, 12}))
                                                 .string()}),
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

// Accuracy from `eval --json`.
double accuracy_of(const Result& r) {
  std::smatch m;
  if (!std::regex_search(r.out, m, std::regex("\"accuracy_percent\": ([0-9.]+),\n"))) return -1;
  return std::stod(m[1]);
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
  const Result f = run({"eval", model.string(), "--mnist", data.string(), "--limit", limit, "--json",
                        "--kernels", "optimized"});
  const Result h = run({"eval", hybrid, "--mnist", data.string(), "--limit", limit, "--json", "--kernels", "optimized"});
  const Result q = run({"eval", int8, "--mnist", data.string(), "--limit", limit, "--json", "--kernels", "optimized"});
  ASSERT_EQ(f.exit_code, 0) << f.describe();
  ASSERT_EQ(h.exit_code, 0) << h.describe();
  ASSERT_EQ(q.exit_code, 0) << q.describe();
  EXPECT_NE(f.out.find("\"evaluated\": 500"), std::string::npos) << f.describe();
  EXPECT_TRUE(f.err.empty()) << "no progress bar when stderr is not a terminal\n" << f.describe();
  const double float_accuracy = accuracy_of(f), hybrid_accuracy = accuracy_of(h), int8_accuracy = accuracy_of(q);
  ASSERT_GT(float_accuracy, 95.0) << f.describe();
  EXPECT_NEAR(hybrid_accuracy, float_accuracy, 1.0) << h.describe();
  EXPECT_NEAR(int8_accuracy, float_accuracy, 1.0) << q.describe();
}

}  // namespace
