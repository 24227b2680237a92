/* Reset handler and vector table of the Teensy 4.0
 * (i.MX RT1062, Cortex-M7). The boot ROM jumps to Reset_Handler through the
 * IVT (boot_header.S) with its own stack in OCRAM and does not read our
 * vector table, so the reset handler sets SP itself - after it has
 * repartitioned FlexRAM, which may remove the memory the ROM's stack is in.
 * Everything in this file runs from flash (.text.boot): ITCM is only valid
 * after the copy below. The rest of the start-up is common/cortex_m.S. */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb
#include "boards/common/startup.inc"

/* FlexRAM partition (i.MX RT1060 RM, IOMUXC_GPR GPR14/16/17; 16 banks of
 * 32 KB). Chosen for this firmware, identical for both placements so that
 * TINYINFER_PLACEMENT changes only where code executes:
 *   banks 0-3  ITCM  128 KB: vectors + engine code (~110 KB) in `itcm` mode
 *   banks 4-15 DTCM  384 KB: .data, .bss with the 256 KB arena, stack
 *   FlexRAM OCRAM 0: the RT1062's separate 512 KB OCRAM2 at 0x20200000 stays
 *   available (cached through the MPU), nothing needs it today.
 * GPR17 FLEXRAM_BANK_CFG: 2 bits per bank (bank 0 lowest), 11 ITCM, 10 DTCM,
 * 01 OCRAM, 00 unused. GPR14 sizes are powers of two: ITCM 128 KB = 0b1000,
 * DTCM 384 KB rounds up to 512 KB = 0b1010 (the TCM controller's address
 * decode; the linker never places anything above the 384 KB of banks). */
#define IOMUXC_GPR_GPR14 0x400AC038
#define IOMUXC_GPR_GPR16 0x400AC040
#define IOMUXC_GPR_GPR17 0x400AC044
#define FLEXRAM_BANK_CFG 0xAAAAAAFF
#define GPR14_TCM_SIZES  ((0xA << 20) | (0x8 << 16))
#define GPR14_TCM_MASK   (0xFF << 16)
#define GPR16_ITCM_EN    (1 << 0)
#define GPR16_DTCM_EN    (1 << 1)
#define GPR16_BANK_CFG_SEL (1 << 2)

/* The values written, also as absolute symbols in the ELF: tests/boards
 * decodes them and checks them against the linker's ITCM/DTCM lengths
 * (__itcm_region_length, __dtcm_region_length in teensy40.ld.in). */
    .global __teensy_flexram_bank_cfg
    .set __teensy_flexram_bank_cfg, FLEXRAM_BANK_CFG
    .global __teensy_gpr14_tcm_sizes
    .set __teensy_gpr14_tcm_sizes, GPR14_TCM_SIZES

    .section .text.boot, "ax", %progbits

    .thumb_func
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    cpsid i
    /* FlexRAM banks: GPR17 first, then select it (GPR16), then TCM sizes. */
    ldr r0, =IOMUXC_GPR_GPR17
    ldr r1, =__teensy_flexram_bank_cfg
    str r1, [r0]
    ldr r0, =IOMUXC_GPR_GPR16
    ldr r1, [r0]
    orr r1, r1, #(GPR16_ITCM_EN | GPR16_DTCM_EN | GPR16_BANK_CFG_SEL)
    str r1, [r0]
    ldr r0, =IOMUXC_GPR_GPR14
    ldr r1, [r0]
    bic r1, r1, #GPR14_TCM_MASK
    ldr r2, =__teensy_gpr14_tcm_sizes
    orr r1, r1, r2
    str r1, [r0]
    dsb
    isb
    /* Our stack: top of DTCM. */
    ldr r0, =__stack_top
    mov sp, r0

    ENABLE_FPU

    /* Watchdogs, 1.25 V + 600 MHz, MPU and caches (board.cc, .text.boot):
     * uses no RAM variables, so it may run before .data/.bss exist. */
    bl teensy40_system_init

    /* ITCM code and vectors (empty section in `flash` placement). */
    ldr r0, =__itcm_load
    ldr r1, =__itcm_start
    ldr r2, =__itcm_end
    bl tinyinfer_copy_words
    /* .data, .bss, VTOR (ITCM or flash, by placement), interrupts on, the app. */
    b tinyinfer_start
    .size Reset_Handler, . - Reset_Handler

/* Exception vectors: 16 system + 160 i.MX RT1062 interrupts = 704 bytes,
 * 1024-byte aligned for VTOR. Placed in ITCM (`itcm`) or flash (`flash`) by
 * the linker script. Word 0 (initial SP) is not used by the ROM boot; it is
 * still the real stack top, for debuggers and the static tests. */
    VECTOR_TABLE 160, 10
