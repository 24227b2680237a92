#include "link/crc32.h"

namespace tinyinfer::link {
namespace {

// CRC of each 4-bit value, reflected: one table lookup per nibble.
constexpr uint32_t nibble_crc(uint32_t n) {
  uint32_t c = n;
  for (int bit = 0; bit < 4; ++bit) c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
  return c;
}
constexpr uint32_t kNibbleTable[16] = {nibble_crc(0),  nibble_crc(1),  nibble_crc(2),  nibble_crc(3),
                                       nibble_crc(4),  nibble_crc(5),  nibble_crc(6),  nibble_crc(7),
                                       nibble_crc(8),  nibble_crc(9),  nibble_crc(10), nibble_crc(11),
                                       nibble_crc(12), nibble_crc(13), nibble_crc(14), nibble_crc(15)};

}  // namespace

uint32_t crc32(const void* data, std::size_t size, uint32_t crc) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  uint32_t c = ~crc;
  for (std::size_t i = 0; i < size; ++i) {
    c ^= bytes[i];
    c = (c >> 4) ^ kNibbleTable[c & 0xF];
    c = (c >> 4) ^ kNibbleTable[c & 0xF];
  }
  return ~c;
}

}  // namespace tinyinfer::link
