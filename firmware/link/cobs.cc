#include "link/cobs.h"

namespace tinyinfer::link {

void CobsWriter::put(uint8_t byte) {
  if (overflow_) return;
  if (byte != 0) {
    if (out_ >= capacity_) return void(overflow_ = true);
    output_[out_++] = byte;
    ++code_;
  }
  // A zero ends the block (the zero is implied); so does a full block of 254
  // data bytes (code 0xFF: no zero implied after it).
  if (byte == 0 || code_ == 0xFF) {
    output_[code_at_] = code_;
    code_at_ = out_++;
    code_ = 1;
    if (code_at_ >= capacity_) overflow_ = true;
  }
}

std::size_t CobsWriter::finish() {
  if (overflow_ || capacity_ == 0) return 0;
  output_[code_at_] = code_;
  return out_;
}

std::size_t cobs_encode(const uint8_t* input, std::size_t size, uint8_t* output, std::size_t capacity) {
  CobsWriter writer(output, capacity);
  writer.put(input, size);
  return writer.finish();
}

CobsResult cobs_decode(const uint8_t* input, std::size_t size, uint8_t* output, std::size_t capacity,
                       std::size_t* decoded_size) {
  std::size_t in = 0, out = 0;
  while (in < size) {
    const uint8_t code = input[in++];
    if (code == 0) return CobsResult::kZeroByte;
    const std::size_t block = code - 1u;
    if (block > size - in) return CobsResult::kCodeOverruns;
    if (block > capacity - out) return CobsResult::kOutputTooSmall;
    for (std::size_t i = 0; i < block; ++i) {
      if (input[in] == 0) return CobsResult::kZeroByte;
      output[out++] = input[in++];
    }
    // A block shorter than 254 stands for a zero after it, except at the end.
    if (code != 0xFF && in < size) {
      if (out >= capacity) return CobsResult::kOutputTooSmall;
      output[out++] = 0;
    }
  }
  *decoded_size = out;
  return CobsResult::kOk;
}

}  // namespace tinyinfer::link
