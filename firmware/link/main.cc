// The link firmware: the host link (LinkServer, docs/link-protocol.md) on
// the board's link UART, and a small status shell on the console UART.
// Every op is linked (an uploaded model may use any), the built-in model is
// the project's int8 MNIST model. The main loop polls both UARTs and never
// sleeps: a study request ends on line silence, measured with the board's
// counter, and under QEMU -icount a sleeping CPU would see virtual time jump
// (docs/link-protocol.md, "Line silence under QEMU").
#include <cstdint>
#include <new>

#include "app/assets.h"
#include "app/console.h"
#include "app/shell_input.h"
#include "boards/board.h"
#include "link/link_server.h"

// Per-board layout (firmware/boards/<board>/board.cmake, LINK_DEFINITIONS).
#ifndef TINYINFER_LINK_ARENA_BYTES
#error "TINYINFER_LINK_ARENA_BYTES must give the link firmware's arena size"
#endif
#ifndef TINYINFER_LINK_SLOT_BYTES
#error "TINYINFER_LINK_SLOT_BYTES must give the RAM slot for uploaded models"
#endif
#ifndef TINYINFER_FW_VERSION
#define TINYINFER_FW_VERSION "unknown"
#endif
#define TI_LINK_STRING2(x) #x
#define TI_LINK_STRING(x) TI_LINK_STRING2(x)
#ifdef TINYINFER_LINK_SLOT_SECTION
#define TI_LINK_SLOT_PLACEMENT __attribute__((section(TI_LINK_STRING(TINYINFER_LINK_SLOT_SECTION))))
#else
#define TI_LINK_SLOT_PLACEMENT
#endif
#ifdef TINYINFER_LINK_SERVER_SECTION
#define TI_LINK_SERVER_PLACEMENT __attribute__((section(TI_LINK_STRING(TINYINFER_LINK_SERVER_SECTION))))
#else
#define TI_LINK_SERVER_PLACEMENT
#endif

namespace {

using tinyinfer::app::print;

// The arena under its fixed section name (the boards' linker scripts place
// it; tests/boards checks it), the upload slot and the server where the
// board's layout puts them.
alignas(16) uint8_t g_arena[TINYINFER_LINK_ARENA_BYTES] __attribute__((section(".bss.tinyinfer_arena")));
alignas(16) uint8_t g_slot[TINYINFER_LINK_SLOT_BYTES] TI_LINK_SLOT_PLACEMENT;
// Built in place by main(): a static LinkServer would register its
// destructor with __cxa_atexit, which a firmware that never returns has no
// use for (and no __dso_handle to give).
alignas(tinyinfer::link::LinkServer) uint8_t
    g_server_storage[sizeof(tinyinfer::link::LinkServer)] TI_LINK_SERVER_PLACEMENT;
tinyinfer::link::LinkServer* g_server = nullptr;

void write_link(const uint8_t* data, std::size_t size, void*) { tinyinfer::board::link_write(data, size); }

void print_status() {
  const tinyinfer::link::LinkStats& s = g_server->stats();
  print("Link: %s, tinyinfer-link frames and the study's protocol\n", tinyinfer::board::link_port());
  if (g_server->model_ready()) {
    print("Model: ready\n");
  } else {
    print("Model: not ready: %s\n", g_server->model_status().message());
  }
  print("Upload slot: %u bytes (largest model LoadModel accepts)\n", static_cast<unsigned>(TINYINFER_LINK_SLOT_BYTES));
  print("Arena: %u bytes\n", static_cast<unsigned>(TINYINFER_LINK_ARENA_BYTES));
  print("Frames: %u good, dropped %u COBS-invalid, %u too short, %u bad CRC, %u oversized\n",
        static_cast<unsigned>(s.frames), static_cast<unsigned>(s.cobs_invalid), static_cast<unsigned>(s.too_short),
        static_cast<unsigned>(s.bad_crc), static_cast<unsigned>(s.oversized));
  print("Study requests: %u answered, %u bursts dropped\n", static_cast<unsigned>(s.study_requests),
        static_cast<unsigned>(s.study_dropped));
}

void console_key(tinyinfer::app::ShellInput& input, uint8_t byte) {
  using tinyinfer::app::ShellAction;
  switch (input.feed(byte)) {
    case ShellAction::kNone:
      return;
    case ShellAction::kModelDetails:
      print_status();
      break;
    case ShellAction::kRunInference:
      print("error: the link firmware runs inferences for the host: tinyinfer board infer\n");
      break;
    case ShellAction::kHelp:
      print("Keys: 1 = link and model status, h = help. The host link: tinyinfer board --help\n");
      break;
    case ShellAction::kUnknownKey:
      print("error: unknown key 0x%x; rest of line ignored; h for help\n", static_cast<unsigned>(input.last_byte()));
      break;
  }
  print("> ");
}

}  // namespace

int main() {
  tinyinfer::board::init();
  tinyinfer::board::link_init();

  tinyinfer::link::LinkServerConfig config;
  config.firmware_version = TINYINFER_FW_VERSION;
  config.board = tinyinfer::board::name();
  config.clock_hz = tinyinfer::board::core_clock_hz();
  config.counter_unit = tinyinfer::board::counter_unit();
  config.counter_hz = tinyinfer::board::counter_hz();
  config.counter = &tinyinfer::board::counter;
  // About 10 ms of silence ends a study request: on silicon at the counter's
  // clock; under QEMU 10,000,000 instructions (1 ns of virtual time each).
  config.silence_ticks = config.counter_hz != 0 ? config.counter_hz / 100 : 10'000'000;
  config.kernels = tinyinfer::KernelChoice::kOptimized;
  config.arena = g_arena;
  config.arena_bytes = sizeof g_arena;
  config.slot = g_slot;
  config.slot_bytes = sizeof g_slot;
  config.model = tinyinfer::assets::g_model;
  config.model_bytes = tinyinfer::assets::g_model_size;
  config.model_name = tinyinfer::assets::g_model_name;
  g_server = new (g_server_storage) tinyinfer::link::LinkServer();
  g_server->init(config, write_link, nullptr);

  print("\ntinyinfer %s link firmware\n", TINYINFER_FW_VERSION);
  print("Board: %s\n", tinyinfer::board::name());
  print("Counter: %s\n", tinyinfer::board::counter_unit());
  print_status();
  print("> ");

  tinyinfer::app::ShellInput console;
  uint8_t batch[256];
  for (;;) {
    std::size_t count = 0;
    for (int byte; count < sizeof batch && (byte = tinyinfer::board::link_get()) >= 0;) {
      batch[count++] = static_cast<uint8_t>(byte);
    }
    const uint64_t now = tinyinfer::board::counter();
    if (count > 0) {
      g_server->feed(batch, count, now);
    } else {
      g_server->poll(now);
    }
    const int key = tinyinfer::board::uart_get();
    if (key >= 0) console_key(console, static_cast<uint8_t>(key));
  }
}
