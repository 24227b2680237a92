// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): rewrites a
// block so it holds no 0x00, which then marks the end of a frame on the wire.
// Overhead: one byte per started 254 bytes of input, plus one. Bounds-checked,
// no heap; compiled for the firmware and the host.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer::link {

// Largest encoding of `size` input bytes (without the 0x00 delimiter).
constexpr std::size_t cobs_max_encoded_size(std::size_t size) { return size + size / 254 + 1; }

// Encodes a stream byte by byte into `output` (capacity `capacity`), so a
// frame is encoded from its parts without first copying them together.
class CobsWriter {
 public:
  CobsWriter(uint8_t* output, std::size_t capacity) : output_(output), capacity_(capacity) {}
  void put(uint8_t byte);
  void put(const uint8_t* bytes, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) put(bytes[i]);
  }
  // The encoded length, or 0 when it did not fit (an encoding is never empty).
  std::size_t finish();

 private:
  uint8_t* output_;
  std::size_t capacity_;
  std::size_t code_at_ = 0;  // where the current block's code byte goes
  std::size_t out_ = 1;      // next data byte
  uint8_t code_ = 1;         // 1 + data bytes in the current block
  bool overflow_ = false;
};

// Encodes `size` bytes of `input` into `output` (capacity `capacity`, which
// must not overlap the input). Returns the encoded length, or 0 when the
// output does not fit.
std::size_t cobs_encode(const uint8_t* input, std::size_t size, uint8_t* output, std::size_t capacity);

enum class CobsResult {
  kOk,
  kZeroByte,       // a 0x00 inside the encoded block
  kCodeOverruns,   // a code byte points past the end of the block
  kOutputTooSmall  // the decoded bytes do not fit in the output
};

// Decodes `size` encoded bytes (without the delimiter) into `output`;
// *decoded_size is the decoded length on kOk.
CobsResult cobs_decode(const uint8_t* input, std::size_t size, uint8_t* output, std::size_t capacity,
                       std::size_t* decoded_size);

}  // namespace tinyinfer::link
