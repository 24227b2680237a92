#include "digit_server.h"

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "web_assets.h"

namespace tinyinfer::digit {

using Json = nlohmann::json;

bool parse_listen_address(const std::string& text, ListenAddress* address, std::string* error) {
  const std::string example = " (e.g. 127.0.0.1:8080, [::1]:8080, or port 0 for any free port)";
  std::string host, port;
  if (!text.empty() && text[0] == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      *error = "listen address '" + text + "': an IPv6 host in brackets must be followed by :PORT" + example;
      return false;
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) {
      *error = "listen address '" + text + "' has no port: expected HOST:PORT" + example;
      return false;
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string::npos) {
      *error = "listen address '" + text + "': write an IPv6 host in brackets" + example;
      return false;
    }
  }
  if (host.empty()) {
    *error = "listen address '" + text + "' has no host before the port" + example;
    return false;
  }
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    *error = "listen address '" + text + "': port '" + port + "' is not a number in 0..65535" + example;
    return false;
  }
  address->host = host;
  address->port = std::stoi(port);
  return true;
}

namespace {

bool fail(RequestError* error, int status, std::string message) {
  error->status = status;
  error->message = std::move(message);
  return false;
}

// The media type without parameters, lower case: "application/json".
std::string media_type(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

bool parse_image(const Json& image, ClassifyRequest* request, RequestError* error) {
  if (!image.is_array() || image.size() != kMnistPixels) {
    return fail(error, 400,
                "\"image\" must be an array of " + std::to_string(kMnistPixels) + " numbers (28x28, row-major), got " +
                    (image.is_array() ? std::to_string(image.size()) + " values" : std::string(image.type_name())));
  }
  for (int i = 0; i < kMnistPixels; ++i) {
    const Json& v = image[static_cast<std::size_t>(i)];
    if (!v.is_number()) {
      return fail(error, 400,
                  "image[" + std::to_string(i) + "] is " + v.type_name() + ", not a number (NaN is not allowed)");
    }
    const double x = v.get<double>();
    if (!std::isfinite(x) || x < 0.0 || x > 1.0) {
      return fail(error, 400, "image[" + std::to_string(i) + "] = " + v.dump() + " is outside [0, 1]");
    }
    request->image[i] = static_cast<float>(x);
  }
  return true;
}

bool parse_side(const Json& canvas, const char* name, int* side, RequestError* error) {
  const auto it = canvas.find(name);
  if (it == canvas.end() || !it->is_number_integer() || it->get<int64_t>() < 1 || it->get<int64_t>() > kMaxCanvasSide) {
    return fail(error, 400,
                std::string("\"canvas.") + name + "\" must be an integer 1.." + std::to_string(kMaxCanvasSide) +
                    (it == canvas.end() ? " (missing)" : ", got " + it->dump()));
  }
  *side = static_cast<int>(it->get<int64_t>());
  return true;
}

bool parse_canvas(const Json& canvas, ClassifyRequest* request, RequestError* error) {
  if (!canvas.is_object()) {
    return fail(error, 400,
                std::string("\"canvas\" must be an object {width, height, pixels}, got ") + canvas.type_name());
  }
  int width = 0, height = 0;
  if (!parse_side(canvas, "width", &width, error) || !parse_side(canvas, "height", &height, error)) return false;
  const auto pixels = canvas.find("pixels");
  const std::size_t want = static_cast<std::size_t>(width) * height;
  if (pixels == canvas.end() || !pixels->is_array() || pixels->size() != want) {
    return fail(error, 400,
                "\"canvas.pixels\" must be an array of width x height = " + std::to_string(want) +
                    " grey levels, got " +
                    (pixels == canvas.end() ? std::string("none")
                     : pixels->is_array()   ? std::to_string(pixels->size()) + " values"
                                            : std::string(pixels->type_name())));
  }
  std::vector<uint8_t> grey(want);
  for (std::size_t i = 0; i < want; ++i) {
    const Json& v = (*pixels)[i];
    if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 255) {
      return fail(error, 400, "canvas.pixels[" + std::to_string(i) + "] = " + v.dump() + " is not an integer 0..255");
    }
    grey[i] = static_cast<uint8_t>(v.get<int64_t>());
  }
  std::string why;
  if (!preprocess_mnist(grey.data(), width, height, request->image, &request->framing, &why)) {
    return fail(error, 400, "canvas: " + why);
  }
  request->from_canvas = true;
  return true;
}

}  // namespace

bool parse_classify_request(const std::string& content_type, const std::string& body, ClassifyRequest* request,
                            RequestError* error) {
  if (body.size() > kMaxRequestBytes) {
    return fail(
        error, 413,
        "request body is " + std::to_string(body.size()) + " bytes; the limit is " + std::to_string(kMaxRequestBytes));
  }
  if (media_type(content_type) != "application/json") {
    return fail(error, 415,
                "Content-Type must be application/json, got '" + (content_type.empty() ? "none" : content_type) + "'");
  }
  Json doc;
  try {
    doc = Json::parse(body);
  } catch (const Json::parse_error& e) {
    return fail(error, 400, std::string("body is not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) {
    return fail(error, 400, std::string("body must be a JSON object, got ") + doc.type_name());
  }
  const bool has_canvas = doc.contains("canvas"), has_image = doc.contains("image");
  if (has_canvas == has_image) {
    return fail(error, 400,
                has_canvas ? "give either \"canvas\" or \"image\", not both"
                           : "body needs \"canvas\" ({width, height, pixels}) or \"image\" (784 values in [0, 1])");
  }
  for (const auto& item : doc.items()) {
    if (item.key() != "canvas" && item.key() != "image") {
      return fail(error, 400, "unknown field \"" + item.key() + "\" (expected \"canvas\" or \"image\")");
    }
  }
  *request = ClassifyRequest();
  return has_canvas ? parse_canvas(doc["canvas"], request, error) : parse_image(doc["image"], request, error);
}

namespace {

Json describe_json(const BackendDescription& d) {
  Json details = Json::array();
  for (const auto& [label, value] : d.details) details.push_back({label, value});
  return {{"id", d.id}, {"title", d.title}, {"model", d.model}, {"count_unit", d.count_unit}, {"details", details}};
}

Json result_json(const std::string& id, const std::string& unit, const DigitResult& r) {
  Json layers = Json::array();
  for (const LayerCount& l : r.layers) layers.push_back({{"op", l.op}, {"count", l.count}});
  Json probabilities = Json::array();
  for (float p : r.probabilities) probabilities.push_back(std::isfinite(p) ? Json(p) : Json(nullptr));
  return {{"id", id},
          {"ok", true},
          {"digit", r.digit},
          {"probabilities", probabilities},
          {"unit", unit},
          {"total", r.total_count},
          {"microseconds", r.microseconds},
          {"layers", layers}};
}

Json framing_json(const ClassifyRequest& request) {
  if (!request.from_canvas) return nullptr;
  const MnistFraming& f = request.framing;
  return {{"has_ink", f.has_ink},
          {"box", {f.box_x, f.box_y, f.box_width, f.box_height}},
          {"scaled", {f.scaled_width, f.scaled_height}},
          {"offset", {f.offset_x, f.offset_y}},
          {"mass_centre", {f.mass_x, f.mass_y}}};
}

void reply_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(Json{{"error", message}}.dump(), "application/json");
}

}  // namespace

struct DigitServer::Impl {
  std::vector<DigitBackend*> backends;
  std::string version;
  httplib::Server server;
  std::mutex backend_mutex;  // backends are not thread-safe; httplib serves on a pool
  // httplib's stop() does nothing before listen has started, so a stop()
  // racing with run() is remembered here and honoured on either side.
  std::mutex run_mutex;
  bool stop_requested = false, run_started = false;
  std::atomic<bool> run_finished{false};

  Json info() const {
    Json backends_json = Json::array();
    for (const DigitBackend* b : backends) backends_json.push_back(describe_json(b->describe()));
    return {{"server", "tinyinfer " + version},
            {"backends", backends_json},
            {"limits", {{"max_request_bytes", kMaxRequestBytes}, {"max_canvas_side", kMaxCanvasSide}}}};
  }

  Json classify(const ClassifyRequest& request) {
    Json image = Json::array();
    for (float v : request.image) image.push_back(std::round(v * 1000.0f) / 1000.0f);  // for the thumbnail
    Json results = Json::array();
    std::lock_guard<std::mutex> lock(backend_mutex);
    for (DigitBackend* b : backends) {
      const BackendDescription d = b->describe();
      DigitResult result;
      std::string error;
      if (b->classify(request.image, &result, &error)) {
        results.push_back(result_json(d.id, d.count_unit, result));
      } else {
        results.push_back({{"id", d.id}, {"ok", false}, {"error", error}});
      }
    }
    return {{"image", image}, {"framing", framing_json(request)}, {"results", results}};
  }

  void install_routes() {
    server.set_payload_max_length(kMaxRequestBytes);
    // httplib's default also sets SO_REUSEPORT, which would let a second
    // server share the port (and split the requests): address reuse only.
    server.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server.Get("/api/info", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(info().dump(), "application/json");
    });
    server.Post("/api/classify", [this](const httplib::Request& req, httplib::Response& res) {
      ClassifyRequest request;
      RequestError error;
      if (!parse_classify_request(req.get_header_value("Content-Type"), req.body, &request, &error)) {
        reply_error(res, error.status, error.message);
        return;
      }
      res.set_content(classify(request).dump(), "application/json");
    });
    server.Get("/api/classify", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", "POST");
      reply_error(res, 405, "/api/classify takes POST with a JSON body");
    });
    server.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
      const WebAsset* asset = find_web_asset(req.path.c_str());
      if (asset == nullptr) {
        reply_error(res, 404, "no such page: " + req.path);
        return;
      }
      res.set_content(reinterpret_cast<const char*>(asset->data), asset->size, asset->content_type);
    });
    // Errors httplib raises itself (413 payload too large, 404 for other
    // methods, 400 unparsable requests) get the same JSON shape.
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string message = "HTTP " + std::to_string(res.status);
      if (res.status == 413) {
        message = "request body is larger than the limit of " + std::to_string(kMaxRequestBytes) + " bytes";
      } else if (res.status == 404) {
        message = "no route for " + req.method + " " + req.path;
      }
      reply_error(res, res.status, message);
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      reply_error(res, 500, "internal error while answering the request");
    });
  }
};

DigitServer::DigitServer(std::vector<DigitBackend*> backends, std::string version) : impl_(new Impl) {
  impl_->backends = std::move(backends);
  impl_->version = std::move(version);
  impl_->install_routes();
}

DigitServer::~DigitServer() = default;

bool DigitServer::bind(const ListenAddress& address, int* bound_port, std::string* error) {
  errno = 0;
  int port = address.port;
  const bool ok = port == 0 ? (port = impl_->server.bind_to_any_port(address.host)) > 0
                            : impl_->server.bind_to_port(address.host, port);
  if (!ok) {
    *error = "cannot listen on " + address.host + ":" + std::to_string(address.port) +
             (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string(": address not usable"));
    return false;
  }
  *bound_port = port;
  return true;
}

bool DigitServer::run() {
  {
    std::lock_guard<std::mutex> lock(impl_->run_mutex);
    if (impl_->stop_requested) return true;
    impl_->run_started = true;
  }
  const bool ok = impl_->server.listen_after_bind();
  impl_->run_finished = true;
  return ok;
}

void DigitServer::stop() {
  bool started = false;
  {
    std::lock_guard<std::mutex> lock(impl_->run_mutex);
    impl_->stop_requested = true;
    started = impl_->run_started;
  }
  if (!started) return;  // run() will see stop_requested and not listen
  while (!impl_->server.is_running() && !impl_->run_finished) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->server.stop();
}

}  // namespace tinyinfer::digit
