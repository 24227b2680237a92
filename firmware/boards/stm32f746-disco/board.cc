// Board layer of the 32F746G-DISCOVERY (STM32F746NG, Cortex-M7), register-
// level from ST's RM0385 reference manual and the STM32F746 data sheet, and
// the ARMv7-M Architecture Reference Manual:
//   - start-up (called by startup.S before .data/.bss exist): PLL from the
//     board's 25 MHz HSE to 216 MHz with over-drive, flash wait states, ART
//     accelerator + prefetch (idle: they serve only the ITCM-bus alias at
//     0x00200000, this image runs at 0x08000000 over AXIM), L1 I and D
//     caches; TINYINFER_STM32_CLOCK_MHZ=288
//     is the study's overclock (out of the data sheet's range);
//   - console: USART1 on PA9/PB7 (the ST-LINK virtual COM port) or, with
//     TINYINFER_STM32_CONSOLE_USART6, USART6 on PC6/PC7 (Arduino D1/D0), 115200 8N1;
//   - host link: UART7 on PF7 (TX) / PF6 (RX), AF8 - Arduino header A4/A5
//     (CN5) - 115200 8N1, RX interrupt;
//   - counter: DWT cycle counter extended to 64 bits (SysTick samples it).
// Built and statically checked only; never run on silicon so far.
#include "boards/board.h"

#include <cstdint>

#include "boards/common/cortex_m7.h"
#include "boards/common/link_ring.h"

#ifndef TINYINFER_STM32_CLOCK_MHZ
#define TINYINFER_STM32_CLOCK_MHZ 216
#endif

namespace tinyinfer::board {
namespace {

// ---- clock plan ---------------------------------------------------------------
// VCO input = HSE / PLLM must be 0.95..2.1 MHz; SYSCLK = VCO / PLLP.
//   216 MHz: 25 / 25 = 1 MHz x 432 = 432 MHz (the VCO maximum) / 2; 7 WS.
//   288 MHz: 25 / 12 = 2.083 MHz x 276 = 575 MHz / 2 = 287.5 MHz - the
//            nearest the PLL gets to 288 from 25 MHz (576 MHz VCO would need
//            PLLN = 576, beyond the field); VCO beyond spec, as any 288 MHz
//            overclock is; 9 WS (the 30 MHz-per-wait-state rule extended).
// APB1 <= 54 MHz and APB2 <= 108 MHz in the data sheet; the USARTs are
// clocked from SYSCLK (DCKCFGR2), so the console baud does not depend on them.
struct ClockPlan {
  uint32_t pllm, plln, pllq, flash_wait_states, ppre1, ppre2;
};
#if TINYINFER_STM32_CLOCK_MHZ == 216
constexpr ClockPlan kPlan{25, 432, 9, 7, 0b101 /* /4 */, 0b100 /* /2 */};
#elif TINYINFER_STM32_CLOCK_MHZ == 288
constexpr ClockPlan kPlan{12, 276, 12, 9, 0b110 /* /8 */, 0b101 /* /4 */};
#else
#error "TINYINFER_STM32_CLOCK_MHZ must be 216 or 288"
#endif
constexpr uint64_t kHseHz = 25'000'000;
constexpr uint32_t kCoreHz = static_cast<uint32_t>(kHseHz * kPlan.plln / kPlan.pllm / 2);
static_assert(kHseHz / kPlan.pllm >= 950'000 && kHseHz / kPlan.pllm <= 2'100'000, "PLL input range");

// ---- RCC, PWR, FLASH (RM0385) -------------------------------------------------
constexpr uint32_t kRcc = 0x40023800;
constexpr uint32_t kRccCr = kRcc + 0x00;        // HSEON 16, HSERDY 17, PLLON 24, PLLRDY 25
constexpr uint32_t kRccPllcfgr = kRcc + 0x04;   // PLLM[5:0] PLLN[14:6] PLLP[17:16] PLLSRC 22 PLLQ[27:24]
constexpr uint32_t kRccCfgr = kRcc + 0x08;      // SW[1:0] SWS[3:2] HPRE[7:4] PPRE1[12:10] PPRE2[15:13]
constexpr uint32_t kRccAhb1enr = kRcc + 0x30;   // GPIOA 0, GPIOB 1, GPIOC 2
constexpr uint32_t kRccApb1enr = kRcc + 0x40;   // PWREN 28
constexpr uint32_t kRccApb2enr = kRcc + 0x44;   // USART1EN 4, USART6EN 5
constexpr uint32_t kRccDckcfgr2 = kRcc + 0x90;  // USART1SEL[1:0], USART6SEL[11:10]: 01 = SYSCLK
constexpr uint32_t kPwrCr1 = 0x40007000;        // VOS[15:14], ODEN 16, ODSWEN 17
constexpr uint32_t kPwrCsr1 = 0x40007004;       // VOSRDY 14, ODRDY 16, ODSWRDY 17
constexpr uint32_t kFlashAcr = 0x40023C00;      // LATENCY[3:0], PRFTEN 8, ARTEN 9, ARTRST 11

// RCC_PLLCFGR is written read-modify-write: only the fields below change.
// The other bits are reserved and must keep their reset value (RM0385
// 5.3.2: reset value 0x24003010, reserved bit 29 set).
constexpr uint32_t kPllcfgrFields = 0x3Fu /* PLLM */ | (0x1FFu << 6) /* PLLN */ | (3u << 16) /* PLLP */ |
                                    (1u << 22) /* PLLSRC */ | (0xFu << 24) /* PLLQ */;
constexpr uint32_t kPllcfgrPlan =
    kPlan.pllm | (kPlan.plln << 6) | (0u << 16) /* PLLP /2 */ | (1u << 22) /* HSE */ | (kPlan.pllq << 24);
constexpr uint32_t kPllcfgrReset = 0x24003010;
static_assert((kPllcfgrPlan & ~kPllcfgrFields) == 0, "the clock plan stays inside the PLLCFGR fields");
static_assert((kPllcfgrReset & ~kPllcfgrFields) == (1u << 29), "reserved bit 29 is the only reserved bit set at reset");
static_assert(kPlan.plln >= 50 && kPlan.plln <= 432 && kPlan.pllm >= 2 && kPlan.pllq >= 2 && kPlan.pllq <= 15,
              "PLL field ranges");

// ---- console -------------------------------------------------------------------
constexpr uint32_t kGpioA = 0x40020000;
constexpr uint32_t kGpioB = 0x40020400;
constexpr uint32_t kGpioC = 0x40020800;
constexpr uint32_t kGpioModer = 0x00, kGpioOspeedr = 0x08, kGpioPupdr = 0x0C, kGpioAfrl = 0x20, kGpioAfrh = 0x24;
#ifdef TINYINFER_STM32_CONSOLE_USART6
constexpr uint32_t kUsart = 0x40011400;
#else
constexpr uint32_t kUsart = 0x40011000;
#endif
constexpr uint32_t kUsartCr1 = kUsart + 0x00;  // UE 0, RE 2, TE 3
constexpr uint32_t kUsartBrr = kUsart + 0x0C;
constexpr uint32_t kUsartIsr = kUsart + 0x1C;  // PE 0, FE 1, NF 2, ORE 3, RXNE 5, TC 6, TXE 7
constexpr uint32_t kUsartIcr = kUsart + 0x20;
constexpr uint32_t kUsartRdr = kUsart + 0x24;
constexpr uint32_t kUsartTdr = kUsart + 0x28;
constexpr uint32_t kCr1Ue = 1u << 0;
#ifdef TINYINFER_STM32_CONSOLE_USART6
constexpr uint32_t kApb2enrUsart = 1u << 5;
#else
constexpr uint32_t kApb2enrUsart = 1u << 4;
#endif
constexpr uint32_t kIsrErrors = 0xF;
constexpr uint32_t kIsrRxne = 1u << 5;
constexpr uint32_t kIsrTc = 1u << 6;
constexpr uint32_t kIsrTxe = 1u << 7;
// Oversampling by 16: BRR = USART clock / baud, rounded.
constexpr uint32_t kBrr = (kCoreHz + 115200 / 2) / 115200;
// 216 MHz: BRR 1875, exact; 287.5 MHz: BRR 2496, -0.01 %.
constexpr uint64_t kBaudTimesBrr = static_cast<uint64_t>(115200) * kBrr;
static_assert((kBaudTimesBrr > kCoreHz ? kBaudTimesBrr - kCoreHz : kCoreHz - kBaudTimesBrr) * 50 < kBaudTimesBrr,
              "115200 baud error below 2 %");
static_assert(kBrr >= 16 && kBrr <= 0xFFFF, "BRR range for oversampling by 16");

// ---- host link: UART7 ------------------------------------------------------------
constexpr uint32_t kGpioF = 0x40021400;
constexpr uint32_t kUart7 = 0x40007800;
constexpr uint32_t kUart7Irq = 82;
constexpr uint32_t kCr1Rxneie = 1u << 5;
constexpr uint32_t kVectorEntries = 16 + 98;  // startup.S: 98 external interrupts

// Configures one pin as alternate function `af` (push-pull, high speed, pull-up).
void pin_af(uint32_t port, uint32_t pin, uint32_t af) {
  reg(port + kGpioModer) = (reg(port + kGpioModer) & ~(3u << (2 * pin))) | (2u << (2 * pin));
  reg(port + kGpioOspeedr) = reg(port + kGpioOspeedr) | (3u << (2 * pin));
  reg(port + kGpioPupdr) = (reg(port + kGpioPupdr) & ~(3u << (2 * pin))) | (1u << (2 * pin));
  const uint32_t afr = pin < 8 ? kGpioAfrl : kGpioAfrh;
  const uint32_t shift = 4 * (pin % 8);
  reg(port + afr) = (reg(port + afr) & ~(0xFu << shift)) | (af << shift);
}

}  // namespace
}  // namespace tinyinfer::board

using namespace tinyinfer::board;

// Called once by Reset_Handler with SP in DTCM and the FPU on, before
// .data/.bss are initialised: touches registers only (RM0385 5.1.4, "Entering
// Over-drive mode", and 3.3.2 for the wait states).
extern "C" void stm32f746_system_init() {
  // Power interface clock; voltage scale 1 (takes effect once the PLL runs).
  reg(kRccApb1enr) = reg(kRccApb1enr) | (1u << 28);
  const uint32_t enabled = reg(kRccApb1enr);  // read back: the enable takes effect
  (void)enabled;
  reg(kPwrCr1) = reg(kPwrCr1) | (3u << 14);

  // HSE (25 MHz crystal on the board), then the main PLL from it.
  reg(kRccCr) = reg(kRccCr) | (1u << 16);
  while ((reg(kRccCr) & (1u << 17)) == 0) {
  }
  // PLL still off (reset state): its configuration may change. Reserved
  // bits (29 is set at reset) are written back as read.
  reg(kRccPllcfgr) = (reg(kRccPllcfgr) & ~kPllcfgrFields) | kPllcfgrPlan;
  reg(kRccCr) = reg(kRccCr) | (1u << 24);
  while ((reg(kRccCr) & (1u << 25)) == 0) {
  }
  while ((reg(kPwrCsr1) & (1u << 14)) == 0) {  // VOSRDY
  }

  // Over-drive: ODEN, wait ODRDY; ODSWEN, wait ODSWRDY (needed above 180 MHz).
  reg(kPwrCr1) = reg(kPwrCr1) | (1u << 16);
  while ((reg(kPwrCsr1) & (1u << 16)) == 0) {
  }
  reg(kPwrCr1) = reg(kPwrCr1) | (1u << 17);
  while ((reg(kPwrCsr1) & (1u << 17)) == 0) {
  }

  // Flash: wait states first (read back: the new latency must be in effect
  // before the clock rises), then ART accelerator (reset, then on) and
  // prefetch. Not a speed-up for this image: ART and prefetch serve only
  // fetches over the flash's ITCM interface (alias 0x00200000; RM0385,
  // embedded flash chapter), and this image is linked at 0x08000000, so
  // every instruction fetch and constant read goes over AXIM through the
  // 4 KB L1 I-cache / D-cache and pays the 7 (or 9) wait states on each
  // miss. They are on because they cost nothing and would serve code linked
  // at the ITCM alias.
  reg(kFlashAcr) = (reg(kFlashAcr) & ~0xFu) | kPlan.flash_wait_states;
  while ((reg(kFlashAcr) & 0xFu) != kPlan.flash_wait_states) {
  }
  reg(kFlashAcr) = reg(kFlashAcr) | (1u << 11);
  reg(kFlashAcr) = reg(kFlashAcr) & ~(1u << 11);
  reg(kFlashAcr) = reg(kFlashAcr) | (1u << 9) | (1u << 8);

  // AHB /1, APB1 and APB2 dividers, then SYSCLK = PLL.
  reg(kRccCfgr) =
      (reg(kRccCfgr) & ~((0xFu << 4) | (7u << 10) | (7u << 13))) | (kPlan.ppre1 << 10) | (kPlan.ppre2 << 13);
  reg(kRccCfgr) = (reg(kRccCfgr) & ~3u) | 2u;
  while (((reg(kRccCfgr) >> 2) & 3u) != 2u) {
  }

  enable_l1_caches();  // off since reset
}

namespace tinyinfer::board {
namespace {

// The console USART and its pins, clocked from SYSCLK.
void console_init() {
  reg(kRccAhb1enr) = reg(kRccAhb1enr) | 0x7u;  // GPIOA, GPIOB, GPIOC
#ifdef TINYINFER_STM32_CONSOLE_USART6
  reg(kRccApb2enr) = reg(kRccApb2enr) | (1u << 5);
  reg(kRccDckcfgr2) = (reg(kRccDckcfgr2) & ~(3u << 10)) | (1u << 10);  // USART6 clock = SYSCLK
  const uint32_t enabled = reg(kRccApb2enr);                           // read back: the enable takes effect
  (void)enabled;
  pin_af(kGpioC, 6, 8);  // PC6 USART6_TX (Arduino D1)
  pin_af(kGpioC, 7, 8);  // PC7 USART6_RX (Arduino D0)
#else
  reg(kRccApb2enr) = reg(kRccApb2enr) | (1u << 4);
  reg(kRccDckcfgr2) = (reg(kRccDckcfgr2) & ~3u) | 1u;  // USART1 clock = SYSCLK
  const uint32_t enabled = reg(kRccApb2enr);
  (void)enabled;
  pin_af(kGpioA, 9, 7);  // PA9 USART1_TX -> ST-LINK VCP
  pin_af(kGpioB, 7, 7);  // PB7 USART1_RX <- ST-LINK VCP
#endif
  reg(kUsartCr1) = 0;
  reg(kUsartBrr) = kBrr;
  reg(kUsartCr1) = (1u << 3) | (1u << 2) | kCr1Ue;  // 8N1, oversampling 16, TE RE UE
}

}  // namespace

namespace {

LinkRing g_link_ring;
volatile bool g_link_rx_masked = false;

// Received link bytes into the ring; with the ring full RXNEIE is cleared
// until the main loop has made room (link_get).
void drain_link_uart() {
  for (;;) {
    const uint32_t isr = reg(kUart7 + 0x1C);
    if (isr & kIsrErrors) reg(kUart7 + 0x20) = isr & kIsrErrors;
    if ((isr & kIsrRxne) == 0) return;
    if (g_link_ring.full()) {
      reg(kUart7 + 0x00) = reg(kUart7 + 0x00) & ~kCr1Rxneie;
      g_link_rx_masked = true;
      return;
    }
    g_link_ring.push(static_cast<uint8_t>(reg(kUart7 + 0x24) & 0xFF));
  }
}

void link_rx_handler() { drain_link_uart(); }

}  // namespace

void link_init() {
  reg(kRccAhb1enr) = reg(kRccAhb1enr) | (1u << 5);                     // GPIOF
  reg(kRccApb1enr) = reg(kRccApb1enr) | (1u << 30);                    // UART7
  reg(kRccDckcfgr2) = (reg(kRccDckcfgr2) & ~(3u << 12)) | (1u << 12);  // UART7 clock = SYSCLK
  const uint32_t enabled = reg(kRccApb1enr);                           // read back: the enable takes effect
  (void)enabled;
  pin_af(kGpioF, 7, 8);  // PF7 UART7_TX (Arduino A4)
  pin_af(kGpioF, 6, 8);  // PF6 UART7_RX (Arduino A5)
  reg(kUart7 + 0x00) = 0;
  reg(kUart7 + 0x0C) = kBrr;  // SYSCLK / 115200, as the console
  reg(kUart7 + 0x00) = (1u << 3) | (1u << 2) | kCr1Ue | kCr1Rxneie;
  install_interrupt_handler(kUart7Irq, link_rx_handler, kVectorEntries);
}

void link_write(const void* data, std::size_t size) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    while ((reg(kUart7 + 0x1C) & kIsrTxe) == 0) {
    }
    reg(kUart7 + 0x28) = bytes[i];
  }
}

int link_get() {
  const int byte = g_link_ring.pop();
  if (g_link_rx_masked) {
    asm volatile("cpsid i" ::: "memory");
    g_link_rx_masked = false;
    reg(kUart7 + 0x00) = reg(kUart7 + 0x00) | kCr1Rxneie;
    drain_link_uart();
    asm volatile("cpsie i" ::: "memory");
  }
  return byte;
}

const char* link_port() { return "UART7: PF7 TX = Arduino A4, PF6 RX = Arduino A5"; }
uint64_t core_clock_hz() { return kCoreHz; }

const char* name() { return "stm32f746-disco"; }

void init() {
  console_init();
  enable_fault_handlers();
  cycle_counter_init(kCoreHz);
}

// Called by the fault reporter: sets the console up unless init() already
// did. The USART's registers are read only with its bus clock enabled.
void console_for_fault() {
  if ((reg(kRccApb2enr) & kApb2enrUsart) == 0 || (reg(kUsartCr1) & kCr1Ue) == 0) console_init();
}

bool console_drained() { return (reg(kUsartIsr) & kIsrTc) != 0; }

void uart_put(uint8_t byte) {
  while ((reg(kUsartIsr) & kIsrTxe) == 0) {
  }
  reg(kUsartTdr) = byte;
}

int uart_get() {
  const uint32_t isr = reg(kUsartIsr);
  if (isr & kIsrErrors) reg(kUsartIcr) = isr & kIsrErrors;  // an overrun blocks RXNE until cleared
  if ((isr & kIsrRxne) == 0) return -1;
  return static_cast<int>(reg(kUsartRdr) & 0xFF);
}

uint64_t counter_hz() { return kCoreHz; }

[[noreturn]] void exit(int code) { halt(code); }

}  // namespace tinyinfer::board
