// SHA-256 (FIPS 180-4) of a byte range: Info names the active model by its
// hash, so the host can tell which file the board runs. No heap; firmware
// and host.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer::link {

constexpr std::size_t kSha256Bytes = 32;

void sha256(const void* data, std::size_t size, uint8_t digest[kSha256Bytes]);

}  // namespace tinyinfer::link
