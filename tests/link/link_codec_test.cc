// The link's byte layer on the host: COBS, CRC-32, SHA-256, frames and every
// class of bad frame the decoder reports.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "link/cobs.h"
#include "link/crc32.h"
#include "link/frame.h"
#include "link/sha256.h"

namespace tinyinfer::link {
namespace {

std::vector<uint8_t> encode(const std::vector<uint8_t>& input) {
  std::vector<uint8_t> out(cobs_max_encoded_size(input.size()));
  const std::size_t n = cobs_encode(input.data(), input.size(), out.data(), out.size());
  EXPECT_GT(n, 0u);
  out.resize(n);
  return out;
}

TEST(Cobs, KnownEncodings) {
  EXPECT_EQ(encode({}), (std::vector<uint8_t>{0x01}));
  EXPECT_EQ(encode({0x00}), (std::vector<uint8_t>{0x01, 0x01}));
  EXPECT_EQ(encode({0x00, 0x00}), (std::vector<uint8_t>{0x01, 0x01, 0x01}));
  EXPECT_EQ(encode({0x11, 0x22, 0x00, 0x33}), (std::vector<uint8_t>{0x03, 0x11, 0x22, 0x02, 0x33}));
  EXPECT_EQ(encode({0x11, 0x00, 0x00, 0x00}), (std::vector<uint8_t>{0x02, 0x11, 0x01, 0x01, 0x01}));
  std::vector<uint8_t> run(254);
  for (int i = 0; i < 254; ++i) run[i] = static_cast<uint8_t>(i + 1);
  const std::vector<uint8_t> encoded = encode(run);
  ASSERT_EQ(encoded.size(), 256u);  // 0xFF block, then an empty final block
  EXPECT_EQ(encoded[0], 0xFF);
  EXPECT_EQ(encoded[255], 0x01);
}

TEST(Cobs, RoundTripsEverySizeAroundBlockBoundaries) {
  std::mt19937 rng(7);
  for (std::size_t size : std::vector<std::size_t>{0, 1, 2, 253, 254, 255, 256, 507, 508, 509, 1000, 4103}) {
    for (int zeros : {0, 1, 3}) {  // zero bytes: none, some, many
      std::vector<uint8_t> input(size);
      for (auto& b : input)
        b = static_cast<uint8_t>(zeros == 0 ? 1 + rng() % 255 : (rng() % (4 - zeros) == 0 ? 0 : rng()));
      const std::vector<uint8_t> encoded = encode(input);
      EXPECT_LE(encoded.size(), cobs_max_encoded_size(size));
      for (uint8_t b : encoded) ASSERT_NE(b, 0);
      std::vector<uint8_t> decoded(size + 1);
      std::size_t n = 0;
      ASSERT_EQ(cobs_decode(encoded.data(), encoded.size(), decoded.data(), decoded.size(), &n), CobsResult::kOk);
      decoded.resize(n);
      EXPECT_EQ(decoded, input) << "size " << size;
    }
  }
}

TEST(Cobs, EncodeRefusesASmallOutput) {
  std::vector<uint8_t> input(300, 0x55);
  std::vector<uint8_t> out(cobs_max_encoded_size(input.size()) - 1);
  EXPECT_EQ(cobs_encode(input.data(), input.size(), out.data(), out.size()), 0u);
  EXPECT_EQ(cobs_encode(input.data(), input.size(), out.data(), 0), 0u);
}

TEST(Cobs, DecodeRejectsBadInput) {
  uint8_t out[16];
  std::size_t n = 0;
  const uint8_t overrun[] = {0x05, 0x11, 0x22};
  EXPECT_EQ(cobs_decode(overrun, sizeof overrun, out, sizeof out, &n), CobsResult::kCodeOverruns);
  const uint8_t zero[] = {0x03, 0x11, 0x00};
  EXPECT_EQ(cobs_decode(zero, sizeof zero, out, sizeof out, &n), CobsResult::kZeroByte);
  const uint8_t zero_code[] = {0x00};
  EXPECT_EQ(cobs_decode(zero_code, sizeof zero_code, out, sizeof out, &n), CobsResult::kZeroByte);
  const uint8_t big[] = {0x04, 1, 2, 3, 0x04, 4, 5, 6};
  EXPECT_EQ(cobs_decode(big, sizeof big, out, 4, &n), CobsResult::kOutputTooSmall);
}

TEST(Crc32, MatchesTheIeeeCheckValue) {
  EXPECT_EQ(crc32("123456789", 9), 0xCBF43926u);
  EXPECT_EQ(crc32("", 0), 0u);
  // In pieces, as an upload is checked.
  EXPECT_EQ(crc32("56789", 5, crc32("1234", 4)), 0xCBF43926u);
}

std::string hex(const uint8_t* bytes, std::size_t size) {
  std::string text;
  for (std::size_t i = 0; i < size; ++i) {
    static const char kDigits[] = "0123456789abcdef";
    text += kDigits[bytes[i] >> 4];
    text += kDigits[bytes[i] & 15];
  }
  return text;
}

TEST(Sha256, MatchesFipsExamples) {
  uint8_t digest[kSha256Bytes];
  sha256("abc", 3, digest);
  EXPECT_EQ(hex(digest, 32), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  sha256("", 0, digest);
  EXPECT_EQ(hex(digest, 32), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const char* two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";  // 56 bytes: padding spills
  sha256(two_blocks, 56, digest);
  EXPECT_EQ(hex(digest, 32), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  sha256(million.data(), million.size(), digest);
  EXPECT_EQ(hex(digest, 32), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

std::vector<uint8_t> frame_bytes(FrameType type, uint16_t seq, const std::vector<uint8_t>& payload) {
  std::vector<uint8_t> wire(kMaxWireFrameBytes);
  const std::size_t n = encode_frame(type, seq, payload.data(), payload.size(), wire.data(), wire.size());
  wire.resize(n);
  return wire;
}

// Feeds bytes; returns the events other than kNone.
std::vector<FrameEvent> feed_all(FrameDecoder& decoder, const std::vector<uint8_t>& bytes) {
  std::vector<FrameEvent> events;
  for (uint8_t b : bytes) {
    const FrameEvent e = decoder.feed(b);
    if (e != FrameEvent::kNone) events.push_back(e);
  }
  return events;
}

TEST(Frame, RoundTripsTypeSeqAndPayloadOfEverySize) {
  static FrameDecoder decoder;
  std::mt19937 rng(3);
  for (std::size_t size : std::vector<std::size_t>{0, 1, 250, 251, 1000, kMaxPayloadBytes}) {
    std::vector<uint8_t> payload(size);
    for (auto& b : payload) b = static_cast<uint8_t>(rng() % 3 == 0 ? 0 : rng());
    const std::vector<uint8_t> wire = frame_bytes(FrameType::kInferRequest, 0xBEEF, payload);
    ASSERT_FALSE(wire.empty());
    EXPECT_EQ(wire.back(), 0x00);
    EXPECT_LE(wire.size(), kMaxWireFrameBytes);
    ASSERT_EQ(feed_all(decoder, wire), std::vector<FrameEvent>{FrameEvent::kFrame});
    EXPECT_EQ(decoder.frame_type(), FrameType::kInferRequest);
    EXPECT_EQ(decoder.seq(), 0xBEEF);
    ASSERT_EQ(decoder.payload_size(), size);
    EXPECT_EQ(std::vector<uint8_t>(decoder.payload(), decoder.payload() + size), payload);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(decoder.payload()) % 16, 0u);
  }
}

TEST(Frame, EncodeRefusesAnOversizedPayload) {
  std::vector<uint8_t> payload(kMaxPayloadBytes + 1, 1);
  std::vector<uint8_t> wire(2 * kMaxWireFrameBytes);
  EXPECT_EQ(encode_frame(FrameType::kInfoRequest, 1, payload.data(), payload.size(), wire.data(), wire.size()), 0u);
}

TEST(Frame, ReportsEveryBadFrameClassAndRecovers) {
  static FrameDecoder decoder;
  const std::vector<uint8_t> good = frame_bytes(FrameType::kInfoRequest, 7, {1, 2, 3});

  // COBS invalid: a code byte pointing past the delimiter.
  EXPECT_EQ(feed_all(decoder, {0x09, 0x11, 0x00}), std::vector<FrameEvent>{FrameEvent::kCobsInvalid});
  // Too short: decodes to fewer bytes than header + CRC.
  EXPECT_EQ(feed_all(decoder, {0x04, 0x01, 0x02, 0x03, 0x00}), std::vector<FrameEvent>{FrameEvent::kTooShort});
  // Bad CRC: a well-encoded frame whose CRC is off by one bit.
  std::vector<uint8_t> body = {0x01, 7, 0, 1, 2, 3};
  const uint32_t crc = crc32(body.data(), body.size()) ^ 1u;
  for (int i = 0; i < 4; ++i) body.push_back(static_cast<uint8_t>(crc >> (8 * i)));
  std::vector<uint8_t> bad_crc = encode(body);
  bad_crc.push_back(0x00);
  EXPECT_EQ(feed_all(decoder, bad_crc), std::vector<FrameEvent>{FrameEvent::kBadCrc});
  // Oversized: more than the largest encoding before a delimiter.
  std::vector<uint8_t> long_line(kMaxEncodedFrameBytes + 10, 0x42);
  long_line.push_back(0x00);
  EXPECT_EQ(feed_all(decoder, long_line), std::vector<FrameEvent>{FrameEvent::kOversized});
  // Within the encoded limit but decoding to more than the largest frame
  // (blocks of one byte each stand for two): oversized too.
  std::vector<uint8_t> expands(kMaxEncodedFrameBytes, 0x42);
  for (std::size_t i = 0; i < expands.size(); i += 2) expands[i] = 0x02;
  expands.push_back(0x00);
  EXPECT_EQ(feed_all(decoder, expands), std::vector<FrameEvent>{FrameEvent::kOversized});
  // Empty frames (delimiters in a row) are idle line, no event.
  EXPECT_TRUE(feed_all(decoder, {0x00, 0x00, 0x00}).empty());
  // After all of that the next good frame decodes.
  EXPECT_EQ(feed_all(decoder, good), std::vector<FrameEvent>{FrameEvent::kFrame});
  EXPECT_EQ(decoder.seq(), 7);
  EXPECT_TRUE(decoder.idle());
}

TEST(Frame, RandomGarbageNeverStopsTheNextFrame) {
  static FrameDecoder decoder;
  std::mt19937 rng(11);
  const std::vector<uint8_t> good = frame_bytes(FrameType::kInfoRequest, 42, {});
  for (int round = 0; round < 500; ++round) {
    std::vector<uint8_t> garbage(rng() % 6000);
    for (auto& b : garbage) b = static_cast<uint8_t>(rng());
    feed_all(decoder, garbage);
    // A delimiter ends whatever the garbage left open; then the frame.
    std::vector<uint8_t> bytes = {0x00};
    bytes.insert(bytes.end(), good.begin(), good.end());
    const std::vector<FrameEvent> events = feed_all(decoder, bytes);
    ASSERT_FALSE(events.empty());
    ASSERT_EQ(events.back(), FrameEvent::kFrame) << "round " << round;
    EXPECT_EQ(decoder.seq(), 42);
  }
}

}  // namespace
}  // namespace tinyinfer::link
