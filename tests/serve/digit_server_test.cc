// The digit pad's HTTP layer without the engine: listen-address parsing,
// request validation (every bad request a 4xx JSON error naming the
// problem), and a real server on a free loopback port with two fake
// backends, driven by an httplib client.
#include "digit_server.h"

#include <cmath>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

namespace tinyinfer::digit {
namespace {

using Json = nlohmann::json;

// ---- listen addresses ----

TEST(ListenAddress, ParsesHostAndPort) {
  ListenAddress a;
  std::string error;
  ASSERT_TRUE(parse_listen_address("127.0.0.1:8080", &a, &error)) << error;
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 8080);
  ASSERT_TRUE(parse_listen_address("localhost:0", &a, &error)) << error;
  EXPECT_EQ(a.host, "localhost");
  EXPECT_EQ(a.port, 0);
  ASSERT_TRUE(parse_listen_address("[::1]:65535", &a, &error)) << error;
  EXPECT_EQ(a.host, "::1");
  EXPECT_EQ(a.port, 65535);
}

TEST(ListenAddress, RefusesMalformedAddressesWithAReason) {
  const struct {
    const char* text;
    const char* reason;
  } cases[] = {
      {"8080", "has no port"},          {"127.0.0.1", "has no port"},          {":8080", "no host"},
      {"127.0.0.1:", "port ''"},        {"127.0.0.1:65536", "0..65535"},       {"127.0.0.1:80x", "port '80x'"},
      {"127.0.0.1:-1", "port '-1'"},    {"::1:8080", "IPv6 host in brackets"}, {"[::1]8080", "followed by :PORT"},
      {"127.0.0.1:999999", "0..65535"},
  };
  for (const auto& c : cases) {
    ListenAddress a;
    std::string error;
    EXPECT_FALSE(parse_listen_address(c.text, &a, &error)) << c.text;
    EXPECT_NE(error.find(c.reason), std::string::npos) << c.text << ": " << error;
  }
}

// ---- request validation ----

Json blank_image(float value = 0.0f) { return Json::array_t(kMnistPixels, value); }

Json canvas(int width, int height, int ink_x0, int ink_x1) {
  Json pixels = Json::array();
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) pixels.push_back(x >= ink_x0 && x < ink_x1 && y > 2 && y < height - 2 ? 255 : 0);
  return {{"canvas", {{"width", width}, {"height", height}, {"pixels", pixels}}}};
}

RequestError refused(const std::string& content_type, const std::string& body) {
  ClassifyRequest request;
  RequestError error;
  EXPECT_FALSE(parse_classify_request(content_type, body, &request, &error)) << body.substr(0, 200);
  return error;
}

#define EXPECT_REFUSED(content_type, body, want_status, want_text)                                                 \
  do {                                                                                                             \
    const RequestError e = refused(content_type, body);                                                            \
    EXPECT_EQ(e.status, want_status) << e.message;                                                                 \
    EXPECT_NE(e.message.find(want_text), std::string::npos) << "want \"" << (want_text) << "\" in: " << e.message; \
  } while (0)

TEST(ClassifyRequest, AcceptsAnImageAndACanvas) {
  ClassifyRequest request;
  RequestError error;
  Json image = blank_image(0.5f);
  image[3] = 1;  // an integer is a number too
  ASSERT_TRUE(parse_classify_request("application/json", Json{{"image", image}}.dump(), &request, &error))
      << error.message;
  EXPECT_FALSE(request.from_canvas);
  EXPECT_EQ(request.image[0], 0.5f);
  EXPECT_EQ(request.image[3], 1.0f);
  ASSERT_TRUE(
      parse_classify_request("application/json; charset=UTF-8", canvas(40, 40, 18, 22).dump(), &request, &error))
      << error.message;
  EXPECT_TRUE(request.from_canvas);
  EXPECT_TRUE(request.framing.has_ink);
  EXPECT_EQ(request.framing.box_width, 4);
  EXPECT_EQ(request.framing.scaled_height, 20);
}

TEST(ClassifyRequest, RefusesWrongContentType) {
  const std::string body = Json{{"image", blank_image()}}.dump();
  EXPECT_REFUSED("text/plain", body, 415, "Content-Type must be application/json, got 'text/plain'");
  EXPECT_REFUSED("", body, 415, "got 'none'");
  EXPECT_REFUSED("application/octet-stream", body, 415, "application/json");
}

TEST(ClassifyRequest, RefusesBadJson) {
  EXPECT_REFUSED("application/json", "{\"image\": [0, 0,", 400, "not valid JSON");
  EXPECT_REFUSED("application/json", "", 400, "not valid JSON");
  EXPECT_REFUSED("application/json", "[1, 2]", 400, "must be a JSON object, got array");
  EXPECT_REFUSED("application/json", "{}", 400, "needs \"canvas\"");
  EXPECT_REFUSED("application/json", Json({{"image", blank_image()}, {"canvas", 1}}).dump(), 400, "not both");
  EXPECT_REFUSED("application/json", Json({{"image", blank_image()}, {"extra", 1}}).dump(), 400,
                 "unknown field \"extra\"");
}

TEST(ClassifyRequest, RefusesWrongLengthsAndValues) {
  Json image = blank_image();
  image.erase(image.begin());
  EXPECT_REFUSED("application/json", Json({{"image", image}}).dump(), 400, "784 numbers");
  EXPECT_REFUSED("application/json", Json({{"image", image}}).dump(), 400, "got 783 values");
  EXPECT_REFUSED("application/json", Json({{"image", "zeros"}}).dump(), 400, "got string");
  image = blank_image();
  image[5] = nullptr;  // JSON.stringify turns NaN into null
  EXPECT_REFUSED("application/json", Json({{"image", image}}).dump(), 400, "image[5] is null, not a number");
  image[5] = 1.5;
  EXPECT_REFUSED("application/json", Json({{"image", image}}).dump(), 400, "image[5] = 1.5 is outside [0, 1]");
  image[5] = -0.25;
  EXPECT_REFUSED("application/json", Json({{"image", image}}).dump(), 400, "outside [0, 1]");
  // A literal NaN is not JSON at all.
  std::string nan_body = Json({{"image", blank_image()}}).dump();
  nan_body.replace(nan_body.find("0.0"), 3, "NaN");
  EXPECT_REFUSED("application/json", nan_body, 400, "not valid JSON");

  Json c = canvas(10, 10, 3, 5);
  c["canvas"]["pixels"].erase(c["canvas"]["pixels"].begin());
  EXPECT_REFUSED("application/json", c.dump(), 400, "width x height = 100 grey levels, got 99 values");
  c = canvas(10, 10, 3, 5);
  c["canvas"]["pixels"][7] = 256;
  EXPECT_REFUSED("application/json", c.dump(), 400, "canvas.pixels[7] = 256 is not an integer 0..255");
  c["canvas"]["pixels"][7] = 0.5;
  EXPECT_REFUSED("application/json", c.dump(), 400, "canvas.pixels[7] = 0.5");
  c = canvas(10, 10, 3, 5);
  c["canvas"]["width"] = 0;
  EXPECT_REFUSED("application/json", c.dump(), 400, "\"canvas.width\" must be an integer 1..4096, got 0");
  c["canvas"].erase("width");
  EXPECT_REFUSED("application/json", c.dump(), 400, "\"canvas.width\" must be an integer 1..4096 (missing)");
  c = canvas(10, 10, 3, 5);
  c["canvas"]["height"] = 5000;
  EXPECT_REFUSED("application/json", c.dump(), 400, "\"canvas.height\"");
  EXPECT_REFUSED("application/json", Json({{"canvas", {1, 2}}}).dump(), 400, "\"canvas\" must be an object");
}

TEST(ClassifyRequest, RefusesOversizedBodies) {
  EXPECT_REFUSED("application/json", std::string(kMaxRequestBytes + 1, ' '), 413, "the limit is 1048576");
}

// ---- a served page with two fake backends ----

class FakeBackend : public DigitBackend {
 public:
  FakeBackend(std::string id, int digit, bool fails = false) : id_(std::move(id)), digit_(digit), fails_(fails) {}
  BackendDescription describe() const override {
    return {id_, id_ + " title", id_ + ".tflite", id_ == "host" ? "ns" : "instructions", {{"model", id_ + ".tflite"}}};
  }
  bool classify(const float image[kMnistPixels], DigitResult* result, std::string* error) override {
    ++calls;
    last_image_sum = 0;
    for (int i = 0; i < kMnistPixels; ++i) last_image_sum += image[i];
    if (fails_) {
      *error = "link timed out";
      return false;
    }
    *result = DigitResult();
    result->probabilities[digit_] = 1.0f;
    result->digit = digit_;
    result->layers = {{"CONV_2D", 300}, {"SOFTMAX", 20}};
    result->total_count = 320;
    result->microseconds = 12.5;
    return true;
  }
  int calls = 0;
  double last_image_sum = 0;

 private:
  std::string id_;
  int digit_;
  bool fails_;
};

class ServedPad : public ::testing::Test {
 protected:
  void start(std::vector<DigitBackend*> backends) {
    server_ = std::make_unique<DigitServer>(backends, "test");
    std::string error;
    ListenAddress address;
    address.port = 0;
    ASSERT_TRUE(server_->bind(address, &port_, &error)) << error;
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(10, 0);
    client_->set_connection_timeout(5, 0);
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  // status, parsed JSON body
  std::pair<int, Json> post(const std::string& body, const std::string& type = "application/json") {
    auto res = client_->Post("/api/classify", body, type);
    EXPECT_TRUE(res) << "no reply: " << httplib::to_string(res.error());
    if (!res) return {0, Json()};
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    return {res->status, Json::parse(res->body, nullptr, false)};
  }

  std::unique_ptr<DigitServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

TEST_F(ServedPad, ServesTheEmbeddedPage) {
  FakeBackend host("host", 3);
  start({&host});
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<canvas id=\"pad\""), std::string::npos);
  EXPECT_NE(page->body.find("/digit_pad.js"), std::string::npos);
  EXPECT_EQ(page->body.find("http"), std::string::npos) << "the page must not load anything from the network";
  auto script = client_->Get("/digit_pad.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_NE(script->body.find("/api/classify"), std::string::npos);
  auto missing = client_->Get("/secret.txt");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("no such page: /secret.txt"), std::string::npos);
}

TEST_F(ServedPad, InfoListsEveryBackend) {
  FakeBackend host("host", 3), board("board", 3);
  start({&host, &board});
  auto res = client_->Get("/api/info");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const Json info = Json::parse(res->body);
  ASSERT_EQ(info["backends"].size(), 2u);
  EXPECT_EQ(info["backends"][0]["id"], "host");
  EXPECT_EQ(info["backends"][1]["id"], "board");
  EXPECT_EQ(info["backends"][1]["count_unit"], "instructions");
  EXPECT_EQ(info["backends"][0]["details"][0][0], "model");
  EXPECT_EQ(info["limits"]["max_request_bytes"], kMaxRequestBytes);
}

TEST_F(ServedPad, ClassifiesWithEveryBackendSideBySide) {
  FakeBackend host("host", 7), board("board", 1, /*fails=*/true);
  start({&host, &board});
  const auto [status, reply] = post(canvas(60, 60, 27, 33).dump());
  ASSERT_EQ(status, 200) << reply.dump();
  ASSERT_EQ(reply["image"].size(), static_cast<std::size_t>(kMnistPixels));
  EXPECT_EQ(reply["framing"]["scaled"], Json({2, 20}));
  ASSERT_EQ(reply["results"].size(), 2u);
  const Json& h = reply["results"][0];
  EXPECT_EQ(h["id"], "host");
  EXPECT_TRUE(h["ok"].get<bool>());
  EXPECT_EQ(h["digit"], 7);
  EXPECT_EQ(h["probabilities"].size(), 10u);
  EXPECT_EQ(h["layers"][0]["op"], "CONV_2D");
  EXPECT_EQ(h["total"], 320);
  EXPECT_EQ(h["unit"], "ns");
  const Json& b = reply["results"][1];
  EXPECT_EQ(b["id"], "board");
  EXPECT_FALSE(b["ok"].get<bool>());
  EXPECT_EQ(b["error"], "link timed out");
  // The backends saw the framed 28x28 image: a 2x20 bar of full ink.
  EXPECT_NEAR(host.last_image_sum, 40.0, 1e-3);
  EXPECT_EQ(board.calls, 1);
}

TEST_F(ServedPad, BadRequestsGetJsonErrorsAndNeverReachABackend) {
  FakeBackend host("host", 7);
  start({&host});
  auto [status, reply] = post(std::string(kMaxRequestBytes + 10, 'x'));
  EXPECT_EQ(status, 413);
  EXPECT_NE(reply.value("error", "").find("larger than the limit of 1048576 bytes"), std::string::npos) << reply;
  std::tie(status, reply) = post("{\"image\": [1,", "application/json");
  EXPECT_EQ(status, 400);
  EXPECT_NE(reply.value("error", "").find("not valid JSON"), std::string::npos) << reply;
  std::tie(status, reply) = post(Json({{"image", blank_image()}}).dump(), "text/plain");
  EXPECT_EQ(status, 415);
  Json short_image = blank_image();
  short_image.erase(short_image.begin());
  std::tie(status, reply) = post(Json({{"image", short_image}}).dump());
  EXPECT_EQ(status, 400);
  EXPECT_NE(reply.value("error", "").find("got 783 values"), std::string::npos) << reply;
  auto get = client_->Get("/api/classify");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  auto put = client_->Put("/api/classify", "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 404);
  EXPECT_NE(put->body.find("no route for PUT /api/classify"), std::string::npos) << put->body;
  EXPECT_EQ(host.calls, 0);
  // Still serving after all that.
  std::tie(status, reply) = post(Json({{"image", blank_image()}}).dump());
  EXPECT_EQ(status, 200);
  EXPECT_EQ(host.calls, 1);
}

TEST_F(ServedPad, SecondServerOnTheSamePortIsRefused) {
  FakeBackend host("host", 7);
  start({&host});
  DigitServer second({&host}, "test");
  ListenAddress address;
  address.port = port_;
  int port = 0;
  std::string error;
  EXPECT_FALSE(second.bind(address, &port, &error));
  EXPECT_NE(error.find("cannot listen on 127.0.0.1:" + std::to_string(port_)), std::string::npos) << error;
}

}  // namespace
}  // namespace tinyinfer::digit
