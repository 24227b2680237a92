// Board layer of QEMU's mps2-an500 (Cortex-M7): CMSDK APB UART0 console,
// CMSDK APB UART1 host link (QEMU's second -serial, RX interrupt into a
// ring), SysTick extended to 64 bits as the instruction counter,
// semihosting exit.
#include "boards/board.h"

#include <cstdint>

#include "boards/common/cortex_m7.h"
#include "boards/common/link_ring.h"

namespace tinyinfer::board {
namespace {

// CMSDK APB UART0 (ARM's AN500 / CMSDK APB UART documentation; the
// ARMv7-M system registers are in common/cortex_m7.h).
constexpr uint32_t kUart0 = 0x40004000;
constexpr uint32_t kUartData = kUart0 + 0x00;
constexpr uint32_t kUartState = kUart0 + 0x04;  // bit0 TX full, bit1 RX full
constexpr uint32_t kUartCtrl = kUart0 + 0x08;   // bit0 TX enable, bit1 RX enable
constexpr uint32_t kUartBaudDiv = kUart0 + 0x10;
constexpr uint32_t kUartTxFull = 1u << 0;
constexpr uint32_t kUartRxFull = 1u << 1;

// UART1: the host link. QEMU's hw/arm/mps2.c wires the AN500's UARTs as
// the AN385's: UART1 at 0x40005000, RX interrupt 2, TX interrupt 3.
constexpr uint32_t kUart1 = 0x40005000;
constexpr uint32_t kUartIntClear = 0x0C;      // write 1: bit0 TX, bit1 RX
constexpr uint32_t kUartCtrlRxIrq = 1u << 3;  // RX interrupt enable
constexpr uint32_t kUart1RxIrq = 2;
constexpr uint32_t kVectorEntries = 16 + 32;  // startup.S: 32 external interrupts
LinkRing g_link_ring;
volatile bool g_link_rx_masked = false;

// Moves received bytes into the ring; with the ring full, masks the RX
// interrupt and leaves the byte in the UART (QEMU then holds the rest).
void drain_link_uart() {
  while (reg(kUart1 + 0x04) & kUartRxFull) {
    if (g_link_ring.full()) {
      reg(kUart1 + 0x08) = 0x3;  // TX, RX on; RX interrupt off
      g_link_rx_masked = true;
      return;
    }
    g_link_ring.push(static_cast<uint8_t>(reg(kUart1 + 0x00) & 0xFF));
  }
}

void link_rx_handler() {
  reg(kUart1 + kUartIntClear) = 0x2;  // first: a byte arriving after the drain interrupts again
  drain_link_uart();
}

constexpr uint32_t kSysTickMax = 0x00FFFFFF;  // 24-bit down counter

// The core clock of the AN500 image is 25 MHz. Under `-icount shift=0` QEMU
// advances virtual time by 1 ns per instruction, so one SysTick tick at the
// processor clock (40 ns) is exactly 40 instructions.
constexpr uint64_t kInstructionsPerTick = 40;

volatile uint32_t g_systick_wraps = 0;

}  // namespace

const char* name() { return "qemu-mps2-an500"; }

void init() {
  reg(kUartBaudDiv) = 16;  // smallest legal divider; QEMU does not pace the line
  reg(kUartCtrl) = 0x3;    // TX and RX on, no interrupts (polled)

  enable_fault_handlers();

  reg(kSystRvr) = kSysTickMax;
  reg(kSystCvr) = 0;
  reg(kSystCsr) = 0x7;  // processor clock, interrupt on wrap, enabled
}

void uart_put(uint8_t byte) {
  while (reg(kUartState) & kUartTxFull) {
  }
  reg(kUartData) = byte;
}

int uart_get() {
  if ((reg(kUartState) & kUartRxFull) == 0) return -1;
  return static_cast<int>(reg(kUartData) & 0xFF);
}

uint64_t counter() {
  // A period ends when the down counter goes 1 -> 0: that transition pends
  // the interrupt that counts wraps (QEMU follows the architecture here).
  // Ticks into the current period: VAL 0 -> 0, VAL LOAD -> 1, ... VAL 1 -> LOAD.
  // A wrap that is pending but not yet counted (interrupts masked, or it
  // happened between the reads) is added here, after re-reading VAL.
  uint32_t wraps, value;
  bool pending;
  do {
    wraps = g_systick_wraps;
    value = reg(kSystCvr);
    pending = (reg(kScbIcsr) & kIcsrPendStSet) != 0;
  } while (wraps != g_systick_wraps);
  if (pending) {
    value = reg(kSystCvr);
    ++wraps;
  }
  const uint64_t in_period = value == 0 ? 0 : (kSysTickMax + 1ull - value);
  const uint64_t ticks = static_cast<uint64_t>(wraps) * (kSysTickMax + 1ull) + in_period;
  return ticks * kInstructionsPerTick;
}

void link_init() {
  reg(kUart1 + 0x10) = 16;
  reg(kUart1 + 0x08) = 0x3 | kUartCtrlRxIrq;
  install_interrupt_handler(kUart1RxIrq, link_rx_handler, kVectorEntries);
}

void link_write(const void* data, std::size_t size) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    while (reg(kUart1 + 0x04) & kUartTxFull) {
    }
    reg(kUart1 + 0x00) = bytes[i];
  }
}

int link_get() {
  const int byte = g_link_ring.pop();
  if (g_link_rx_masked) {
    // Room again: unmask and take what waited in the UART (its interrupt
    // status was cleared while masked, so drain by hand).
    asm volatile("cpsid i" ::: "memory");
    g_link_rx_masked = false;
    reg(kUart1 + 0x08) = 0x3 | kUartCtrlRxIrq;
    drain_link_uart();
    asm volatile("cpsie i" ::: "memory");
  }
  return byte;
}

const char* link_port() { return "UART1 (QEMU's second -serial)"; }
uint64_t core_clock_hz() { return 25'000'000; }

// The fault may precede init().
void console_for_fault() { reg(kUartCtrl) = 0x3; }

const char* counter_unit() { return "instructions"; }
uint64_t counter_hz() { return 0; }

[[noreturn]] void exit(int code) {
  // Semihosting SYS_EXIT_EXTENDED (0x20): QEMU exits with `code`
  // (requires -semihosting). Without semihosting the BKPT faults; the fault
  // handler then halts here again, which is the best a bare board can do.
  static volatile uint32_t block[2];
  block[0] = 0x20026;  // ADP_Stopped_ApplicationExit
  block[1] = static_cast<uint32_t>(code);
  register uint32_t r0 asm("r0") = 0x20;
  register const volatile uint32_t* r1 asm("r1") = block;
  asm volatile("bkpt 0xAB" : : "r"(r0), "r"(r1) : "memory");
  for (;;) {
    asm volatile("wfi");
  }
}

}  // namespace tinyinfer::board

// ---- interrupt handlers (C linkage: named by the vector table) -----------

extern "C" void SysTick_Handler() { tinyinfer::board::g_systick_wraps = tinyinfer::board::g_systick_wraps + 1; }
