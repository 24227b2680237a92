// Fault reporter of every board: the entry stubs (common/cortex_m.S) pass the
// exception frame the core stacked; this prints the fault status registers
// and that frame on the console, then ends through board::exit.
#include <cstdint>

#include "boards/board.h"
#include "boards/common/cortex_m7.h"

namespace {

using tinyinfer::board::uart_put;

void fault_puts(const char* text) {
  while (*text != '\0') uart_put(static_cast<uint8_t>(*text++));
}

void fault_hex(const char* label, uint32_t value) {
  static const char kDigits[] = "0123456789abcdef";
  fault_puts(label);
  fault_puts("=0x");
  for (int shift = 28; shift >= 0; shift -= 4) uart_put(static_cast<uint8_t>(kDigits[(value >> shift) & 0xF]));
  fault_puts(" ");
}

}  // namespace

extern "C" [[noreturn]] void tinyinfer_fault_report(const uint32_t* frame, uint32_t exc_return) {
  using namespace tinyinfer::board;
  uint32_t ipsr;
  asm volatile("mrs %0, ipsr" : "=r"(ipsr));
  const uint32_t exception = ipsr & 0x1FF;
  const char* what = exception == 2   ? "NMI"
                     : exception == 3 ? "HardFault"
                     : exception == 4 ? "MemManage"
                     : exception == 5 ? "BusFault"
                     : exception == 6 ? "UsageFault"
                                      : "unexpected exception";
  console_for_fault();
  fault_puts("\r\n*** FAULT: ");
  fault_puts(what);
  fault_hex(" exception", exception);
  fault_puts("\r\n");
  fault_hex("CFSR", reg(kScbCfsr));
  fault_hex("HFSR", reg(kScbHfsr));
  fault_hex("MMFAR", reg(kScbMmfar));
  fault_hex("BFAR", reg(kScbBfar));
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
  fault_puts("\r\n");
  exit(128 + static_cast<int>(exception));
}
