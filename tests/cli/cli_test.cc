// Spawns the real `tinyinfer` binary and checks what a user would see: exit
// codes, messages, the per-layer table, outputs against the conformance cases,
// and that PGM/PNG inputs classify like the raw tensor they were made from.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <png.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_fixture.h"
#include "support/exec_cli.h"

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- usage ----

TEST_F(CliTest, NoArgumentsPrintsUsageAndExits2) {
  const Result r = run({});
  EXPECT_USAGE_ERROR(r, "a command is required");
  EXPECT_NE(r.err.find("Usage: tinyinfer"), std::string::npos) << r.describe();
}

TEST_F(CliTest, UnknownCommandExits2) {
  Result r = run({"frobnicate"});
  EXPECT_USAGE_ERROR(r, "unknown command 'frobnicate'");
  EXPECT_NE(r.err.find("bench-m7"), std::string::npos) << "the command list should follow\n" << r.describe();
  EXPECT_TRUE(r.out.empty()) << r.describe();
  // An unknown top-level option is a usage error too.
  r = run({"--frobnicate"});
  EXPECT_USAGE_ERROR(r, "--frobnicate");
}

TEST_F(CliTest, HelpListsEveryCommand) {
  for (const char* help : {"help", "--help", "-h"}) {
    SCOPED_TRACE(help);
    const Result r = run({help});
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_TRUE(r.err.empty()) << r.describe();
    for (const char* command : {"info", "run", "quantize", "eval", "ops", "m7", "study", "bench-m7", "help"}) {
      EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string("\n  ") + command + " +[^ ]")))
          << command << " missing\n"
          << r.describe();
    }
    EXPECT_NE(r.out.find("MODEL [--input FILE]"), std::string::npos) << r.describe();
    EXPECT_NE(r.out.find("--version"), std::string::npos) << r.describe();
    EXPECT_NE(r.out.find("Exit codes: 0 ok, 1 failure"), std::string::npos) << r.describe();
  }
}

// `tinyinfer help COMMAND` is `tinyinfer COMMAND --help`.
TEST_F(CliTest, HelpOfACommand) {
  const Result r = run({"help", "run"});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out, run({"run", "--help"}).out);
  EXPECT_NE(r.out.find("--repeat"), std::string::npos) << r.describe();
  EXPECT_USAGE_ERROR(run({"help", "frobnicate"}),
                     "frobnicate not in {info,run,quantize,eval,ops,check,serve,m7,study,bench-m7,board}");
}

TEST_F(CliTest, VersionIsTheCMakeProjectVersion) {
  for (const char* version : {"--version", "version"}) {
    SCOPED_TRACE(version);
    const Result r = run({version});
    EXPECT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_EQ(r.out, std::string("tinyinfer ") + TINYINFER_VERSION + "\n") << r.describe();
  }
  EXPECT_TRUE(std::regex_match(std::string(TINYINFER_VERSION), std::regex("[0-9]+\\.[0-9]+(\\.[0-9]+)*")))
      << TINYINFER_VERSION;
}

// Every host command answers --help and -h on stdout with its own options and exits 0.
TEST_F(CliTest, EveryCommandHasHelp) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"info", {"MODEL", "--kernels", "--fuse", "--small-arena", "--json"}},
      {"run", {"MODEL", "--input", "--output", "--repeat", "--kernels", "--fuse", "--small-arena", "--json"}},
      {"quantize",
       {"IN", "-o,--output", "--mode", "--calibration", "--mnist", "--samples", "--range", "--io", "--per-tensor",
        "--fc-per-channel"}},
      {"eval", {"MODEL", "--mnist", "--limit", "--kernels", "--json"}},
      {"ops", {"--for", "--format", "--kernels", "--json"}},
  };
  for (const auto& [command, options] : commands) {
    for (const char* help : {"--help", "-h"}) {
      SCOPED_TRACE(command + " " + help);
      const Result r = run({command, help});
      EXPECT_EQ(r.exit_code, 0) << r.describe();
      EXPECT_TRUE(r.err.empty()) << r.describe();
      EXPECT_NE(r.out.find("Usage: tinyinfer " + command), std::string::npos) << r.describe();
      for (const std::string& option : options) EXPECT_NE(r.out.find(option), std::string::npos) << option;
    }
  }
}

TEST_F(CliTest, UnknownFlagExits2) {
  Result r = run({"run", "model.tflite", "--bogus"});
  EXPECT_USAGE_ERROR(r, "tinyinfer run: The following argument was not expected: --bogus");
  EXPECT_NE(r.err.find("Usage: tinyinfer run"), std::string::npos) << "the help should follow\n" << r.describe();
  r = run({"info", "model.tflite", "--inptu", "x"});
  EXPECT_USAGE_ERROR(r, "--inptu");
  EXPECT_USAGE_ERROR(r, "not expected");
}

TEST_F(CliTest, MissingModelArgumentExits2) {
  EXPECT_USAGE_ERROR(run({"run"}), "tinyinfer run: MODEL is required");
  EXPECT_USAGE_ERROR(run({"info"}), "tinyinfer info: MODEL is required");
  EXPECT_USAGE_ERROR(run({"info", "a.tflite", "b.tflite"}), "not expected: b.tflite");
  EXPECT_USAGE_ERROR(run({"run", ""}), "MODEL: needs a non-empty value");
}

TEST_F(CliTest, BadRepeatExits2) {
  for (const char* bad : {"abc", "3x", "1e3", "0x10", "1.5", "99999999999999999999", ""}) {
    SCOPED_TRACE(std::string("--repeat '") + bad + "'");
    const Result r = run({"run", "model.tflite", "--repeat", bad});
    EXPECT_USAGE_ERROR(r, std::string("--repeat: needs an integer in 1..10000, got '") + bad + "'");
  }
  for (const char* bad : {"0", "-1", "10001"}) {
    SCOPED_TRACE(std::string("--repeat '") + bad + "'");
    const Result r = run({"run", "model.tflite", "--repeat", bad});
    EXPECT_USAGE_ERROR(r, std::string("--repeat: must be in 1..10000, got ") + bad);
  }
  EXPECT_USAGE_ERROR(run({"run", "model.tflite", "--repeat"}), "--repeat: 1 required N missing");
  EXPECT_USAGE_ERROR(run({"run", "model.tflite", "--repeat", "2", "--repeat", "3"}), "--repeat");
}

TEST_F(CliTest, BadKernelsExits2) {
  EXPECT_USAGE_ERROR(run({"run", "model.tflite", "--kernels", "fast"}), "--kernels: fast not in {reference,optimized}");
  EXPECT_USAGE_ERROR(run({"info", "model.tflite", "--kernels", ""}), "--kernels");
}

TEST_F(CliTest, EmptyFileNamesExit2) {
  EXPECT_USAGE_ERROR(run({"run", "model.tflite", "--input", ""}), "--input: needs a non-empty value");
  EXPECT_USAGE_ERROR(run({"run", "model.tflite", "--output="}), "--output");
}

// Switches take no value and, like options, may be given once.
TEST_F(CliTest, SwitchesTakeNoValueAndComeOnce) {
  EXPECT_USAGE_ERROR(run({"run", "model.tflite", "--json", "--json"}), "--json: At Most 1 required but received 2");
  EXPECT_USAGE_ERROR(run({"info", "model.tflite", "--fuse", "--fuse"}), "--fuse");
  EXPECT_USAGE_ERROR(run({"eval", "model.tflite", "--mnist", "d", "--json=1"}), "disallowed flag override");
  EXPECT_USAGE_ERROR(run({"ops", "--json", "--json"}), "--json");
}

// ------------------------------------------------------------ bad files ----

TEST_F(CliTest, MissingModelFileFails) {
  const std::string missing = (dir_ / "no_such_model.tflite").string();
  EXPECT_FAILURE(run({"info", missing}), "no such file");
  EXPECT_FAILURE(run({"run", missing}), "no such file");
}

TEST_F(CliTest, EmptyGarbageAndDirectoryModelsFail) {
  write_bytes(dir_ / "empty.tflite", "", 0);
  EXPECT_FAILURE(run({"info", (dir_ / "empty.tflite").string()}), "empty");
  const std::string junk(4096, '\x5a');
  write_bytes(dir_ / "junk.tflite", junk.data(), junk.size());
  EXPECT_FAILURE(run({"run", (dir_ / "junk.tflite").string()}), "invalid model");
  EXPECT_FAILURE(run({"info", dir_.string()}), "directory");
}

TEST_F(CliTest, TruncatedModelFails) {
  REQUIRE_SHARED();
  const std::vector<uint8_t> model = read_bytes(mnist_model());
  ASSERT_GT(model.size(), 1000u);
  for (std::size_t keep : {std::size_t{4}, std::size_t{64}, model.size() / 2, model.size() - 1}) {
    SCOPED_TRACE("truncated to " + std::to_string(keep) + " bytes");
    const fs::path p = dir_ / "truncated.tflite";
    write_bytes(p, model.data(), keep);
    EXPECT_FAILURE(run({"info", p.string()}), "invalid model");
    EXPECT_FAILURE(run({"run", p.string()}), "invalid model");
  }
}

TEST_F(CliTest, RawInputOfWrongSizeFails) {
  REQUIRE_SHARED();
  const std::vector<uint8_t> digit = read_bytes(study_digit());
  ASSERT_EQ(digit.size(), 3136u);
  for (std::size_t n : {std::size_t{100}, digit.size() - 4, digit.size() + 4}) {
    SCOPED_TRACE(std::to_string(n) + " input bytes");
    std::vector<uint8_t> bytes(n, 0);
    const fs::path p = dir_ / "input.bin";
    write_bytes(p, bytes.data(), bytes.size());
    EXPECT_FAILURE(run({"run", mnist_model().string(), "--input", p.string()}), "needs exactly 3136");
  }
}

TEST_F(CliTest, UnreadableOrCorruptImagesFail) {
  REQUIRE_SHARED();
  struct Case {
    const char* file;
    std::string content;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"garbage.png", "hello, not a png", "PNG"},
      {"truncated.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16), "PNG"},
      {"truncated.pgm", "P5\n28 28\n255\n", "truncated"},
      {"huge.pgm", "P5\n100000 100000\n255\n", "header"},
      {"zero.pgm", "P2\n0 28\n255\n", "zero"},
      {"maxval0.pgm", "P2\n2 2\n0\n0 0 0 0\n", "zero"},
      {"short.pgm", "P2\n2 2\n255\n1 2 3\n", "missing"},
      {"overmax.pgm", "P2\n2 2\n15\n1 2 3 99\n", "maxval"},
      {"empty.png", "", "empty"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const fs::path p = dir_ / c.file;
    write_bytes(p, c.content.data(), c.content.size());
    EXPECT_FAILURE(run({"run", mnist_model().string(), "--input", p.string()}), c.message);
  }
  EXPECT_FAILURE(run({"run", mnist_model().string(), "--input", (dir_ / "nope.png").string()}), "no such file");
}

TEST_F(CliTest, ImageForNonImageInputFails) {
  REQUIRE_SHARED();
  const std::string pgm = "P2\n2 2\n255\n1 2 3 4\n";
  write_bytes(dir_ / "x.pgm", pgm.data(), pgm.size());
  EXPECT_FAILURE(run({"run", (kShared / "models" / "ad01_int8.tflite").string(), "--input", (dir_ / "x.pgm").string()}),
                 "not an image");
}

TEST_F(CliTest, UnwritableOutputFails) {
  REQUIRE_SHARED();
  EXPECT_FAILURE(run({"run", mnist_model().string(), "--output", (dir_ / "no_dir" / "out.bin").string()}),
                 "cannot write");
}

// ----------------------------------------------------------------- info ----

// The "ops" array of a conformance manifest, in order.
std::vector<std::string> manifest_ops(const fs::path& manifest) {
  const std::string text = read_text(manifest);
  std::vector<std::string> ops;
  const std::size_t start = text.find("\"ops\"");
  if (start == std::string::npos) return ops;
  const std::size_t open = text.find('[', start), close = text.find(']', start);
  if (open == std::string::npos || close == std::string::npos) return ops;
  const std::string list = text.substr(open, close - open);
  const std::regex name("\"([A-Z0-9_]+)\"");
  for (std::sregex_iterator it(list.begin(), list.end(), name), end; it != end; ++it) {
    ops.push_back((*it)[1]);
  }
  return ops;
}

std::vector<fs::path> shared_models() {
  std::vector<fs::path> models;
  for (const auto& e : fs::directory_iterator(kShared / "models")) {
    if (e.path().extension() == ".tflite") models.push_back(e.path());
  }
  std::sort(models.begin(), models.end());
  return models;
}

TEST_F(CliTest, InfoListsEveryOpOfEverySharedModel) {
  REQUIRE_SHARED();
  const std::vector<fs::path> models = shared_models();
  ASSERT_FALSE(models.empty()) << "no .tflite files in " << kShared / "models";
  for (const fs::path& model : models) {
    SCOPED_TRACE(model.filename().string());
    const Result r = run({"info", model.string()});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_NE(r.out.find("Model input:"), std::string::npos) << r.describe();
    EXPECT_NE(r.out.find("Model output:"), std::string::npos) << r.describe();
    EXPECT_TRUE(std::regex_search(r.out, std::regex("MACs: +[0-9,]+\n"))) << r.describe();
    EXPECT_TRUE(std::regex_search(r.out, std::regex("arena bytes: +[1-9][0-9,]* planned"))) << r.describe();
    // One "#i NAME vN" line per op, in order, matching the TFLM manifest.
    std::vector<std::string> listed;
    const std::regex op_line("\n  #([0-9]+) ([A-Z0-9_]+) v[0-9]+");
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), op_line), end; it != end; ++it) {
      EXPECT_EQ(std::stoul((*it)[1]), listed.size()) << "ops out of order\n" << r.out;
      listed.push_back((*it)[2]);
    }
    const fs::path manifest = kShared / "conformance" / model.stem() / "manifest.json";
    if (fs::exists(manifest)) {
      EXPECT_EQ(listed, manifest_ops(manifest)) << r.out;
    } else {
      EXPECT_FALSE(listed.empty()) << r.out;
    }
    // Every op shows MACs and weight bytes.
    std::size_t mac_lines = 0;
    for (std::size_t p = r.out.find("MACs "); p != std::string::npos; p = r.out.find("MACs ", p + 1)) {
      ++mac_lines;
    }
    EXPECT_EQ(mac_lines, listed.size()) << r.out;

    const Result json = run({"info", model.string(), "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.describe();
    EXPECT_EQ(json.out.front(), '{') << json.describe();
    EXPECT_NE(json.out.find("\"activations\""), std::string::npos) << json.describe();
  }
}

TEST_F(CliTest, InfoShowsQuantizationOfInt8Model) {
  REQUIRE_SHARED();
  const Result r = run({"info", (kShared / "models" / "kws_ref_model.tflite").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_TRUE(std::regex_search(r.out, std::regex("int8 \\[1,49,10,1\\] \\(scale [0-9.e-]+ zp 83\\)"))) << r.describe();
  EXPECT_TRUE(
      std::regex_search(r.out, std::regex("per-channel \\([0-9]+\\) on dim [0-9], scale [0-9.e-]+\\.\\.[0-9.e-]+ zp ")))
      << r.describe();
}

// A converter's signature (hello_world_float carries "serving_default")
// shows in text and JSON with the names and the tensors they map to.
TEST_F(CliTest, InfoShowsSignatures) {
  REQUIRE_SHARED();
  const std::string model = (kShared / "models" / "hello_world_float.tflite").string();
  const Result text = run({"info", model});
  ASSERT_EQ(text.exit_code, 0) << text.describe();
  EXPECT_NE(text.out.find("signature 'serving_default': inputs 'dense_input' = tensor 0; outputs 'dense_2' = tensor 9"),
            std::string::npos)
      << text.describe();
  const Result json = run({"info", model, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  ASSERT_EQ(doc.at("signatures").size(), 1u) << json.out;
  EXPECT_EQ(doc["signatures"][0]["key"], "serving_default");
  EXPECT_EQ(doc["signatures"][0]["inputs"][0]["tensor"], 0);
  EXPECT_EQ(doc["signatures"][0]["outputs"][0]["name"], "dense_2");
  // A model without signatures has an empty list.
  const Result own = run({"info", (kSource / "models" / "mnist_int8.tflite").string(), "--json"});
  ASSERT_EQ(own.exit_code, 0) << own.describe();
  EXPECT_TRUE(nlohmann::json::parse(own.out).at("signatures").empty());
}

// Our own int8 model (models/, no ../shared): per-channel tensors show their
// scale range and zero point, FULLY_CONNECTED weights are per tensor.
TEST_F(CliTest, InfoShowsPerChannelScaleRangeOfOwnInt8Model) {
  const Result r = run({"info", (kSource / "models" / "mnist_int8.tflite").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const std::string number = "([0-9.]+(?:e-?[0-9]+)?)";
  // Weights: per channel for the convolutions, symmetric (zero point 0).
  int per_channel_weights = 0;
  for (const char* name : {"conv1/depthwise_filter", "conv2/filter", "conv3/filter"}) {
    SCOPED_TRACE(name);
    std::smatch m;
    const std::regex line("int8 \\[[0-9,]+\\] \\(per-channel \\(([0-9]+)\\) on dim ([03]), scale " + number + "\\.\\." +
                          number + " zp 0\\) const [0-9,]+ B '" + name + "'");
    ASSERT_TRUE(std::regex_search(r.out, m, line)) << r.out;
    const double lo = std::stod(m[3]), hi = std::stod(m[4]);
    EXPECT_GT(lo, 0.0);
    EXPECT_LT(lo, hi) << "trained channels do not share one scale";
    EXPECT_EQ(m[2], std::string(name) == "conv1/depthwise_filter" ? "3" : "0");
    ++per_channel_weights;
  }
  EXPECT_EQ(per_channel_weights, 3);
  // Per-channel int32 biases print their range as well.
  EXPECT_TRUE(std::regex_search(r.out, std::regex("int32 \\[64\\] \\(per-channel \\(64\\) on dim 0, scale " + number +
                                                  "\\.\\." + number + " zp 0\\) const 256 B 'conv2/bias'")))
      << r.out;
  // FULLY_CONNECTED: one scale per tensor (the TFLite int8 spec), op version 4.
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex("int8 \\[64,576\\] \\(scale " + number + " zp 0\\) const 36,864 B 'fc1/weights'")))
      << r.out;
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex("int8 \\[10,64\\] \\(scale " + number + " zp 0\\) const 640 B 'fc2/weights'")))
      << r.out;
  EXPECT_NE(r.out.find("#6 FULLY_CONNECTED v4  int8"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("arena bytes: +[1-9][0-9,]* planned"))) << r.out;

  // JSON carries every scale of a per-channel tensor.
  const Result json = run({"info", (kSource / "models" / "mnist_int8.tflite").string(), "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.describe();
  EXPECT_NE(json.out.find("\"per_channel\": true"), std::string::npos);
  EXPECT_NE(json.out.find("\"scales\": ["), std::string::npos);
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  bool found = false;
  for (const nlohmann::json& op : doc.at("ops"))
    for (const nlohmann::json& t : op.at("inputs")) {
      if (!t.is_object() || t.at("name") != "conv2/filter") continue;
      found = true;
      const nlohmann::json& q = t.at("quantization");
      EXPECT_EQ(q.at("per_channel"), true);
      EXPECT_EQ(q.at("quantized_dimension"), 0);
      EXPECT_EQ(q.at("scales").size(), q.at("count").get<std::size_t>());
      EXPECT_EQ(q.at("zero_points").size(), q.at("count").get<std::size_t>());
      EXPECT_EQ(t.at("constant"), true);
      EXPECT_EQ(t.at("shape").size(), 4u);
    }
  EXPECT_TRUE(found) << json.out;
  EXPECT_GT(doc.at("arena").at("total").get<int64_t>(), 0);
  EXPECT_EQ(doc.at("totals").at("model_bytes"), doc.at("model_bytes"));
}

// ------------------------------------------------------------------ run ----

// Lines of the study-style table: "CONV_2D: 1.234 msec (56.7%)".
std::vector<std::string> table_ops(const std::string& out) {
  std::vector<std::string> ops;
  const std::regex line("\n([A-Z0-9_]+): [0-9]+\\.[0-9]+ msec \\([0-9]+\\.[0-9]%\\)");
  for (std::sregex_iterator it(out.begin(), out.end(), line), end; it != end; ++it) {
    ops.push_back((*it)[1]);
  }
  return ops;
}

TEST_F(CliTest, RunStudyDigitPrintsClass2AndPerLayerTable) {
  REQUIRE_SHARED();
  const Result r = run({"run", mnist_model().string(), "--input", study_digit().string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("Top class: 2 "), std::string::npos) << r.describe();
  const std::vector<std::string> expected =
      manifest_ops(kShared / "conformance" / "mnist_uncompressed" / "manifest.json");
  ASSERT_EQ(expected.size(), 8u);
  EXPECT_EQ(table_ops(r.out), expected) << r.describe();
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\nDone in [0-9]+\\.[0-9]+ msec"))) << r.describe();
}

TEST_F(CliTest, RunRepeatReportsMedian) {
  REQUIRE_SHARED();
  const Result r = run({"run", mnist_model().string(), "--input", study_digit().string(), "--repeat", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("median of 3 invokes"), std::string::npos) << r.describe();
  EXPECT_EQ(table_ops(r.out).size(), 8u) << r.describe();
  // Decimal, as the help says: "010" is ten invokes (CLI11 alone reads octal 8).
  const Result ten = run({"run", mnist_model().string(), "--repeat", "010"});
  ASSERT_EQ(ten.exit_code, 0) << ten.describe();
  EXPECT_NE(ten.out.find("median of 10 invokes"), std::string::npos) << ten.describe();
}

TEST_F(CliTest, RunWithoutInputSaysZeros) {
  REQUIRE_SHARED();
  const Result r = run({"run", (kShared / "models" / "kws_ref_model.tflite").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("all zeros"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("dequantized:"), std::string::npos) << r.describe();
}

TEST_F(CliTest, RunJsonCarriesTopClassAndTiming) {
  REQUIRE_SHARED();
  const Result r = run({"run", mnist_model().string(), "--input", study_digit().string(), "--json", "--repeat", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\"top\": \\{\\s*\"class\": 2,"))) << r.describe();
  EXPECT_NE(r.out.find("\"statistic\": \"median\""), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("\"op\": \"SOFTMAX\""), std::string::npos) << r.describe();
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("top").at("class"), 2) << r.out;
  EXPECT_EQ(doc.at("input").at("source"), "raw") << r.out;
  EXPECT_EQ(doc.at("outputs")[0].at("shape"), nlohmann::json({1, 10})) << r.out;
  EXPECT_TRUE(doc["outputs"][0].at("quantization").is_null()) << r.out;
  EXPECT_EQ(doc["outputs"][0].at("values").size(), 10u) << r.out;
  const nlohmann::json& timing = doc.at("timing");
  EXPECT_EQ(timing.at("repeat"), 2);
  EXPECT_EQ(timing.at("unit"), "ns");
  EXPECT_GT(timing.at("total_ns").get<double>(), 0.0);
  ASSERT_EQ(timing.at("layers").size(), 8u) << r.out;
  double percent = 0;
  for (const nlohmann::json& layer : timing["layers"]) percent += layer.at("percent").get<double>();
  EXPECT_NEAR(percent, 100.0, 0.01) << r.out;
  // Script consumers (bench/bench_report.py) read timing.total_ns.
  EXPECT_TRUE(timing["total_ns"].is_number());
}

// Compares output bytes with the golden file: integers exactly, float32
// within the manifest's atol/rtol.
void expect_output_matches(const fs::path& got_path, const fs::path& case_dir) {
  const std::vector<uint8_t> got = read_bytes(got_path);
  const std::vector<uint8_t> want = read_bytes(case_dir / "out_0.bin");
  ASSERT_EQ(got.size(), want.size());
  const std::string manifest = read_text(case_dir / "manifest.json");
  std::smatch m;
  const bool is_float =
      std::regex_search(manifest, std::regex("\"output\"\\s*:\\s*\\{\\s*\"dtype\"\\s*:\\s*\"float32\""));
  if (!is_float) {
    EXPECT_TRUE(got == want) << "integer output differs from " << case_dir / "out_0.bin";
    return;
  }
  double atol = 0, rtol = 0;
  if (std::regex_search(manifest, m, std::regex("\"atol\"\\s*:\\s*([0-9.eE+-]+)"))) atol = std::stod(m[1]);
  if (std::regex_search(manifest, m, std::regex("\"rtol\"\\s*:\\s*([0-9.eE+-]+)"))) rtol = std::stod(m[1]);
  const std::size_t n = got.size() / 4;
  for (std::size_t i = 0; i < n; ++i) {
    float g = 0, w = 0;
    std::memcpy(&g, &got[i * 4], 4);
    std::memcpy(&w, &want[i * 4], 4);
    ASSERT_LE(std::fabs(double{g} - w), atol + rtol * std::fabs(double{w}))
        << "element " << i << ": got " << g << ", want " << w << " (atol " << atol << ", rtol " << rtol << ")";
  }
}

TEST_F(CliTest, OutputFileMatchesConformanceCase0) {
  REQUIRE_SHARED();
  int checked = 0;
  for (const fs::path& model : shared_models()) {
    const fs::path case_dir = kShared / "conformance" / model.stem();
    if (!fs::exists(case_dir / "in_0.bin")) continue;
    SCOPED_TRACE(model.filename().string());
    const fs::path out = dir_ / (model.stem().string() + ".out");
    const Result r =
        run({"run", model.string(), "--input", (case_dir / "in_0.bin").string(), "--output", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    expect_output_matches(out, case_dir);
    ++checked;
  }
  EXPECT_GT(checked, 0) << "no conformance cases found next to the models";
}

// ----------------------------------------------------------- image input ---

// The study digit as 8-bit gray pixels (its floats are pixel/255).
std::vector<uint8_t> digit_pixels() {
  const std::vector<uint8_t> raw = read_bytes(study_digit());
  std::vector<uint8_t> px(raw.size() / 4);
  for (std::size_t i = 0; i < px.size(); ++i) {
    float v = 0;
    std::memcpy(&v, &raw[i * 4], 4);
    px[i] = static_cast<uint8_t>(std::lround(std::fmin(std::fmax(v, 0.0f), 1.0f) * 255.0f));
  }
  return px;
}

void write_png(const fs::path& p, int w, int h, int channels, const std::vector<uint8_t>& px) {
  png_image image;
  std::memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(w);
  image.height = static_cast<png_uint_32>(h);
  image.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  ASSERT_TRUE(png_image_write_to_file(&image, p.c_str(), 0, px.data(), 0, nullptr)) << image.message;
}

// Nearest-neighbour upscale by an integer factor (area downscaling undoes it exactly).
std::vector<uint8_t> upscale(const std::vector<uint8_t>& px, int w, int h, int f) {
  std::vector<uint8_t> out(static_cast<std::size_t>(w * f) * h * f);
  for (int y = 0; y < h * f; ++y)
    for (int x = 0; x < w * f; ++x) out[static_cast<std::size_t>(y) * w * f + x] = px[(y / f) * w + x / f];
  return out;
}

TEST_F(CliTest, PgmAndPngInputsClassifyLikeTheRawTensor) {
  REQUIRE_SHARED();
  const std::vector<uint8_t> px = digit_pixels();
  ASSERT_EQ(px.size(), 784u);

  std::string p5 = "P5\n# the study digit\n28 28\n255\n";
  p5.append(px.begin(), px.end());
  write_bytes(dir_ / "digit_p5.pgm", p5.data(), p5.size());

  std::string p2 = "P2\n28 28\n255\n";
  for (uint8_t v : px) p2 += std::to_string(v) + (p2.size() % 70 ? " " : "\n");
  write_bytes(dir_ / "digit_p2.pgm", p2.data(), p2.size());

  write_png(dir_ / "digit.png", 28, 28, 1, px);
  std::vector<uint8_t> rgb;
  for (uint8_t v : px) rgb.insert(rgb.end(), {v, v, v});
  write_png(dir_ / "digit_rgb.png", 28, 28, 3, rgb);
  write_png(dir_ / "digit_112.png", 112, 112, 1, upscale(px, 28, 28, 4));

  // A 16-bit PGM with no extension: recognised by its header.
  std::string p16 = "P5\n28 28\n65535\n";
  for (uint8_t v : px) {
    const int w = v * 257;
    p16 += static_cast<char>(w >> 8);
    p16 += static_cast<char>(w & 0xff);
  }
  write_bytes(dir_ / "digit16", p16.data(), p16.size());

  const Result raw = run({"run", mnist_model().string(), "--input", study_digit().string()});
  ASSERT_EQ(raw.exit_code, 0) << raw.describe();
  ASSERT_NE(raw.out.find("Top class: 2 "), std::string::npos) << raw.describe();

  for (const char* file : {"digit_p5.pgm", "digit_p2.pgm", "digit.png", "digit_rgb.png", "digit_112.png", "digit16"}) {
    SCOPED_TRACE(file);
    const Result r = run({"run", mnist_model().string(), "--input", (dir_ / file).string()});
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    EXPECT_NE(r.out.find("Top class: 2 "), std::string::npos) << r.describe();
    EXPECT_NE(r.out.find(" image '"), std::string::npos) << "input should be described\n" << r.describe();
  }

  // The 8-bit PGM reproduces the raw tensor within 8-bit rounding.
  const fs::path from_pgm = dir_ / "from_pgm.out";
  ASSERT_EQ(
      run({"run", mnist_model().string(), "--input", (dir_ / "digit_p5.pgm").string(), "--output", from_pgm.string()})
          .exit_code,
      0);
  EXPECT_EQ(read_bytes(from_pgm).size(), 40u);
}

TEST_F(CliTest, ImageFillsInt8RgbInput) {
  REQUIRE_SHARED();
  // A 64x48 RGB gradient scaled (area) to ResNet's int8 1x32x32x3 input.
  std::vector<uint8_t> rgb;
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 64; ++x) rgb.insert(rgb.end(), {uint8_t(x * 4), uint8_t(y * 5), 128});
  write_png(dir_ / "gradient.png", 64, 48, 3, rgb);
  const Result r = run({"run", (kShared / "models" / "pretrainedResnet_quant.tflite").string(), "--input",
                        (dir_ / "gradient.png").string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_NE(r.out.find("quantized pixel/255"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("Top class: "), std::string::npos) << r.describe();
}

}  // namespace
