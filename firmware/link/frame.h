// tinyinfer-link frames (docs/link-protocol.md): on the wire
//   COBS( type u8 | seq u16 LE | payload | CRC-32 LE ) 0x00
// The CRC-32 (crc32.h) covers type, seq and payload. The payload is a
// flatbuffer of link_protocol.fbs chosen by `type`. No heap: the decoder
// holds one frame in fixed buffers.
#pragma once

#include <cstddef>
#include <cstdint>

#include "link/cobs.h"

namespace tinyinfer::link {

// Frame types: a request and its reply (a reply echoes the request's seq).
enum class FrameType : uint8_t {
  kInfoRequest = 0x01,
  kInfoReply = 0x02,
  kInferRequest = 0x03,
  kInferResult = 0x04,
  kLoadBegin = 0x05,
  kLoadChunk = 0x06,
  kLoadCommit = 0x07,
  kLoadReply = 0x08,  // answers LoadBegin, LoadChunk and LoadCommit
  kError = 0x7F,
};

constexpr std::size_t kFrameHeaderBytes = 3;  // type, seq
constexpr std::size_t kFrameCrcBytes = 4;
// Largest payload of one frame; a LoadModel chunk carries up to
// kMaxChunkBytes of model (the rest is the flatbuffer around them).
constexpr std::size_t kMaxPayloadBytes = 4096;
constexpr std::size_t kMaxChunkBytes = 3072;
constexpr std::size_t kMaxFrameBytes = kFrameHeaderBytes + kMaxPayloadBytes + kFrameCrcBytes;  // decoded
// Largest COBS-encoded frame without its delimiter: more bytes before a 0x00
// is an oversized frame.
constexpr std::size_t kMaxEncodedFrameBytes = cobs_max_encoded_size(kMaxFrameBytes);
// Smallest decoded frame: header and CRC with an empty payload.
constexpr std::size_t kMinFrameBytes = kFrameHeaderBytes + kFrameCrcBytes;

// Writes one whole frame, delimiter included, into `output`. Returns its
// length, or 0 when the payload exceeds kMaxPayloadBytes or `capacity`.
std::size_t encode_frame(FrameType type, uint16_t seq, const uint8_t* payload, std::size_t payload_size,
                         uint8_t* output, std::size_t capacity);
constexpr std::size_t kMaxWireFrameBytes = kMaxEncodedFrameBytes + 1;

// What feeding one byte produced.
enum class FrameEvent {
  kNone,         // inside a frame, or an empty frame (0x00 after 0x00)
  kFrame,        // a whole frame with a good CRC: frame_type(), seq(), payload()
  kCobsInvalid,  // the bytes before the 0x00 are no COBS encoding
  kTooShort,     // decoded, but shorter than header + CRC
  kOversized,    // more than kMaxEncodedFrameBytes before the 0x00 (reported at the 0x00)
  kBadCrc,       // decoded, CRC mismatch
};
const char* frame_event_name(FrameEvent event);

// Byte-fed frame decoder. Any byte sequence leaves it ready for the next
// frame after the next 0x00: it never waits for anything else.
class FrameDecoder {
 public:
  FrameEvent feed(uint8_t byte);
  void reset() { encoded_size_ = 0, oversized_ = false; }
  // True when no frame is partly received.
  bool idle() const { return encoded_size_ == 0 && !oversized_; }

  // Valid after kFrame until the next feed().
  FrameType frame_type() const { return type_; }
  uint16_t seq() const { return seq_; }
  // 16-byte aligned, as the flatbuffers verifier expects of a buffer.
  const uint8_t* payload() const { return decoded_; }
  std::size_t payload_size() const { return payload_size_; }

 private:
  FrameEvent end_of_frame();

  uint8_t encoded_[kMaxEncodedFrameBytes];
  alignas(16) uint8_t decoded_[kMaxFrameBytes];
  FrameType type_ = FrameType::kError;
  uint16_t seq_ = 0;
  std::size_t encoded_size_ = 0;
  std::size_t payload_size_ = 0;
  bool oversized_ = false;
};

}  // namespace tinyinfer::link
