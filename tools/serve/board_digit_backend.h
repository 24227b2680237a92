// A board over its link (tools/link) as a digit backend. The serve code does
// not depend on the link client directly: it needs only BoardLink below,
// which an adapter of a few lines maps onto tools/link's LinkClient
// (open_board_link, board_link_factory.cc). The backend encodes the image
// for the board model's input (float32 or quantized int8/uint8, from the
// board's own Info) and decodes output 0, exactly as the host backend does.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "digit_backend.h"
#include "digit_tensor_codec.h"

namespace tinyinfer::digit {

// What the board says about itself and its active model (the link's Info).
struct BoardLinkInfo {
  std::string board;             // "qemu-mps2-an500"
  std::string firmware_version;  // "0.1.0"
  uint64_t clock_hz = 0;
  std::string kernels;  // "optimized"
  std::string model_name;
  std::string model_sha256;
  uint64_t arena_bytes = 0;
  std::string count_unit;        // "instructions" (QEMU), "cycles" (silicon)
  TensorEncoding input, output;  // input 0 and output 0
  std::vector<std::string> ops;  // op names in execution order
};

// One Infer -> Result exchange.
struct BoardLinkResult {
  std::vector<uint8_t> output;  // raw bytes of output 0
  int argmax = -1;              // the board's own answer (-1: not sent)
  uint64_t total_count = 0;     // in BoardLinkInfo::count_unit
  std::vector<LayerCount> layers;
  double microseconds = 0.0;
};

class BoardLink {
 public:
  virtual ~BoardLink() = default;
  virtual bool info(BoardLinkInfo* info, std::string* error) = 0;
  // input: raw bytes of the model's input 0.
  virtual bool infer(const std::vector<uint8_t>& input, BoardLinkResult* result, std::string* error) = 0;
};

// Opens the link named by a transport string ("qemu", "qemu:FW.elf",
// "tcp:HOST:PORT", "/dev/ttyUSB0"). Defined in board_link_factory.cc: the
// adapter onto tools/link's LinkClient. Null + *error when it cannot.
std::unique_ptr<BoardLink> open_board_link(const std::string& transport, std::string* error);

class BoardDigitBackend : public DigitBackend {
 public:
  // Asks the board for its Info and checks that its model takes a digit
  // (784 input values, 10 outputs). `transport` is shown in the page.
  static bool open(std::unique_ptr<BoardLink> link, const std::string& transport,
                   std::unique_ptr<BoardDigitBackend>* backend, std::string* error);

  BackendDescription describe() const override { return description_; }
  bool classify(const float image[kMnistPixels], DigitResult* result, std::string* error) override;

 private:
  BoardDigitBackend() = default;

  std::unique_ptr<BoardLink> link_;
  BoardLinkInfo info_;
  BackendDescription description_;
};

}  // namespace tinyinfer::digit
