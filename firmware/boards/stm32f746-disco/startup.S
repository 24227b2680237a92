/* Reset handler and vector table of the STM32F746
 * (Cortex-M7) on the 32F746G-DISCOVERY board. The core boots from
 * BOOT_ADD0 = 0x00200000 (flash through the ITCM interface), which aliases
 * 0x08000000: the table below is at the start of flash and its addresses
 * are the AXIM ones (0x080xxxxx) the linker assigned. The rest of the
 * start-up is common/cortex_m.S. */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb
#include "boards/common/startup.inc"

    /* 16 + 98 STM32F74x/75x external interrupts = 456 bytes: 512-byte VTOR alignment. */
    VECTOR_TABLE 98, 9

    .text

    .thumb_func
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    cpsid i
    ldr r0, =__stack_top
    mov sp, r0
    ENABLE_FPU
    /* Clocks (over-drive, PLL, flash wait states, ART) and L1 caches
     * (board.cc): registers only, so before .data/.bss exist. */
    bl stm32f746_system_init
    /* The arena's section in SRAM1/2 (.sram): zero. .data and .bss follow
     * in the common start (common/cortex_m.S). */
    ldr r1, =__sram_bss_start
    ldr r2, =__sram_bss_end
    bl tinyinfer_zero_words
    b tinyinfer_start
    .size Reset_Handler, . - Reset_Handler
