// The device side of the host link: bytes from the link UART in, replies out
// through a callback; board-independent, so the host tests run it on the
// real engine. Two protocols share the line (docs/link-protocol.md):
//   - tinyinfer-link frames (frame.h): each good frame is answered at once;
//   - the study's unframed flatbuffers (study_protocol.fbs): a burst of
//     bytes that ends with `silence_ticks` of quiet and verifies as a
//     MnistProt.Commands request is answered then. A burst starts after a
//     silence or after a good (or oversized) link frame, so bytes that
//     carried a link frame never reach the study parser.
// Everything else is dropped and counted. No heap: one static instance.
#pragma once

#include <cstddef>
#include <cstdint>

#include "link/frame.h"
#include "link/sha256.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"
#include "tinyinfer/profiler.h"

namespace tinyinfer::link {

struct LinkServerConfig {
  const char* firmware_version = "";
  const char* board = "";
  uint64_t clock_hz = 0;            // core clock (> 0), the study's `freq`
  const char* counter_unit = "";    // "cycles", "instructions", "ns"
  uint64_t counter_hz = 0;          // 0: the counter is no clock
  uint64_t (*counter)() = nullptr;  // the profiling counter
  uint64_t silence_ticks = 0;       // end of a study request, in the units of feed()'s `now`
  KernelChoice kernels = KernelChoice::kReference;
  void* arena = nullptr;  // 16-byte aligned
  std::size_t arena_bytes = 0;
  uint8_t* slot = nullptr;  // RAM for uploaded models, 16-byte aligned
  std::size_t slot_bytes = 0;
  // The model built into the image (may be null: then only an upload runs).
  const uint8_t* model = nullptr;
  std::size_t model_bytes = 0;
  const char* model_name = "";
  bool model_verified_at_build = false;  // Model::load_verified_at_build for it
};

// Writes one reply (a whole frame, or a whole study message) to the line.
using LinkWrite = void (*)(const uint8_t* data, std::size_t size, void* context);

struct LinkStats {
  uint32_t frames = 0;  // good frames
  uint32_t cobs_invalid = 0, too_short = 0, bad_crc = 0, oversized = 0;
  uint32_t study_requests = 0, study_dropped = 0;
};

class LinkServer {
 public:
  // Loads and plans the built-in model (a failure is kept and reported by
  // Info and Infer, the link keeps working for an upload).
  void init(const LinkServerConfig& config, LinkWrite writer, void* context);

  // Received bytes, with the counter value `now` at which they were taken
  // from the UART (the same counter for every call).
  void feed(const uint8_t* data, std::size_t size, uint64_t now);
  // Call when no bytes are waiting: answers a study request once the line
  // has been quiet for silence_ticks.
  void poll(uint64_t now);
  // True while a study burst is open (bytes received, silence not yet seen).
  bool burst_open() const { return burst_open_; }

  const LinkStats& stats() const { return stats_; }
  bool model_ready() const { return ready_; }
  const Status& model_status() const { return model_status_; }

  // Largest study request kept (bigger bursts are dropped).
  static constexpr std::size_t kMaxStudyRequestBytes = 4096;
  // Where replies are built (flatbuffers builder memory).
  static constexpr std::size_t kBuilderBytes = 10 * 1024;

 private:
  struct ActiveModel {
    const uint8_t* bytes = nullptr;
    std::size_t size = 0;
    bool uploaded = false;
    char name[48] = {};
    uint8_t sha256[kSha256Bytes] = {};
  };
  struct Upload {
    bool open = false;
    std::size_t offset = 0;  // in the slot
    std::size_t size = 0, received = 0;
    uint32_t crc32 = 0;
    char name[48] = {};
  };

  void on_frame();
  void end_burst();
  void restart_burst();
  void answer_study();

  void handle_info(uint16_t seq);
  void handle_infer(uint16_t seq, const uint8_t* payload, std::size_t size);
  void handle_load_begin(uint16_t seq, const uint8_t* payload, std::size_t size);
  void handle_load_chunk(uint16_t seq, const uint8_t* payload, std::size_t size);
  void handle_load_commit(uint16_t seq);
  void send_load_reply(uint16_t seq, bool committed);

  // Loads and plans the built-in model and makes it active.
  void activate_builtin();
  // Makes models_[1 - active_index_] (loaded from `source`) active: plans
  // it; on failure plans the active model again and returns the failure.
  Status activate_candidate(const ActiveModel& source);
  Status plan(const Model& model);

  void send_frame(FrameType type, uint16_t seq, const uint8_t* payload, std::size_t size);
  void send_error(uint16_t seq, uint8_t code, const char* message);
  void write(const uint8_t* data, std::size_t size) { write_(data, size, context_); }

  LinkServerConfig config_;
  LinkWrite write_ = nullptr;
  void* context_ = nullptr;

  FrameDecoder decoder_;
  LinkStats stats_;

  // Study detection: the current burst of bytes.
  alignas(16) uint8_t study_[kMaxStudyRequestBytes];
  std::size_t study_size_ = 0;
  bool study_overflow_ = false;
  bool burst_open_ = false;
  uint64_t last_byte_at_ = 0;

  Model models_[2];  // the active model and an upload being checked
  int active_index_ = 0;
  ActiveModel active_;
  Interpreter interpreter_;
  Status model_status_;
  bool ready_ = false;
  Upload upload_;
  OpTimeTable profile_{nullptr, ""};

  uint8_t tx_[kMaxWireFrameBytes];
  alignas(16) uint8_t builder_memory_[kBuilderBytes];
};

}  // namespace tinyinfer::link
