// The web digit pad's HTTP server (cpp-httplib): the embedded page, and a
// JSON API over one or more DigitBackends (host and/or board):
//
//   GET  /               the page (also /digit_pad.js, /digit_pad.css)
//   GET  /api/info       {"backends": [{id, title, model, count_unit, details}], "limits": {...}}
//   POST /api/classify   Content-Type: application/json, one of
//                          {"canvas": {"width": W, "height": H, "pixels": [W*H grey levels 0..255]}}
//                            (ink bright on black; the server applies the MNIST framing), or
//                          {"image": [784 values in [0, 1]]} (already 28x28, as MNIST)
//                        -> {"image": [784], "framing": {...}, "results": [one per backend]}
//
// Every bad request gets a 4xx reply {"error": "..."} naming the problem:
// 413 over kMaxRequestBytes, 415 not JSON, 400 malformed or out-of-range
// fields, 404 / 405 unknown path or method.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "digit_backend.h"
#include "mnist_preprocess.h"

namespace tinyinfer::digit {

// A 280x280 canvas as JSON is ~300 KB; anything far larger is refused unread.
constexpr std::size_t kMaxRequestBytes = std::size_t{1} << 20;

// "HOST:PORT" ("127.0.0.1:8080", "[::1]:0", "localhost:8080"); port 0..65535
// (0: the system picks a free one). False + *error saying what is wrong.
struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8080;
};
bool parse_listen_address(const std::string& text, ListenAddress* address, std::string* error);

// A classify request, validated.
struct ClassifyRequest {
  float image[kMnistPixels] = {};
  bool from_canvas = false;
  MnistFraming framing;  // from_canvas only
};
struct RequestError {
  int status = 400;
  std::string message;
};
bool parse_classify_request(const std::string& content_type, const std::string& body, ClassifyRequest* request,
                            RequestError* error);

class DigitServer {
 public:
  // The backends must outlive the server; calls into them are serialised.
  // `version` is shown in the page's footer.
  DigitServer(std::vector<DigitBackend*> backends, std::string version);
  ~DigitServer();
  DigitServer(const DigitServer&) = delete;
  DigitServer& operator=(const DigitServer&) = delete;

  // Binds the listening socket; *bound_port is the real port (port 0 picks
  // one). False + *error when the address cannot be bound.
  bool bind(const ListenAddress& address, int* bound_port, std::string* error);
  // Serves until stop(); false if the server could not run.
  bool run();
  // From any thread (not from a signal handler).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tinyinfer::digit
