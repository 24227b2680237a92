// Host client of the board link (docs/link-protocol.md): talks tinyinfer-link
// frames, or the study's unframed messages, to the link firmware over a
// serial port, TCP, or a QEMU it starts itself. Host only.
//
//   std::string error;
//   auto client = tinyinfer::link_client::LinkClient::open("qemu", {}, &error);   // or "/dev/ttyUSB0", "tcp:host:port"
//   tinyinfer::link_client::BoardInfo info;
//   if (!client || !client->info(&info, &error)) ... error says what went wrong
//   tinyinfer::link_client::InferReply reply;
//   client->infer(input_bytes, &reply, &error);    // the model's input tensor(s), raw
//
// Every call has a timeout (ClientOptions) and returns false with a message
// naming the problem (no reply, an Error from the board with its code, a
// reply that fails the flatbuffers verifier). One client is one line: not
// for concurrent use from several threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tinyinfer::link_client {

// ---- transports ----------------------------------------------------------------

// Bytes to and from the board.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual bool write(const uint8_t* data, std::size_t size, std::string* error) = 0;
  // Appends what arrives within timeout_ms (possibly nothing); false on a
  // closed line or an error.
  virtual bool read(std::vector<uint8_t>* out, int timeout_ms, std::string* error) = 0;
  // "serial /dev/ttyUSB0 115200 8N1", "tcp 127.0.0.1:5555", "qemu <elf>".
  virtual std::string describe() const = 0;
};

struct ClientOptions {
  int baud = 115200;              // serial ports: raw 8N1 at this rate
  double reply_timeout_s = 30.0;  // per request (an inference under QEMU takes seconds)
  double boot_timeout_s = 30.0;   // qemu: until the link socket is up
  std::string qemu_firmware;      // qemu without ":ELF": this, else the build's link firmware
};

// A transport from its description:
//   "/dev/ttyUSB0" (anything starting with '/'), "tcp:HOST:PORT",
//   "qemu" or "qemu:FIRMWARE.elf" (QEMU mps2-an500, link UART on a socket,
//   console on null; stopped when the transport is destroyed).
std::unique_ptr<Transport> open_transport(const std::string& spec, const ClientOptions& options, std::string* error);

// ---- replies ----------------------------------------------------------------------

struct TensorDetails {
  std::string name, dtype;
  std::vector<int32_t> shape;
  float scale = 0.0f;
  int32_t zero_point = 0;
  uint32_t bytes = 0;
};

struct LinkCounters {
  uint32_t frames = 0, cobs_invalid = 0, too_short = 0, bad_crc = 0, oversized = 0;
  uint32_t study_requests = 0, study_dropped = 0;
};

struct BoardInfo {
  std::string firmware_version, board, counter_unit, kernel_set, model_name, model_sha256;  // sha256 in hex
  uint64_t clock_hz = 0, counter_hz = 0;
  uint32_t model_bytes = 0;
  bool model_uploaded = false;
  std::vector<TensorDetails> inputs, outputs;
  uint32_t arena_used = 0, arena_size = 0, slot_bytes = 0;
  struct Op {
    std::string name, kernel;
  };
  std::vector<Op> ops;  // at most the first 32
  LinkCounters counters;
  uint32_t max_payload = 0, max_chunk = 0;
};

struct InferReply {
  std::vector<uint8_t> output;  // every output tensor's bytes, in order
  int32_t argmax = -1;
  std::string unit;
  uint64_t total = 0;
  double microseconds = -1.0;        // < 0: the board's counter is no clock (QEMU)
  std::vector<int32_t> layer_codes;  // TFLite builtin op code per layer
  std::vector<uint64_t> layer_counts;
};

// The study's replies.
struct StudyStats {
  uint8_t version = 0;
  uint32_t freq = 0;
  bool cmsis_nn = false;
  std::size_t reply_bytes = 0;
};
struct StudyInference {
  std::vector<float> outputs;
  uint8_t output_n = 0;
  float timer_ms = 0.0f;
  std::size_t reply_bytes = 0;
};

// ---- the client --------------------------------------------------------------------

class LinkClient {
 public:
  LinkClient(std::unique_ptr<Transport> transport, const ClientOptions& options);
  // open_transport + LinkClient; null with *error on failure.
  static std::unique_ptr<LinkClient> open(const std::string& spec, const ClientOptions& options, std::string* error);

  bool info(BoardInfo* info, std::string* error);
  // `input`: every input tensor's raw bytes, concatenated.
  bool infer(const std::vector<uint8_t>& input, InferReply* reply, std::string* error);
  // Uploads a .tflite in chunks; `progress(sent, total)` after each.
  bool load(const std::vector<uint8_t>& model, const std::string& name, std::string* error,
            const std::function<void(std::size_t, std::size_t)>& progress = nullptr);

  // The study's protocol: GET_STATS, and an inference on 784 floats in [0,1].
  bool study_stats(StudyStats* stats, std::string* error);
  bool study_infer(const std::vector<float>& digit, StudyInference* result, std::string* error);

  // Low level, for tests: raw bytes on the line, and one request/reply.
  bool send_raw(const std::vector<uint8_t>& bytes, std::string* error);
  // Sends a frame and waits for the frame with the same seq; an Error reply
  // is returned as such (type 0x7F), not as a failure.
  bool transact(uint8_t type, const std::vector<uint8_t>& payload, uint8_t* reply_type,
                std::vector<uint8_t>* reply_payload, std::string* error);

  Transport& transport() { return *transport_; }
  const ClientOptions& options() const { return options_; }

 private:
  bool expect(uint8_t type, const std::vector<uint8_t>& payload, uint8_t want, std::vector<uint8_t>* reply,
              std::string* error);
  bool study_exchange(const std::vector<uint8_t>& request, int command, std::size_t limit, double timeout_s,
                      std::vector<uint8_t>* reply, std::string* error);

  std::unique_ptr<Transport> transport_;
  ClientOptions options_;
  uint16_t seq_ = 1;
  std::vector<uint8_t> pending_;  // bytes read past the last reply
};

// Lower-case hex of bytes (sha256 digests).
std::string hex_bytes(const uint8_t* data, std::size_t size);

}  // namespace tinyinfer::link_client
