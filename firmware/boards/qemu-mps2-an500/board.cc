// Board layer of QEMU's mps2-an500 (Cortex-M7): CMSDK APB UART0 console,
// SysTick extended to 64 bits as the instruction counter, fault reports,
// semihosting exit.
#include "boards/board.h"

#include <cstdint>

namespace tinyinfer::board {
namespace {

// Register access. All addresses below are from the ARMv7-M Architecture
// Reference Manual (System Control Space) and ARM's AN500 / CMSDK APB UART
// documentation.
inline volatile uint32_t& reg(uint32_t address) {
  return *reinterpret_cast<volatile uint32_t*>(address);
}

// CMSDK APB UART0.
constexpr uint32_t kUart0 = 0x40004000;
constexpr uint32_t kUartData = kUart0 + 0x00;
constexpr uint32_t kUartState = kUart0 + 0x04;  // bit0 TX full, bit1 RX full
constexpr uint32_t kUartCtrl = kUart0 + 0x08;   // bit0 TX enable, bit1 RX enable
constexpr uint32_t kUartBaudDiv = kUart0 + 0x10;
constexpr uint32_t kUartTxFull = 1u << 0;
constexpr uint32_t kUartRxFull = 1u << 1;

// SysTick.
constexpr uint32_t kSystCsr = 0xE000E010;  // bit0 ENABLE, bit1 TICKINT, bit2 CLKSOURCE
constexpr uint32_t kSystRvr = 0xE000E014;
constexpr uint32_t kSystCvr = 0xE000E018;
constexpr uint32_t kSysTickMax = 0x00FFFFFF;  // 24-bit down counter

// System control block.
constexpr uint32_t kScbIcsr = 0xE000ED04;
constexpr uint32_t kIcsrPendStSet = 1u << 26;
constexpr uint32_t kScbShcsr = 0xE000ED24;
constexpr uint32_t kScbCfsr = 0xE000ED28;
constexpr uint32_t kScbHfsr = 0xE000ED2C;
constexpr uint32_t kScbMmfar = 0xE000ED34;
constexpr uint32_t kScbBfar = 0xE000ED38;

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

  // Separate handlers for MemManage, BusFault and UsageFault (else HardFault).
  reg(kScbShcsr) |= (1u << 16) | (1u << 17) | (1u << 18);

  reg(kSystRvr) = kSysTickMax;
  reg(kSystCvr) = 0;
  reg(kSystCsr) = 0x7;  // processor clock, interrupt on wrap, enabled
}

void uart_put(uint8_t byte) {
  while (reg(kUartState) & kUartTxFull) {
  }
  reg(kUartData) = byte;
}

void uart_write(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  for (std::size_t i = 0; i < size; ++i) uart_put(bytes[i]);
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

// ---- interrupt and fault handlers (C linkage: named by startup.S) --------

extern "C" void SysTick_Handler() { tinyinfer::board::g_systick_wraps = tinyinfer::board::g_systick_wraps + 1; }

namespace {

void fault_puts(const char* text) {
  while (*text != '\0') tinyinfer::board::uart_put(static_cast<uint8_t>(*text++));
}

void fault_hex(const char* label, uint32_t value) {
  static const char kDigits[] = "0123456789abcdef";
  fault_puts(label);
  fault_puts("=0x");
  for (int shift = 28; shift >= 0; shift -= 4)
    tinyinfer::board::uart_put(static_cast<uint8_t>(kDigits[(value >> shift) & 0xF]));
  fault_puts(" ");
}

}  // namespace

// Called by the fault entry stubs with the exception frame the core stacked.
extern "C" [[noreturn]] void tinyinfer_fault_report(const uint32_t* frame, uint32_t exc_return) {
  using tinyinfer::board::reg;
  uint32_t ipsr;
  asm volatile("mrs %0, ipsr" : "=r"(ipsr));
  const uint32_t exception = ipsr & 0x1FF;
  const char* what = exception == 2   ? "NMI"
                     : exception == 3 ? "HardFault"
                     : exception == 4 ? "MemManage"
                     : exception == 5 ? "BusFault"
                     : exception == 6 ? "UsageFault"
                                      : "unexpected exception";
  reg(tinyinfer::board::kUartCtrl) = 0x3;  // the fault may precede init()
  fault_puts("\r\n*** FAULT: ");
  fault_puts(what);
  fault_hex(" exception", exception);
  fault_puts("\r\n");
  fault_hex("CFSR", reg(tinyinfer::board::kScbCfsr));
  fault_hex("HFSR", reg(tinyinfer::board::kScbHfsr));
  fault_hex("MMFAR", reg(tinyinfer::board::kScbMmfar));
  fault_hex("BFAR", reg(tinyinfer::board::kScbBfar));
  fault_hex("EXC_RETURN", exc_return);
  fault_puts("\r\n");
  fault_hex("r0", frame[0]);
  fault_hex("r1", frame[1]);
  fault_hex("r2", frame[2]);
  fault_hex("r3", frame[3]);
  fault_puts("\r\n");
  fault_hex("r12", frame[4]);
  fault_hex("lr", frame[5]);
  fault_hex("pc", frame[6]);
  fault_hex("xpsr", frame[7]);
  fault_puts("\r\n*** halted\r\n");
  tinyinfer::board::exit(128 + static_cast<int>(exception));
}
