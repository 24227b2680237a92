// libFuzzer target for the host link: arbitrary bytes through the frame
// decoder, both payload verifiers (ours and the study's), and the device-side
// LinkServer on the real engine, split into bursts at silences the input
// chooses. Nothing may crash, read out of bounds or stop answering: after
// the input, a good Info request must still get its reply.
#include <cstdint>
#include <cstring>
#include <vector>

#include "flatbuffers/flatbuffers.h"
#include "link/frame.h"
#include "link/link_protocol_generated.h"
#include "link/link_server.h"
#include "link/study_protocol_generated.h"
#include "tinyinfer/model.h"

namespace {

using namespace tinyinfer::link;

// A tiny built-in model is not needed: the server must also work without
// one (uploads are what the fuzzer can reach).
alignas(16) uint8_t g_arena[1 << 16];
alignas(16) uint8_t g_slot[1 << 16];
LinkServer g_server;
FrameDecoder g_decoder;
FrameDecoder g_reply_decoder;
bool g_saw_info_reply = false;

void watch_replies(const uint8_t* data, std::size_t size, void*) {
  for (std::size_t i = 0; i < size; ++i) {
    if (g_reply_decoder.feed(data[i]) == FrameEvent::kFrame && g_reply_decoder.frame_type() == FrameType::kInfoReply) {
      g_saw_info_reply = true;
    }
  }
}

uint64_t g_ticks = 0;
uint64_t counter() { return ++g_ticks; }

template <typename T>
void verify_as(const uint8_t* data, std::size_t size) {
  flatbuffers::Verifier verifier(data, size);
  if (verifier.VerifyBuffer<T>(nullptr)) (void)flatbuffers::GetRoot<T>(data);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The payload verifiers on the raw bytes (aligned copy, as the decoder gives).
  std::vector<uint64_t> aligned(size / 8 + 1);
  std::memcpy(aligned.data(), data, size);
  const uint8_t* copy = reinterpret_cast<const uint8_t*>(aligned.data());
  verify_as<InfoReply>(copy, size);
  verify_as<InferRequest>(copy, size);
  verify_as<InferResult>(copy, size);
  verify_as<LoadBegin>(copy, size);
  verify_as<LoadChunk>(copy, size);
  verify_as<Error>(copy, size);
  verify_as<MnistProt::Commands>(copy, size);

  // The decoder alone.
  for (std::size_t i = 0; i < size; ++i) (void)g_decoder.feed(data[i]);

  // The server: a fresh one each run; bytes 0xFE 0xFE mark a silence.
  LinkServerConfig config;
  config.board = "fuzz";
  config.clock_hz = 1;
  config.counter_unit = "ticks";
  config.counter = counter;
  config.silence_ticks = 10;
  config.arena = g_arena;
  config.arena_bytes = sizeof g_arena;
  config.slot = g_slot;
  config.slot_bytes = sizeof g_slot;
  g_server = LinkServer();
  g_server.init(config, watch_replies, nullptr);
  uint64_t now = 0;
  for (std::size_t i = 0; i < size; ++i) {
    if (i + 1 < size && data[i] == 0xFE && data[i + 1] == 0xFE) {
      now += 100;
      g_server.poll(now);
      ++i;
      continue;
    }
    g_server.feed(data + i, 1, now++);
  }
  now += 100;
  g_server.poll(now);
  // Still answering: a delimiter, then an Info request.
  uint8_t wire[kMaxWireFrameBytes];
  wire[0] = 0;
  const std::size_t n = encode_frame(FrameType::kInfoRequest, 1, nullptr, 0, wire + 1, sizeof wire - 1);
  g_saw_info_reply = false;
  g_reply_decoder.reset();  // study replies are not frames
  g_server.feed(wire, n + 1, now + 1000);
  if (!g_saw_info_reply) __builtin_trap();
  return 0;
}
