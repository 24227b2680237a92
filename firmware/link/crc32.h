// CRC-32 of IEEE 802.3 (zlib, PNG): reflected polynomial 0xEDB88320,
// initial value and final XOR 0xFFFFFFFF; crc32("123456789") = 0xCBF43926.
// Table-free (a nibble table of 16 words) so it costs little flash.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer::link {

// Continues `crc` (0 to start) over `size` bytes: crc32(b, crc32(a)) equals
// the CRC of a followed by b, so a file can be checked in chunks.
uint32_t crc32(const void* data, std::size_t size, uint32_t crc = 0);

}  // namespace tinyinfer::link
