// `tinyinfer check` over golden folders and `tinyinfer run` with several
// named inputs, .npy files and --output-dir, on folders this test writes
// (the ADD folder of ../shared where the data must be TFLM's).
#include <cstring>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace {

// Its own name: gtest needs one fixture class per test suite name, and each
// file's CliTest is its own class.
class CliCheckRunTest : public CliTest {};

// A golden folder with a float ADD of two [1,3] inputs, case outputs given.
void write_add_folder(const fs::path& dir, const std::vector<float>& out0) {
  fs::create_directories(dir);
  fs::copy_file(kShared / "conformance/ops/ADD/float32_bcast4d/model.tflite", dir / "model.tflite",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "manifest.json") << R"({"format": 2, "cases": 1, "inputs": [{}, {}], "outputs": [{}],
      "tolerance": {"atol": 1e-5, "rtol": 1e-5}, "tflm_arena_bytes": 4096})";
  for (const char* name : {"in_0_0.bin", "in_0_1.bin", "out_0_0.bin"})
    fs::copy_file(kShared / "conformance/ops/ADD/float32_bcast4d" / name, dir / name,
                  fs::copy_options::overwrite_existing);
  if (!out0.empty()) write_bytes(dir / "out_0_0.bin", out0.data(), out0.size() * sizeof(float));
}

#define REQUIRE_ADD_FOLDER()                                                       \
  do {                                                                             \
    if (!fs::exists(kShared / "conformance/ops/ADD/float32_bcast4d/model.tflite")) \
      GTEST_SKIP() << kShared / "conformance/ops/ADD/float32_bcast4d"              \
                   << " is absent; skipping";                                      \
  } while (0)

TEST_F(CliCheckRunTest, CheckPassesAGoldenFolderAndNamesAMismatch) {
  REQUIRE_ADD_FOLDER();
  write_add_folder(dir_ / "golden/ops/ADD/good", {});
  std::vector<uint8_t> wrong = read_bytes(dir_ / "golden/ops/ADD/good/out_0_0.bin");
  float first;
  std::memcpy(&first, wrong.data(), 4);
  first += 1.0f;
  std::memcpy(wrong.data(), &first, 4);
  write_add_folder(dir_ / "golden/ops/ADD/bad", {});
  write_bytes(dir_ / "golden/ops/ADD/bad/out_0_0.bin", wrong.data(), wrong.size());

  Result r = run({"check", (dir_ / "golden/ops/ADD/good").string()});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("pass     " + (dir_ / "golden/ops/ADD/good").string() + " [reference] 1 case"),
            std::string::npos)
      << r.describe();
  EXPECT_NE(r.out.find("[optimized]"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("2 passed, 0 failed"), std::string::npos) << r.describe();

  r = run({"check", (dir_ / "golden").string(), "--kernels", "reference"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  EXPECT_NE(r.out.find("mismatch: case 0 output 0: 1 differing element(s), first at element 0"), std::string::npos)
      << r.describe();
  EXPECT_NE(r.out.find("max abs diff 1"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("1 passed, 1 failed"), std::string::npos) << r.describe();

  // JSON: every folder with its outcome and arena beside TFLM's.
  r = run({"check", (dir_ / "golden").string(), "--kernels", "optimized", "--json"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.at("folders").size(), 2u) << r.out;
  EXPECT_EQ(doc["folders"][0]["outcome"], "mismatch");
  EXPECT_EQ(doc["folders"][1]["outcome"], "pass");
  EXPECT_GT(doc["folders"][1]["arena_bytes"].get<int>(), 0);
  EXPECT_EQ(doc["folders"][1]["tflm_arena_bytes"], 4096);
  EXPECT_EQ(doc["failed"], 1);
}

TEST_F(CliCheckRunTest, CheckExpectedFailuresMustBeRefusedNotWrongNorPassing) {
  REQUIRE_ADD_FOLDER();
  write_add_folder(dir_ / "golden/ops/ADD/good", {});
  std::ofstream(dir_ / "list.txt") << "# comment\nops/ADD/good   pretend it is not implemented\n";
  const Result r = run({"check", (dir_ / "golden").string(), "--expected-failures", (dir_ / "list.txt").string()});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  EXPECT_NE(r.out.find("passes, but is listed as expected to fail: remove 'ops/ADD/good'"), std::string::npos)
      << r.describe();

  // A refused folder that is listed counts as an expected failure.
  fs::create_directories(dir_ / "refused/ops/X/y");
  write_bytes(dir_ / "refused/ops/X/y/model.tflite", "not a model", 11);
  std::ofstream(dir_ / "refused/ops/X/y/manifest.json")
      << R"({"format": 2, "cases": 1, "inputs": [], "outputs": [{}]})";
  std::ofstream(dir_ / "list2.txt") << "ops/X/*  broken on purpose\n";
  const Result refused =
      run({"check", (dir_ / "refused").string(), "--expected-failures", (dir_ / "list2.txt").string()});
  EXPECT_EQ(refused.exit_code, 0) << refused.describe();
  EXPECT_NE(refused.out.find("expected "), std::string::npos) << refused.describe();
  EXPECT_NE(refused.out.find("0 passed, 0 failed, 2 expected failures"), std::string::npos) << refused.describe();

  const Result unlisted = run({"check", (dir_ / "refused").string()});
  EXPECT_EQ(unlisted.exit_code, 1) << unlisted.describe();
  EXPECT_NE(unlisted.out.find("refused: load:"), std::string::npos) << unlisted.describe();
}

TEST_F(CliCheckRunTest, CheckRefusesBadUsageAndEmptyPaths) {
  EXPECT_USAGE_ERROR(run({"check"}), "PATH is required");
  EXPECT_USAGE_ERROR(run({"check", ".", "--kernels", "fast"}), "--kernels");
  EXPECT_USAGE_ERROR(run({"check", ".", "--timeout", "5"}), "--firmware and --timeout go with --m7");
  const Result empty = run({"check", dir_.string()});
  EXPECT_FAILURE(empty, "no golden folder");
  EXPECT_FAILURE(run({"check", dir_.string(), "--expected-failures", (dir_ / "none.txt").string()}),
                 "cannot read the expected-failure list");
}

TEST_F(CliCheckRunTest, RunFillsNamedInputsFromRawAndNpyAndWritesEveryOutput) {
  REQUIRE_ADD_FOLDER();
  const fs::path folder = kShared / "conformance/ops/ADD/float32_bcast4d";
  const std::string model = (folder / "model.tflite").string();
  // input 0 as .npy (header padded to 128 bytes), input 1 by name from raw bytes.
  const std::vector<uint8_t> in0 = read_bytes(folder / "in_0_0.bin");
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 5, 3), }";
  header += std::string(128 - 10 - header.size() - 1, ' ') + "\n";
  std::string npy = std::string("\x93NUMPY\x01\x00", 8) + static_cast<char>(header.size()) + '\0' + header;
  npy.append(reinterpret_cast<const char*>(in0.data()), in0.size());
  write_bytes(dir_ / "in0.npy", npy.data(), npy.size());

  Result r = run({"run", model, "--input", "input2=" + (folder / "in_0_1.bin").string(), "--input",
                  (dir_ / "in0.npy").string(), "--output-dir", (dir_ / "out").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(read_bytes(dir_ / "out/output_0.bin"), read_bytes(folder / "out_0_0.bin"));
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["inputs"][0]["source"], "npy");
  EXPECT_EQ(doc["inputs"][1]["name"], "input2");
  EXPECT_EQ(doc["inputs"][1]["source"], "raw");

  EXPECT_FAILURE(run({"run", model, "--input", "2=" + (folder / "in_0_1.bin").string()}),
                 "the model has 2 input(s) (0 'input1', 1 'input2')");
  EXPECT_FAILURE(run({"run", model, "--input", "nosuch=x.bin"}), "no input named 'nosuch'");
  EXPECT_FAILURE(run({"run", model, "--input", "1=" + (folder / "in_0_1.bin").string(), "--input",
                      "input2=" + (folder / "in_0_1.bin").string()}),
                 "given twice");
  EXPECT_FAILURE(run({"run", model, "--input", (folder / "in_0_0.bin").string(), "--input",
                      (folder / "in_0_1.bin").string(), "--input", (folder / "in_0_1.bin").string()}),
                 "every input already has a file");
  // An .npy of the wrong dtype or size is named as such.
  std::string wrong_type = npy;
  wrong_type.replace(wrong_type.find("<f4"), 3, "<i4");
  write_bytes(dir_ / "int.npy", wrong_type.data(), wrong_type.size());
  EXPECT_FAILURE(run({"run", model, "--input", (dir_ / "int.npy").string()}), "dtype '<i4' does not match");
  write_bytes(dir_ / "short.npy", npy.data(), npy.size() - 4);
  EXPECT_FAILURE(run({"run", model, "--input", (dir_ / "short.npy").string()}), ".npy data is");
}

}  // namespace
