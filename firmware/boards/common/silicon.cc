// What the silicon boards (teensy40, stm32f746-disco) share beyond the fault
// reporter: the 64-bit cycle counter and the halt that ends the program
// where there is no host to return to.
#include <cstdint>

#include "boards/board.h"
#include "boards/common/cortex_m7.h"

namespace tinyinfer::board {
namespace {

// High word: CYCCNT wraps seen by cycle_counter() or the SysTick interrupt.
volatile uint32_t g_cycles_high = 0;
volatile uint32_t g_cycles_last = 0;

}  // namespace

// In .text.itcm.*: the Teensy runs it from ITCM (elsewhere it is .text).
__attribute__((section(".text.itcm.counter"))) uint64_t cycle_counter() {
  uint32_t primask;
  asm volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
  const uint32_t now = reg(kDwtCyccnt);
  if (now < g_cycles_last) g_cycles_high = g_cycles_high + 1;
  g_cycles_last = now;
  const uint64_t value = (static_cast<uint64_t>(g_cycles_high) << 32) | now;
  asm volatile("msr primask, %0" ::"r"(primask) : "memory");
  return value;
}

uint64_t counter() { return cycle_counter(); }
const char* counter_unit() { return "cycles"; }

void cycle_counter_init(uint32_t core_hz) {
  // DWT cycle counter (the lock access register must be unlocked on the M7).
  reg(kDemcr) = reg(kDemcr) | (1u << 24);
  reg(kDwtLar) = 0xC5ACCE55;
  reg(kDwtCyccnt) = 0;
  reg(kDwtCtrl) = reg(kDwtCtrl) | 1u;
  // SysTick from the core clock every 10 ms (below the 24-bit reload limit
  // up to 1.6 GHz): keeps the 64-bit extension.
  reg(kSystRvr) = core_hz / 100 - 1;
  reg(kSystCvr) = 0;
  reg(kSystCsr) = 0x7;
}

[[noreturn]] void halt(int code) {
  // No host to return to: say so, drain the UART, sleep with interrupts off.
  static const char kMessage[] = "\r\n*** exit, halted (code ";
  uart_write(kMessage, sizeof(kMessage) - 1);
  char digits[12];
  int count = 0;
  uint32_t value = code < 0 ? static_cast<uint32_t>(-code) : static_cast<uint32_t>(code);
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  if (code < 0) uart_put('-');
  while (count > 0) uart_put(static_cast<uint8_t>(digits[--count]));
  uart_write(")\r\n", 3);
  while (!console_drained()) {
  }
  asm volatile("cpsid i" ::: "memory");
  for (;;) asm volatile("wfi");
}

}  // namespace tinyinfer::board

extern "C" __attribute__((section(".text.itcm.systick"))) void SysTick_Handler() { tinyinfer::board::cycle_counter(); }
