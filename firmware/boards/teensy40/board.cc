// Board layer of the Teensy 4.0 (NXP i.MX RT1062, Cortex-M7 at 600 MHz),
// register-level from the i.MX RT1060 reference manual (rev. 3) and data
// sheet, and the ARMv7-M Architecture Reference Manual:
//   - start-up (called by startup.S before .data/.bss exist): watchdogs off,
//     VDD_SOC to 1.25 V, ARM PLL to 1200 MHz / 2 = 600 MHz core, AHB 600 MHz,
//     IPG 150 MHz, PERCLK 24 MHz (oscillator), MPU regions, L1 I and D caches;
//   - console: LPUART2 on Teensy pins 14 (TX, GPIO_AD_B1_02) and 15 (RX,
//     GPIO_AD_B1_03), 115200 8N1 from the 24 MHz oscillator;
//   - host link: LPUART6 on Teensy pins 1 (TX, GPIO_AD_B0_02) and 0 (RX,
//     GPIO_AD_B0_03) - Teensyduino's Serial1 - 115200 8N1, RX interrupt;
//   - counter: the DWT cycle counter, extended to 64 bits (SysTick samples it
//     every 10 ms so that no 7.16 s wrap of the 32-bit counter is missed).
// Built and statically checked only; never run on silicon so far.
#include "boards/board.h"

#include <cstdint>

#include "boards/common/cortex_m7.h"
#include "boards/common/link_ring.h"

namespace tinyinfer::board {
namespace {

constexpr uint32_t kCoreHz = 600'000'000;

// ---- watchdogs (RM chapters WDOG, RTWDOG) ----------------------------------
constexpr uint32_t kWdog1 = 0x400B8000;
constexpr uint32_t kWdog2 = 0x400D0000;
constexpr uint32_t kWdogWcr = 0x00;   // 16-bit, WDE bit 2
constexpr uint32_t kWdogWmcr = 0x08;  // 16-bit, PDE bit 0: power-down counter (16 s after reset)
constexpr uint32_t kRtwdog = 0x400BC000;
constexpr uint32_t kRtwdogCs = kRtwdog + 0x00;
constexpr uint32_t kRtwdogCnt = kRtwdog + 0x04;
constexpr uint32_t kRtwdogToval = kRtwdog + 0x08;
constexpr uint32_t kRtwdogCsEn = 1u << 7;
constexpr uint32_t kRtwdogCsUpdate = 1u << 5;
constexpr uint32_t kRtwdogCsUlk = 1u << 11;
constexpr uint32_t kRtwdogCsRcs = 1u << 10;
constexpr uint32_t kRtwdogCsCmd32en = 1u << 13;

// ---- power and clocks (RM chapters DCDC, CCM, CCM_ANALOG) ------------------
constexpr uint32_t kDcdcReg0 = 0x40080000;  // STS_DC_OK bit 31
constexpr uint32_t kDcdcReg3 = 0x4008000C;  // TRG[4:0]: VDD_SOC = 0.8 V + TRG x 25 mV
constexpr uint32_t kDcdcStsDcOk = 1u << 31;
constexpr uint32_t kDcdcTrg1v25 = 18;  // 0.8 + 18 x 0.025 = 1.25 V (overdrive run, up to 600 MHz)

constexpr uint32_t kCcm = 0x400FC000;
constexpr uint32_t kCcmCacrr = kCcm + 0x10;  // ARM_PODF[2:0]
constexpr uint32_t kCcmCbcdr = kCcm + 0x14;  // PERIPH_CLK2_PODF[29:27] PERIPH_CLK_SEL[25] AHB_PODF[12:10] IPG_PODF[9:8]
constexpr uint32_t kCcmCbcmr = kCcm + 0x18;  // PRE_PERIPH_CLK_SEL[19:18] PERIPH_CLK2_SEL[13:12]
constexpr uint32_t kCcmCscmr1 = kCcm + 0x1C;  // PERCLK_CLK_SEL[6] PERCLK_PODF[5:0] (FlexSPI, SAI: untouched)
constexpr uint32_t kCcmCscdr1 = kCcm + 0x24;  // UART_CLK_SEL[6] UART_CLK_PODF[5:0]
constexpr uint32_t kCcmCdhipr = kCcm + 0x48;  // handshake busy flags
constexpr uint32_t kCcmCcgr0 = kCcm + 0x68;   // CG14 [29:28] = lpuart2
constexpr uint32_t kCcmCcgr4 = kCcm + 0x78;   // CG1 iomuxc, CG2 iomuxc_gpr
constexpr uint32_t kCdhiprAhbPodfBusy = 1u << 1;
constexpr uint32_t kCdhiprPeriphClkSelBusy = 1u << 5;
constexpr uint32_t kCdhiprArmPodfBusy = 1u << 16;

constexpr uint32_t kPllArm = 0x400D8000;  // CCM_ANALOG_PLL_ARM; +4 SET, +8 CLR
constexpr uint32_t kPllArmClr = kPllArm + 0x08;
constexpr uint32_t kPllArmLock = 1u << 31;
constexpr uint32_t kPllArmBypass = 1u << 16;
constexpr uint32_t kPllArmEnable = 1u << 13;
constexpr uint32_t kPllArmDiv1200MHz = 100;  // 24 MHz x 100 / 2 = 1200 MHz (DIV_SELECT 54..108)

// Peripheral clock roots that depend on nothing the start-up reprograms:
// both from the 24 MHz oscillator (the *_CLK_SEL bit = 1 selects osc_clk).
constexpr uint32_t kOscHz = 24'000'000;
// PERCLK_CLK_ROOT (PIT, GPT1/2): osc / 1 = 24 MHz. Not from IPG: IPG
// changes while the ARM PLL is reprogrammed (6 MHz on the oscillator, then
// 150 MHz), and from 150 MHz PERCLK would need a divider to stay at or
// below its 75 MHz maximum. From the oscillator a PIT/GPT tick is 1/24 us
// whatever the core clock. Nothing uses PIT/GPT today; set explicitly so
// that nothing depends on what the ROM left there.
constexpr uint32_t kPerclkClkSelOsc = 1u << 6;
constexpr uint32_t kPerclkPodf = 0;  // divide by PODF + 1
constexpr uint32_t kPerclkHz = kOscHz / (kPerclkPodf + 1);
static_assert(kPerclkHz <= 75'000'000, "PERCLK_CLK_ROOT maximum (data sheet)");
// UART_CLK_ROOT (all LPUARTs): osc / 1 = 24 MHz, not pll3_80m (USB1 PLL /
// 6, a PLL this code does not set up and the ROM may leave in any state).
constexpr uint32_t kUartClkSelOsc = 1u << 6;
constexpr uint32_t kUartClkPodf = 0;  // divide by PODF + 1
constexpr uint32_t kUartClockHz = kOscHz / (kUartClkPodf + 1);
static_assert(kUartClockHz <= 80'000'000, "UART_CLK_ROOT maximum (data sheet)");

// ---- ARMv7-M MPU (the other system registers: common/cortex_m7.h) ----------
constexpr uint32_t kMpuCtrl = 0xE000ED94;  // ENABLE bit 0, PRIVDEFENA bit 2
constexpr uint32_t kMpuRbar = 0xE000ED9C;  // ADDR | VALID bit 4 | REGION[3:0]
constexpr uint32_t kMpuRasr = 0xE000EDA0;

// ---- console: LPUART2, IOMUXC ----------------------------------------------
constexpr uint32_t kLpuart2 = 0x40188000;
constexpr uint32_t kLpuartGlobal = kLpuart2 + 0x08;  // RST bit 1
constexpr uint32_t kLpuartBaud = kLpuart2 + 0x10;
constexpr uint32_t kLpuartStat = kLpuart2 + 0x14;
constexpr uint32_t kLpuartCtrl = kLpuart2 + 0x18;  // TE bit 19, RE bit 18
constexpr uint32_t kLpuartData = kLpuart2 + 0x1C;
constexpr uint32_t kLpuartFifo = kLpuart2 + 0x28;  // RXFE bit 3
constexpr uint32_t kLpuartCtrlTe = 1u << 19;
constexpr uint32_t kStatTdre = 1u << 23;
constexpr uint32_t kStatTc = 1u << 22;  // last bit on the wire
constexpr uint32_t kStatRdrf = 1u << 21;
constexpr uint32_t kStatErrors = (1u << 19) | (1u << 18) | (1u << 17) | (1u << 16);  // OR NF FE PF, write 1 to clear

constexpr uint32_t kIomuxc = 0x401F8000;
constexpr uint32_t kMuxGpioAdB1_02 = kIomuxc + 0x104;  // pin 14
constexpr uint32_t kMuxGpioAdB1_03 = kIomuxc + 0x108;  // pin 15
constexpr uint32_t kPadGpioAdB1_02 = kIomuxc + 0x2F4;
constexpr uint32_t kPadGpioAdB1_03 = kIomuxc + 0x2F8;
constexpr uint32_t kLpuart2RxSelectInput = kIomuxc + 0x52C;  // 1 = GPIO_AD_B1_03 ALT2
constexpr uint32_t kLpuart2TxSelectInput = kIomuxc + 0x530;  // 1 = GPIO_AD_B1_02 ALT2
constexpr uint32_t kMuxAlt2 = 2;
// Pad control: PKE bit 12, SPEED[7:6] = 2 (100 MHz), DSE[5:3] = 6 (R0/6).
constexpr uint32_t kPadTx = (1u << 12) | (2u << 6) | (6u << 3);
// RX adds a 22 k pull-up (PUS[15:14] = 3, PUE bit 13) and hysteresis (bit 16):
// an unconnected pin 15 reads idle instead of noise.
constexpr uint32_t kPadRx = kPadTx | (1u << 16) | (3u << 14) | (1u << 13);

// LPUART baud = UART_CLK_ROOT / ((OSR + 1) x SBR), OSR + 1 in 4..32
// (BOTHEDGE needed below 8), SBR 1..8191. Chosen at compile time from the
// clock root set above: the smallest error, and on a tie the higher
// oversampling ratio (more samples per bit). 24 MHz / 115200 = 208.3:
// OSR + 1 = 26, SBR = 8 gives 115,385 baud (+0.16 %).
constexpr uint32_t kBaud = 115200;
struct BaudSetting {
  uint32_t osr_plus_1;
  uint32_t sbr;
};
// |actual - wanted| / wanted in parts per million.
constexpr uint64_t baud_error_ppm(uint32_t clock_hz, BaudSetting setting, uint32_t baud) {
  const uint64_t divisor = static_cast<uint64_t>(setting.osr_plus_1) * setting.sbr;
  const uint64_t scaled = static_cast<uint64_t>(clock_hz) * 1'000'000 / divisor;  // actual x 1e6
  const uint64_t wanted = static_cast<uint64_t>(baud) * 1'000'000;
  return (scaled > wanted ? scaled - wanted : wanted - scaled) / baud;
}
constexpr BaudSetting best_baud(uint32_t clock_hz, uint32_t baud) {
  BaudSetting best{16, 0};
  uint64_t best_error = ~0ull;
  for (uint32_t osr = 32; osr >= 4; --osr) {
    const uint32_t sbr = (clock_hz + osr * baud / 2) / (osr * baud);
    if (sbr == 0 || sbr > 0x1FFF) continue;
    const uint64_t error = baud_error_ppm(clock_hz, {osr, sbr}, baud);
    if (error < best_error) {
      best_error = error;
      best = {osr, sbr};
    }
  }
  return best;
}
constexpr BaudSetting kBaudSetting = best_baud(kUartClockHz, kBaud);
static_assert(kBaudSetting.sbr >= 1 && kBaudSetting.sbr <= 0x1FFF, "SBR field range");
static_assert(kBaudSetting.osr_plus_1 >= 4 && kBaudSetting.osr_plus_1 <= 32, "OSR field range");
// Both ends' errors add up; 2 % leaves half of the ~4 % an 8N1 frame
// tolerates to the other end (a USB-UART adapter).
static_assert(baud_error_ppm(kUartClockHz, kBaudSetting, kBaud) < 20'000, "115200 baud error below 2 %");
static_assert(kBaudSetting.osr_plus_1 == 26 && kBaudSetting.sbr == 8, "24 MHz / (26 x 8) = 115,385 baud");
// BAUD: OSR[28:24], BOTHEDGE 17, SBNS 13 = 0 (one stop bit), SBR[12:0].
constexpr uint32_t kBaudRegister =
    ((kBaudSetting.osr_plus_1 - 1) << 24) | (kBaudSetting.osr_plus_1 < 8 ? (1u << 17) : 0u) | kBaudSetting.sbr;

// ---- host link: LPUART6, IOMUXC (RM: LPUART, IOMUXC chapters) -------------
constexpr uint32_t kLpuart6 = 0x40198000;
constexpr uint32_t kLpuart6Irq = 25;                   // IRQ_LPUART6
constexpr uint32_t kCcmCcgr3 = kCcm + 0x74;            // CG3 [7:6] = lpuart6
constexpr uint32_t kMuxGpioAdB0_02 = kIomuxc + 0x0C4;  // pin 1
constexpr uint32_t kMuxGpioAdB0_03 = kIomuxc + 0x0C8;  // pin 0
constexpr uint32_t kPadGpioAdB0_02 = kIomuxc + 0x2B4;
constexpr uint32_t kPadGpioAdB0_03 = kIomuxc + 0x2B8;
constexpr uint32_t kLpuart6RxSelectInput = kIomuxc + 0x550;  // 1 = GPIO_AD_B0_03 ALT2
constexpr uint32_t kLpuart6TxSelectInput = kIomuxc + 0x554;  // 1 = GPIO_AD_B0_02 ALT2
constexpr uint32_t kLpuartCtrlRie = 1u << 21;
constexpr uint32_t kVectorEntries = 16 + 160;  // startup.S: 160 external interrupts

// ---- MPU regions (ARMv7-M RASR: XN[28] AP[26:24] TEX[21:19] S[18] C[17] B[16] SIZE[5:1] EN[0]) ----
constexpr uint32_t rasr(uint32_t attributes, uint32_t log2_size) { return attributes | ((log2_size - 1) << 1) | 1u; }
constexpr uint32_t kXn = 1u << 28;
constexpr uint32_t kApFull = 3u << 24;
constexpr uint32_t kApReadOnly = 6u << 24;
constexpr uint32_t kNormalNonCacheable = 1u << 19;                                // TEX 001 C0 B0
constexpr uint32_t kNormalWriteBackAlloc = (1u << 19) | (1u << 17) | (1u << 16);  // TEX 001 C1 B1
constexpr uint32_t kNormalWriteThrough = 1u << 17;                                // TEX 000 C1 B0
constexpr uint32_t kSharedDevice = (1u << 18) | (1u << 16);                       // TEX 000 C0 B1 S1
struct MpuRegion {
  uint32_t base;
  uint32_t rasr;
};
constexpr MpuRegion kMpuRegions[] = {
    // ITCM: code in `itcm` placement; TCMs bypass the L1 caches anyway.
    {0x00000000, rasr(kApFull | kNormalNonCacheable, 19)},
    // DTCM: data, arena, stack. Never executable.
    {0x20000000, rasr(kXn | kApFull | kNormalNonCacheable, 19)},
    // OCRAM2 (512 KB) + FlexRAM OCRAM window (512 KB): write-back cached.
    {0x20200000, rasr(kXn | kApFull | kNormalWriteBackAlloc, 20)},
    // Peripherals (AIPS-1..5 and the rest of 0x40000000-0x43FFFFFF).
    {0x40000000, rasr(kXn | kApFull | kSharedDevice, 26)},
    // QSPI NOR flash through FlexSPI: executable, read-only, write-through
    // cached (it is never written while running).
    {0x60000000, rasr(kApReadOnly | kNormalWriteThrough, 21)},
};

#define TEENSY40_BOOT __attribute__((section(".text.boot.system"), noinline))

}  // namespace
}  // namespace tinyinfer::board

using namespace tinyinfer::board;

// Called once by Reset_Handler (startup.S) with SP in DTCM and the FPU on,
// before .data/.bss are initialised: touches registers only.
extern "C" TEENSY40_BOOT void teensy40_system_init() {
  // Watchdogs. WDOG1/WDOG2's power-down counter resets the chip 16 s after
  // reset unless PDE is cleared; RTWDOG is disabled by the unlock sequence.
  reg16(kWdog1 + kWdogWmcr) = 0;
  reg16(kWdog2 + kWdogWmcr) = 0;
  reg16(kWdog1 + kWdogWcr) = static_cast<uint16_t>(reg16(kWdog1 + kWdogWcr) & ~(1u << 2));
  reg16(kWdog2 + kWdogWcr) = static_cast<uint16_t>(reg16(kWdog2 + kWdogWcr) & ~(1u << 2));
  if (reg(kRtwdogCs) & kRtwdogCsCmd32en) {
    reg(kRtwdogCnt) = 0xD928C520;  // 32-bit unlock
  } else {
    reg16(kRtwdogCnt) = 0xC520;  // 16-bit unlock, two writes
    reg16(kRtwdogCnt) = 0xD928;
  }
  // Bounded waits: the unlock window is 255 bus clocks, and a watchdog that
  // is already off must not hang the start-up.
  for (int i = 0; i < 1000 && (reg(kRtwdogCs) & kRtwdogCsUlk) == 0; ++i) {
  }
  reg(kRtwdogToval) = 0xFFFF;
  reg(kRtwdogCs) = (reg(kRtwdogCs) & ~kRtwdogCsEn) | kRtwdogCsUpdate | kRtwdogCsCmd32en;
  for (int i = 0; i < 1000 && (reg(kRtwdogCs) & kRtwdogCsRcs) == 0; ++i) {
  }

  // Core voltage first: 600 MHz is the overdrive run mode and needs
  // VDD_SOC = 1.25 V before the clock goes up (RT1060 data sheet, operating ranges).
  reg(kDcdcReg3) = (reg(kDcdcReg3) & ~0x1Fu) | kDcdcTrg1v25;
  while ((reg(kDcdcReg0) & kDcdcStsDcOk) == 0) {
  }

  // Run the core from the 24 MHz oscillator (periph_clk2) while the ARM PLL
  // is reprogrammed: PERIPH_CLK2_SEL = 01 (osc), PERIPH_CLK2_PODF = 0, then
  // PERIPH_CLK_SEL = 1. IPG_PODF = 3 first so IPG never exceeds 150 MHz.
  reg(kCcmCbcmr) = (reg(kCcmCbcmr) & ~(3u << 12)) | (1u << 12);
  reg(kCcmCbcdr) = (reg(kCcmCbcdr) & ~((7u << 27) | (3u << 8))) | (3u << 8);
  reg(kCcmCbcdr) |= 1u << 25;
  while (reg(kCcmCdhipr) & kCdhiprPeriphClkSelBusy) {
  }
  // PERCLK_CLK_ROOT from the oscillator (see kPerclkClkSelOsc), before IPG
  // changes again. Read-modify-write: CSCMR1 also holds FlexSPI's clock
  // root, which the code being executed depends on.
  reg(kCcmCscmr1) = (reg(kCcmCscmr1) & ~0x7Fu) | kPerclkClkSelOsc | kPerclkPodf;

  // ARM PLL: 24 MHz x 100 / 2 = 1200 MHz; bypassed until locked.
  reg(kPllArm) = kPllArmBypass | kPllArmEnable | kPllArmDiv1200MHz;  // POWERDOWN (bit 12) clear
  while ((reg(kPllArm) & kPllArmLock) == 0) {
  }
  reg(kPllArmClr) = kPllArmBypass;

  // ARM_PODF = 1 (/2): 600 MHz. AHB_PODF = 0: AHB = core = 600 MHz.
  reg(kCcmCacrr) = (reg(kCcmCacrr) & ~7u) | 1u;
  while (reg(kCcmCdhipr) & kCdhiprArmPodfBusy) {
  }
  reg(kCcmCbcdr) = reg(kCcmCbcdr) & ~(7u << 10);
  while (reg(kCcmCdhipr) & kCdhiprAhbPodfBusy) {
  }
  // pre_periph_clk = divided ARM PLL (PRE_PERIPH_CLK_SEL = 11), then switch
  // periph_clk back to it (PERIPH_CLK_SEL = 0).
  reg(kCcmCbcmr) = reg(kCcmCbcmr) | (3u << 18);
  reg(kCcmCbcdr) = reg(kCcmCbcdr) & ~(1u << 25);
  while (reg(kCcmCdhipr) & kCdhiprPeriphClkSelBusy) {
  }
  // FlexSPI's clock root (CSCMR1) is left as the ROM set it from the FCB's
  // serialClkFreq (PLL3/PFD based): it does not depend on the ARM PLL.

  // MPU and caches. Whatever the ROM left on is cleaned and switched off
  // first, the regions programmed, then both caches invalidated and enabled.
  asm volatile("dsb\n isb" ::: "memory");
  if (reg(kScbCcr) & kCcrDc) {
    dcache_by_set_way(kScbDccisw);
    reg(kScbCcr) = reg(kScbCcr) & ~kCcrDc;
  }
  reg(kScbCcr) = reg(kScbCcr) & ~kCcrIc;
  asm volatile("dsb\n isb" ::: "memory");
  reg(kMpuCtrl) = 0;
  for (uint32_t i = 0; i < sizeof(kMpuRegions) / sizeof(kMpuRegions[0]); ++i) {
    reg(kMpuRbar) = kMpuRegions[i].base | (1u << 4) | i;
    reg(kMpuRasr) = kMpuRegions[i].rasr;
  }
  reg(kMpuCtrl) = (1u << 2) | 1u;  // PRIVDEFENA: default map elsewhere (PPB, ROM)
  enable_l1_caches();
}

namespace tinyinfer::board {
namespace {

// LPUART2 on pins 14/15, from the 24 MHz oscillator.
void console_init() {
  // Console clock: UART_CLK_ROOT = 24 MHz oscillator / 1 (kUartClockHz,
  // which kBaudRegister is computed from), set before LPUART2's gate opens.
  reg(kCcmCscdr1) = (reg(kCcmCscdr1) & ~0x7Fu) | kUartClkSelOsc | kUartClkPodf;
  reg(kCcmCcgr4) = reg(kCcmCcgr4) | (3u << 2) | (3u << 4);  // iomuxc, iomuxc_gpr
  reg(kCcmCcgr0) = reg(kCcmCcgr0) | (3u << 28);             // lpuart2

  // Pins 14/15: ALT2 = LPUART2 TX/RX, with the input daisy chains pointing
  // at these pads (the RX and TX inputs both have alternatives on GPIO_SD_B1).
  reg(kMuxGpioAdB1_02) = kMuxAlt2;
  reg(kMuxGpioAdB1_03) = kMuxAlt2;
  reg(kPadGpioAdB1_02) = kPadTx;
  reg(kPadGpioAdB1_03) = kPadRx;
  reg(kLpuart2RxSelectInput) = 1;
  reg(kLpuart2TxSelectInput) = 1;

  // LPUART2: software reset, 115200 baud, 8N1 (CTRL M/PE = 0), RX FIFO on
  // so that a burst typed during a long print is kept, then TX and RX on.
  reg(kLpuartGlobal) = 1u << 1;
  reg(kLpuartGlobal) = 0;
  reg(kLpuartBaud) = kBaudRegister;
  reg(kLpuartFifo) = reg(kLpuartFifo) | (1u << 3);
  reg(kLpuartCtrl) = (1u << 19) | (1u << 18);
}

}  // namespace

namespace {

LinkRing g_link_ring;
volatile bool g_link_rx_masked = false;

// Received link bytes into the ring; with the ring full the RX interrupt is
// masked until the main loop has made room (link_get).
void drain_link_uart() {
  for (;;) {
    const uint32_t stat = reg(kLpuart6 + 0x14);
    if (stat & kStatErrors) reg(kLpuart6 + 0x14) = stat & kStatErrors;
    if ((stat & kStatRdrf) == 0) return;
    if (g_link_ring.full()) {
      reg(kLpuart6 + 0x18) = reg(kLpuart6 + 0x18) & ~kLpuartCtrlRie;
      g_link_rx_masked = true;
      return;
    }
    g_link_ring.push(static_cast<uint8_t>(reg(kLpuart6 + 0x1C) & 0xFF));
  }
}

void link_rx_handler() { drain_link_uart(); }

}  // namespace

void link_init() {
  // UART_CLK_ROOT is set up by console_init (24 MHz oscillator): the same
  // baud register as the console.
  reg(kCcmCcgr3) = reg(kCcmCcgr3) | (3u << 6);
  reg(kMuxGpioAdB0_02) = kMuxAlt2;
  reg(kMuxGpioAdB0_03) = kMuxAlt2;
  reg(kPadGpioAdB0_02) = kPadTx;
  reg(kPadGpioAdB0_03) = kPadRx;
  reg(kLpuart6RxSelectInput) = 1;
  reg(kLpuart6TxSelectInput) = 1;
  reg(kLpuart6 + 0x08) = 1u << 1;  // GLOBAL: software reset
  reg(kLpuart6 + 0x08) = 0;
  reg(kLpuart6 + 0x10) = kBaudRegister;
  reg(kLpuart6 + 0x28) = reg(kLpuart6 + 0x28) | (1u << 3);  // RX FIFO; watermark 0: RDRF with one byte
  reg(kLpuart6 + 0x18) = (1u << 19) | (1u << 18) | kLpuartCtrlRie;
  install_interrupt_handler(kLpuart6Irq, link_rx_handler, kVectorEntries);
}

void link_write(const void* data, std::size_t size) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    while ((reg(kLpuart6 + 0x14) & kStatTdre) == 0) {
    }
    reg(kLpuart6 + 0x1C) = bytes[i];
  }
}

int link_get() {
  const int byte = g_link_ring.pop();
  if (g_link_rx_masked) {
    asm volatile("cpsid i" ::: "memory");
    g_link_rx_masked = false;
    reg(kLpuart6 + 0x18) = reg(kLpuart6 + 0x18) | kLpuartCtrlRie;
    drain_link_uart();
    asm volatile("cpsie i" ::: "memory");
  }
  return byte;
}

const char* link_port() { return "LPUART6: pin 1 TX, pin 0 RX (Teensy Serial1)"; }
uint64_t core_clock_hz() { return kCoreHz; }

const char* name() { return "teensy40"; }

void init() {
  console_init();
  enable_fault_handlers();
  cycle_counter_init(kCoreHz);
}

// Called by the fault reporter: sets the console up unless init() already
// did (registers only, RAM may not be set up yet). LPUART2's registers are
// read only with its clock gate open; a closed gate would fault again.
void console_for_fault() {
  const bool gate_open = ((reg(kCcmCcgr0) >> 28) & 3u) != 0;  // CG14: 00 = off
  if (!gate_open || (reg(kLpuartCtrl) & kLpuartCtrlTe) == 0) console_init();
}

bool console_drained() { return (reg(kLpuartStat) & kStatTc) != 0; }

void uart_put(uint8_t byte) {
  while ((reg(kLpuartStat) & kStatTdre) == 0) {
  }
  reg(kLpuartData) = byte;
}

int uart_get() {
  const uint32_t stat = reg(kLpuartStat);
  // An overrun stops reception until cleared; the lost bytes are lost.
  if (stat & kStatErrors) reg(kLpuartStat) = stat & kStatErrors;
  if ((stat & kStatRdrf) == 0) return -1;
  return static_cast<int>(reg(kLpuartData) & 0xFF);
}

uint64_t counter_hz() { return kCoreHz; }

[[noreturn]] void exit(int code) { halt(code); }

}  // namespace tinyinfer::board
