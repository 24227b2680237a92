// The golden-folder runner (tools/golden) that `tinyinfer check` and the
// conformance ctest runs use (tests/conformance/CMakeLists.txt: every folder of
// ../shared/conformance, both kernel sets, plain, fused and small-arena):
// here it is judged on folders written by the test itself, so that a
// runner that passes everything cannot go unnoticed; and the expected-failure
// list is checked against ../shared.
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "golden_folder.h"
#include "support/model_builder.h"
#include "support/test_files.h"

namespace tinyinfer {
namespace {

namespace fs = std::filesystem;
namespace fb = ::tinyinfer::tflite;
using testing::AlignedBytes;
using testing::ModelBuilder;

std::string conformance_dir() { return testing::shared_dir() + "/conformance"; }

TEST(ExpectedFailureList, EveryEntryHasAReasonAndMatchesAFolder) {
  std::vector<golden::ExpectedFailure> list;
  std::string error;
  ASSERT_TRUE(golden::read_expected_failures(TINYINFER_EXPECTED_FAILURES, &list, &error)) << error;
  for (const golden::ExpectedFailure& entry : list)
    EXPECT_FALSE(entry.reason.empty()) << entry.pattern << ": every expected failure needs its reason";
  if (!fs::is_directory(conformance_dir()))
    GTEST_SKIP() << conformance_dir() << " is absent: conformance cases are third-party data read from ../shared "
                 << "at test time (set TINYINFER_SHARED_DIR to point elsewhere)";
  const std::vector<std::string> folders = golden::discover(conformance_dir());
  ASSERT_FALSE(folders.empty());
  for (const golden::ExpectedFailure& entry : list) {
    bool matched = false;
    for (const std::string& folder : folders) matched = matched || golden::find_expected_failure({entry}, folder);
    EXPECT_TRUE(matched) << entry.pattern << " matches no folder of " << conformance_dir() << ": remove it";
  }
}

TEST(GoldenCompare, IntegersByteForByteFloatsWithinTolerance) {
  const int8_t got8[] = {1, 2, 3, -4}, want8[] = {1, 2, 4, -4};
  golden::Difference d = golden::compare(DataType::kInt8, reinterpret_cast<const uint8_t*>(got8),
                                         reinterpret_cast<const uint8_t*>(want8), 4, {1.0, 1.0});
  EXPECT_EQ(d.differing, 1u);  // tolerance is for floats only
  EXPECT_EQ(d.first, 2u);
  EXPECT_EQ(d.first_text, "got 3, want 4");
  EXPECT_EQ(d.max_abs, 1.0);

  const float gotf[] = {1.0f, 2.0005f, 100.0f}, wantf[] = {1.0f, 2.0f, 100.05f};
  d = golden::compare(DataType::kFloat32, reinterpret_cast<const uint8_t*>(gotf),
                      reinterpret_cast<const uint8_t*>(wantf), sizeof(gotf), {1e-3, 0.0});
  EXPECT_EQ(d.differing, 1u);  // 100 vs 100.05 is outside atol 1e-3
  EXPECT_EQ(d.first, 2u);
  d = golden::compare(DataType::kFloat32, reinterpret_cast<const uint8_t*>(gotf),
                      reinterpret_cast<const uint8_t*>(wantf), sizeof(gotf), {1e-3, 1e-3});
  EXPECT_EQ(d.differing, 0u);

  const float nan = std::nanf("");
  const float got_nan[] = {nan}, want_one[] = {1.0f};
  d = golden::compare(DataType::kFloat32, reinterpret_cast<const uint8_t*>(got_nan),
                      reinterpret_cast<const uint8_t*>(want_one), 4, {1.0, 1.0});
  EXPECT_EQ(d.differing, 1u);  // NaN is never within tolerance of a number
}

TEST(GoldenExpectedFailures, MatchesAnyTailOfThePath) {
  const std::vector<golden::ExpectedFailure> list = {{"ops/SVDF/*", "stateful"}, {"seanet_add*", "int16"}};
  EXPECT_NE(golden::find_expected_failure(list, "ops/SVDF/int8_b1"), nullptr);
  EXPECT_NE(golden::find_expected_failure(list, "../shared/conformance/ops/SVDF/int8_b1"), nullptr);
  EXPECT_NE(golden::find_expected_failure(list, "/x/conformance/seanet_add_1"), nullptr);
  EXPECT_EQ(golden::find_expected_failure(list, "ops/SVDF/int8_b1/extra"), nullptr);  // '*' stays in one part
  EXPECT_EQ(golden::find_expected_failure(list, "ops/ADD/int8"), nullptr);
}

// A format-2 golden folder made here: RELU over float32 [1,4], two cases.
class GoldenFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("golden_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "ops/RELU/float32_4");
    folder_ = dir_ / "ops/RELU/float32_4";
    ModelBuilder b;
    const int32_t in = b.tensor(fb::TensorType::FLOAT32, {1, 4});
    const int32_t out = b.tensor(fb::TensorType::FLOAT32, {1, 4});
    b.op(b.opcode(fb::BuiltinOperator::RELU), {in}, {out});
    b.io({in}, {out});
    write_model(b);
    write_manifest(R"({"format": 2, "cases": 2, "inputs": [{"dtype": "float32"}], "outputs": [{"dtype": "float32"}],
                      "tflm_arena_bytes": 100, "tolerance": {"atol": 1e-5, "rtol": 0}})");
    write_floats("in_0_0.bin", {-1, 0, 2, -3});
    write_floats("out_0_0.bin", {0, 0, 2, 0});
    write_floats("in_1_0.bin", {5, -5, 0.5f, 1});
    write_floats("out_1_0.bin", {5, 0, 0.5f, 1});
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write_model(const ModelBuilder& b) {
    const AlignedBytes bytes = b.finish();
    std::ofstream(folder_ / "model.tflite", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  void write_manifest(const std::string& text) { std::ofstream(folder_ / "manifest.json") << text; }
  void write_floats(const std::string& name, const std::vector<float>& values) {
    std::ofstream(folder_ / name, std::ios::binary)
        .write(reinterpret_cast<const char*>(values.data()), static_cast<std::streamsize>(values.size() * 4));
  }
  golden::FolderResult run() { return golden::run_folder(folder_.string(), KernelChoice::kReference, {}); }

  fs::path dir_, folder_;
};

TEST_F(GoldenFolder, FindsFoldersAtAnyDepthUpToOpVariants) {
  EXPECT_EQ(golden::discover(dir_.string()), std::vector<std::string>{"ops/RELU/float32_4"});
  EXPECT_EQ(golden::discover(folder_.string()), std::vector<std::string>{"."});
  EXPECT_TRUE(golden::discover((dir_ / "missing").string()).empty());
}

TEST_F(GoldenFolder, PassesWhenEveryCaseMatches) {
  const golden::FolderResult r = run();
  EXPECT_EQ(r.outcome, golden::FolderResult::Outcome::kPassed) << r.message;
  EXPECT_EQ(r.cases, 2);
  EXPECT_GT(r.arena_bytes, 0u);
  EXPECT_EQ(r.tflm_arena_bytes, 100);
}

TEST_F(GoldenFolder, NamesTheCaseOutputAndElementOfAMismatch) {
  write_floats("out_1_0.bin", {5, 0, 0.25f, 1});
  const golden::FolderResult r = run();
  EXPECT_EQ(r.outcome, golden::FolderResult::Outcome::kMismatch);
  EXPECT_NE(r.message.find("case 1 output 0: 1 differing element(s), first at element 2 (got 0.5, want 0.25)"),
            std::string::npos)
      << r.message;
  EXPECT_NE(r.message.find("max abs diff 0.25"), std::string::npos) << r.message;
}

TEST_F(GoldenFolder, ReportsRefusalsAndBrokenFolders) {
  ModelBuilder unsupported;
  const int32_t in = unsupported.tensor(fb::TensorType::FLOAT32, {1, 4});
  const int32_t out = unsupported.tensor(fb::TensorType::FLOAT32, {1, 4});
  unsupported.op(unsupported.opcode(fb::BuiltinOperator::LSH_PROJECTION), {in}, {out});
  unsupported.io({in}, {out});
  write_model(unsupported);
  golden::FolderResult r = run();
  EXPECT_EQ(r.outcome, golden::FolderResult::Outcome::kRefused);
  EXPECT_NE(r.message.find("LSH_PROJECTION"), std::string::npos) << r.message;

  SetUp();
  write_floats("in_1_0.bin", {1, 2});  // 8 bytes for a 16-byte input
  r = run();
  EXPECT_EQ(r.outcome, golden::FolderResult::Outcome::kBadData);
  EXPECT_NE(r.message.find("in_1_0.bin holds 8 bytes, input 0 takes 16"), std::string::npos) << r.message;

  SetUp();
  write_manifest("{\"format\": 2, \"cases\": ");
  r = run();
  EXPECT_EQ(r.outcome, golden::FolderResult::Outcome::kBadData);
  EXPECT_NE(r.message.find("not a JSON object"), std::string::npos) << r.message;

  SetUp();
  fs::remove(folder_ / "out_0_0.bin");
  r = run();
  EXPECT_EQ(r.outcome, golden::FolderResult::Outcome::kBadData);
  EXPECT_NE(r.message.find("cannot read out_0_0.bin"), std::string::npos) << r.message;
}

}  // namespace
}  // namespace tinyinfer
