#include "link/frame.h"

#include <cstring>

#include "link/crc32.h"

namespace tinyinfer::link {

std::size_t encode_frame(FrameType type, uint16_t seq, const uint8_t* payload, std::size_t payload_size,
                         uint8_t* output, std::size_t capacity) {
  if (payload_size > kMaxPayloadBytes) return 0;
  const uint8_t header[kFrameHeaderBytes] = {static_cast<uint8_t>(type), static_cast<uint8_t>(seq & 0xFF),
                                             static_cast<uint8_t>(seq >> 8)};
  const uint32_t crc = crc32(payload, payload_size, crc32(header, sizeof header));
  const uint8_t crc_bytes[kFrameCrcBytes] = {static_cast<uint8_t>(crc), static_cast<uint8_t>(crc >> 8),
                                             static_cast<uint8_t>(crc >> 16), static_cast<uint8_t>(crc >> 24)};
  CobsWriter writer(output, capacity);
  writer.put(header, sizeof header);
  writer.put(payload, payload_size);
  writer.put(crc_bytes, sizeof crc_bytes);
  const std::size_t encoded = writer.finish();
  if (encoded == 0 || encoded >= capacity) return 0;
  output[encoded] = 0x00;
  return encoded + 1;
}

const char* frame_event_name(FrameEvent event) {
  switch (event) {
    case FrameEvent::kNone:
      return "none";
    case FrameEvent::kFrame:
      return "frame";
    case FrameEvent::kCobsInvalid:
      return "COBS invalid";
    case FrameEvent::kTooShort:
      return "too short";
    case FrameEvent::kOversized:
      return "oversized";
    case FrameEvent::kBadCrc:
      return "bad CRC";
  }
  return "?";
}

FrameEvent FrameDecoder::feed(uint8_t byte) {
  if (byte == 0x00) return end_of_frame();
  if (oversized_) return FrameEvent::kNone;  // skipped until the delimiter
  if (encoded_size_ == kMaxEncodedFrameBytes) {
    oversized_ = true;
    encoded_size_ = 0;
    return FrameEvent::kNone;
  }
  encoded_[encoded_size_++] = byte;
  return FrameEvent::kNone;
}

FrameEvent FrameDecoder::end_of_frame() {
  const std::size_t size = encoded_size_;
  const bool oversized = oversized_;
  reset();
  if (oversized) return FrameEvent::kOversized;
  if (size == 0) return FrameEvent::kNone;  // delimiters in a row: idle line
  std::size_t decoded = 0;
  const CobsResult cobs = cobs_decode(encoded_, size, decoded_, sizeof decoded_, &decoded);
  if (cobs == CobsResult::kOutputTooSmall) return FrameEvent::kOversized;
  if (cobs != CobsResult::kOk) return FrameEvent::kCobsInvalid;
  if (decoded < kMinFrameBytes) return FrameEvent::kTooShort;
  const std::size_t body = decoded - kFrameCrcBytes;
  uint32_t sent = 0;
  for (int i = 0; i < 4; ++i) sent |= static_cast<uint32_t>(decoded_[body + i]) << (8 * i);
  if (crc32(decoded_, body) != sent) return FrameEvent::kBadCrc;
  type_ = static_cast<FrameType>(decoded_[0]);
  seq_ = static_cast<uint16_t>(decoded_[1] | (decoded_[2] << 8));
  payload_size_ = body - kFrameHeaderBytes;
  std::memmove(decoded_, decoded_ + kFrameHeaderBytes, payload_size_);  // aligned for the verifier
  return FrameEvent::kFrame;
}

}  // namespace tinyinfer::link
