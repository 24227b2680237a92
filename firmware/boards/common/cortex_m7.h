// What the board layers share (firmware/boards/common): Cortex-M7 system
// registers (ARMv7-M Architecture Reference Manual), the hooks the common
// code calls in each board, and the common silicon helpers.
#pragma once

#include <cstdint>

namespace tinyinfer::board {

inline volatile uint32_t& reg(uint32_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }
inline volatile uint16_t& reg16(uint32_t address) { return *reinterpret_cast<volatile uint16_t*>(address); }

// ---- ARMv7-M system control space -------------------------------------------
constexpr uint32_t kScbIcsr = 0xE000ED04;
constexpr uint32_t kIcsrPendStSet = 1u << 26;
constexpr uint32_t kScbCcr = 0xE000ED14;  // IC bit 17, DC bit 16
constexpr uint32_t kCcrIc = 1u << 17;
constexpr uint32_t kCcrDc = 1u << 16;
constexpr uint32_t kScbShcsr = 0xE000ED24;
constexpr uint32_t kShcsrFaultsEnabled = (1u << 16) | (1u << 17) | (1u << 18);  // MEM, BUS, USG
constexpr uint32_t kScbCfsr = 0xE000ED28;
constexpr uint32_t kScbHfsr = 0xE000ED2C;
constexpr uint32_t kScbMmfar = 0xE000ED34;
constexpr uint32_t kScbBfar = 0xE000ED38;
constexpr uint32_t kScbCcsidr = 0xE000ED80;
constexpr uint32_t kScbCsselr = 0xE000ED84;
constexpr uint32_t kScbIciallu = 0xE000EF50;
constexpr uint32_t kScbDcisw = 0xE000EF60;   // invalidate by set/way
constexpr uint32_t kScbDccisw = 0xE000EF74;  // clean and invalidate by set/way
constexpr uint32_t kSystCsr = 0xE000E010;    // ENABLE bit 0, TICKINT bit 1, CLKSOURCE bit 2
constexpr uint32_t kSystRvr = 0xE000E014;
constexpr uint32_t kSystCvr = 0xE000E018;
constexpr uint32_t kDemcr = 0xE000EDFC;    // TRCENA bit 24
constexpr uint32_t kDwtCtrl = 0xE0001000;  // CYCCNTENA bit 0
constexpr uint32_t kDwtCyccnt = 0xE0001004;
constexpr uint32_t kDwtLar = 0xE0001FB0;

// Separate handlers for MemManage, BusFault and UsageFault (else all are HardFault).
inline void enable_fault_handlers() { reg(kScbShcsr) = reg(kScbShcsr) | kShcsrFaultsEnabled; }

// The whole L1 D-cache by set/way through `op_register` (kScbDcisw or
// kScbDccisw). Inline: the Teensy runs it from flash before RAM is set up.
__attribute__((always_inline)) inline void dcache_by_set_way(uint32_t op_register) {
  reg(kScbCsselr) = 0;  // level 1 data cache
  asm volatile("dsb" ::: "memory");
  const uint32_t ccsidr = reg(kScbCcsidr);
  const uint32_t sets = ((ccsidr >> 13) & 0x7FFF) + 1;
  const uint32_t ways = ((ccsidr >> 3) & 0x3FF) + 1;
  const uint32_t line_shift = (ccsidr & 0x7) + 4;      // log2(line bytes)
  const uint32_t way_shift = __builtin_clz(ways - 1);  // 32 - log2(ways); M7: 4 ways -> 30
  for (uint32_t set = 0; set < sets; ++set)
    for (uint32_t way = 0; way < ways; ++way) reg(op_register) = (way << way_shift) | (set << line_shift);
  asm volatile("dsb" ::: "memory");
}

// L1 caches on: I-cache invalidated, D-cache invalidated by set/way, then
// each enabled (both must be off). Inline, as dcache_by_set_way.
__attribute__((always_inline)) inline void enable_l1_caches() {
  asm volatile("dsb\n isb" ::: "memory");
  reg(kScbIciallu) = 0;
  asm volatile("dsb\n isb" ::: "memory");
  reg(kScbCcr) = reg(kScbCcr) | kCcrIc;
  dcache_by_set_way(kScbDcisw);
  reg(kScbCcr) = reg(kScbCcr) | kCcrDc;
  asm volatile("dsb\n isb" ::: "memory");
}

// ---- hooks: each board defines these ----------------------------------------
// Makes uart_put() work inside a fault handler, which may run before init().
void console_for_fault();

// ---- silicon boards (common/silicon.cc) ---------------------------------------
// DWT cycle counter, extended to 64 bits: a SysTick every 10 ms samples it,
// far below the 32-bit counter's wrap period (7.16 s at 600 MHz).
void cycle_counter_init(uint32_t core_hz);
uint64_t cycle_counter();
// Prints the exit code, waits for console_drained(), halts with interrupts off.
[[noreturn]] void halt(int code);
// Hook: true once the UART has sent its last bit.
bool console_drained();

}  // namespace tinyinfer::board
