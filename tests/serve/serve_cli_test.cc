// `tinyinfer serve` as a user runs it: the real binary on a free loopback
// port, driven over HTTP with an httplib client: the page, /api/info, a
// digit from a file and one drawn on a canvas classified by the host engine,
// a bad request refused, and a clean stop on SIGTERM. Plus its usage errors.
#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "subprocess.h"

namespace {

using Json = nlohmann::json;
using tinyinfer::cli::ProcessResult;
using tinyinfer::cli::SpawnOptions;
using tinyinfer::cli::Subprocess;

const std::string kCli = TINYINFER_CLI_PATH;
const std::string kSource = TINYINFER_SOURCE_DIR;

// models/digit_8.pgm (binary PGM, 28x28, maxval 255) as 784 values in [0, 1].
Json digit_8_image() {
  std::ifstream f(kSource + "/models/digit_8.pgm", std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  const std::string bytes = s.str();
  // Header "P5\n28 28\n255\n" (possibly with comments): the raster is the last 784 bytes.
  EXPECT_EQ(bytes.compare(0, 2, "P5"), 0);
  EXPECT_GE(bytes.size(), 784u);
  Json image = Json::array();
  for (std::size_t i = bytes.size() - 784; i < bytes.size(); ++i)
    image.push_back(static_cast<uint8_t>(bytes[i]) / 255.0);
  return image;
}

// A "1" as the page would send it: a 20-pixel-wide vertical stroke on a
// black 280x280 canvas, a little slanted and off centre.
Json canvas_one() {
  const int side = 280;
  Json pixels = Json::array();
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const double centre = 100 + (250 - y) * 0.08;
      pixels.push_back(y >= 40 && y < 250 && std::abs(x - centre) < 10 ? 255 : 0);
    }
  }
  return {{"canvas", {{"width", side}, {"height", side}, {"pixels", pixels}}}};
}

class ServeProcess : public ::testing::Test {
 protected:
  // Starts the server and waits for "serving http://127.0.0.1:PORT/".
  void start(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {kCli, "serve"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::string error;
    ASSERT_TRUE(server_.start(argv, SpawnOptions(), &error)) << error;
    const std::regex serving("serving http://127\\.0\\.0\\.1:([0-9]+)/");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::smatch match;
    while (!std::regex_search(server_.out(), match, serving)) {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline)
          << "no 'serving' line in 60 s\nstdout: " << server_.out() << "\nstderr: " << server_.err();
      ASSERT_TRUE(server_.output_open()) << "serve ended early\nstdout: " << server_.out()
                                         << "\nstderr: " << server_.err();
      ASSERT_TRUE(server_.read_output(1000, &error)) << error;
    }
    port_ = std::stoi(match[1]);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5, 0);
    client_->set_read_timeout(30, 0);
  }
  void TearDown() override {
    if (server_.running()) server_.kill();
  }

  Subprocess server_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeProcess, HostClassifiesFileAndCanvasDigitsThenStopsOnSigterm) {
  start({"--host", "--listen", "127.0.0.1:0"});
  ASSERT_GT(port_, 0);
  EXPECT_NE(server_.out().find("host: host engine, reference kernels, model "), std::string::npos) << server_.out();

  auto page = client_->Get("/");
  ASSERT_TRUE(page) << httplib::to_string(page.error());
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("tinyinfer digit pad"), std::string::npos);

  auto info_reply = client_->Get("/api/info");
  ASSERT_TRUE(info_reply);
  ASSERT_EQ(info_reply->status, 200);
  const Json info = Json::parse(info_reply->body);
  ASSERT_EQ(info["backends"].size(), 1u);
  EXPECT_EQ(info["backends"][0]["id"], "host");
  EXPECT_EQ(info["backends"][0]["count_unit"], "ns");
  EXPECT_NE(info["backends"][0]["model"].get<std::string>().find("mnist"), std::string::npos);

  auto eight = client_->Post("/api/classify", Json({{"image", digit_8_image()}}).dump(), "application/json");
  ASSERT_TRUE(eight);
  ASSERT_EQ(eight->status, 200) << eight->body;
  const Json r8 = Json::parse(eight->body)["results"][0];
  EXPECT_TRUE(r8["ok"].get<bool>()) << r8;
  EXPECT_EQ(r8["digit"], 8) << r8;
  EXPECT_EQ(r8["unit"], "ns");
  ASSERT_GE(r8["layers"].size(), 8u);  // the study's architecture: 8 ops
  EXPECT_EQ(r8["layers"][0]["op"], "DEPTHWISE_CONV_2D");
  EXPECT_GT(r8["total"].get<uint64_t>(), 0u);
  double sum = 0;
  for (const Json& p : r8["probabilities"]) sum += p.get<double>();
  EXPECT_NEAR(sum, 1.0, 1e-3);  // a softmax

  auto one = client_->Post("/api/classify", canvas_one().dump(), "application/json");
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  const Json reply = Json::parse(one->body);
  EXPECT_EQ(reply["framing"]["scaled"][1], 20);
  EXPECT_EQ(reply["results"][0]["digit"], 1) << reply["results"][0];

  auto bad = client_->Post("/api/classify", "{\"image\": []}", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("784 numbers"), std::string::npos) << bad->body;

  ASSERT_EQ(kill(server_.pid(), SIGTERM), 0);
  ASSERT_TRUE(server_.wait(15000)) << "serve did not stop within 15 s of SIGTERM";
  EXPECT_EQ(server_.exit_code(), 0) << server_.err();
  std::string error;
  server_.read_to_end(2000, &error);
  EXPECT_NE(server_.out().find("stopped (SIGTERM)"), std::string::npos) << server_.out();
}

TEST_F(ServeProcess, StopsOnSigintToo) {
  start({"--listen", "127.0.0.1:0"});  // --host is the default
  ASSERT_EQ(kill(server_.pid(), SIGINT), 0);
  ASSERT_TRUE(server_.wait(15000)) << "serve did not stop within 15 s of SIGINT";
  EXPECT_EQ(server_.exit_code(), 0) << server_.err();
}

TEST_F(ServeProcess, BusyPortIsAClearError) {
  start({"--host", "--listen", "127.0.0.1:0"});
  ProcessResult second;
  std::string error;
  ASSERT_TRUE(tinyinfer::cli::run_process({kCli, "serve", "--listen", "127.0.0.1:" + std::to_string(port_)}, 60,
                                          &second, &error))
      << error;
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.err.find("cannot listen on 127.0.0.1:" + std::to_string(port_)), std::string::npos) << second.err;
}

ProcessResult run_serve(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {kCli, "serve"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult result;
  std::string error;
  EXPECT_TRUE(tinyinfer::cli::run_process(argv, 60, &result, &error)) << error;
  EXPECT_FALSE(result.timed_out) << "serve should have refused these arguments at once";
  return result;
}

TEST(ServeUsage, BadArgumentsAreRefusedWithTheReason) {
  ProcessResult r = run_serve({"--listen", "8080"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("listen address '8080' has no port"), std::string::npos) << r.err;
  r = run_serve({"--listen", "127.0.0.1:70000"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("0..65535"), std::string::npos) << r.err;
  r = run_serve({"--board", "qemu", "--model", "x.tflite"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--model is the host's model; add --host"), std::string::npos) << r.err;
  r = run_serve({"--host", "--model", "/nonexistent/model.tflite", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot read model '/nonexistent/model.tflite': no such file"), std::string::npos) << r.err;
  r = run_serve({"--host", "--kernels", "fast"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--kernels"), std::string::npos) << r.err;
  const std::string keyword_model = std::string(TINYINFER_SHARED_DIR) + "/models/kws_ref_model.tflite";
  if (std::ifstream(keyword_model).good()) {  // a model whose input is no 28x28 digit
    r = run_serve({"--host", "--model", keyword_model, "--listen", "127.0.0.1:0"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("a digit input needs 784"), std::string::npos) << r.err;
  }
  r = run_serve({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--board TRANSPORT"), std::string::npos) << r.out;
}

}  // namespace
