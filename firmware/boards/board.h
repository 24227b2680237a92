// The board interface: everything the firmware app needs from a board, and
// nothing more. One implementation per folder firmware/boards/<board>/.
// Board code stays here; the engine (src/) never includes it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer::board {

// Clocks, UART, counter and interrupts. Called once, first thing in main().
void init();

// Board name as used in TINYINFER_BOARD ("qemu-mps2-an500").
const char* name();

// Blocking write of one byte / a buffer to the console UART.
void uart_put(uint8_t byte);
void uart_write(const void* data, std::size_t size);
// Non-blocking read: the next received byte (0..255), or -1 if none.
int uart_get();

// A free-running 64-bit counter for profiling, in counter_unit():
// "instructions" under QEMU -icount (exact up to the SysTick granularity),
// "cycles" on silicon (DWT CYCCNT or SysTick at the core clock).
uint64_t counter();
const char* counter_unit();
// Counter ticks per second when the counter measures time (cycles on
// silicon); 0 when it does not (QEMU instructions) - then never print ms.
uint64_t counter_hz();

// ---- the host link UART (firmware/link, docs/link-protocol.md) -------------
// A second UART beside the console, 115200 8N1 on silicon, received by
// interrupt into a ring buffer (common/link_ring.h). Only the link firmware
// calls link_init(); the other images never touch the link UART.
void link_init();
// Blocking write of a buffer to the link UART.
void link_write(const void* data, std::size_t size);
// Non-blocking read: the next received link byte (0..255), or -1 if none.
int link_get();
// Where the link is wired, for the console banner.
const char* link_port();
// The core clock in Hz (> 0 on every board; QEMU: the AN500's 25 MHz).
uint64_t core_clock_hz();

// Ends the program: exits the emulator where possible (QEMU semihosting),
// otherwise halts. `code` 0 = success.
[[noreturn]] void exit(int code);

}  // namespace tinyinfer::board
