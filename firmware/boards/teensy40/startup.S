/* Reset handler, vector table and fault entry stubs of the Teensy 4.0
 * (i.MX RT1062, Cortex-M7). The boot ROM jumps to Reset_Handler through the
 * IVT (boot_header.S) with its own stack in OCRAM and does not read our
 * vector table, so the reset handler sets SP itself - after it has
 * repartitioned FlexRAM, which may remove the memory the ROM's stack is in.
 * Everything in this file runs from flash (.text.boot): ITCM is only valid
 * after the copy below. */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb

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

    .section .text.boot, "ax", %progbits

    .thumb_func
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    cpsid i
    /* FlexRAM banks: GPR17 first, then select it (GPR16), then TCM sizes. */
    ldr r0, =IOMUXC_GPR_GPR17
    ldr r1, =FLEXRAM_BANK_CFG
    str r1, [r0]
    ldr r0, =IOMUXC_GPR_GPR16
    ldr r1, [r0]
    orr r1, r1, #(GPR16_ITCM_EN | GPR16_DTCM_EN | GPR16_BANK_CFG_SEL)
    str r1, [r0]
    ldr r0, =IOMUXC_GPR_GPR14
    ldr r1, [r0]
    bic r1, r1, #GPR14_TCM_MASK
    orr r1, r1, #GPR14_TCM_SIZES
    str r1, [r0]
    dsb
    isb
    /* Our stack: top of DTCM. */
    ldr r0, =__stack_top
    mov sp, r0

    /* FPU: full access for CP10 and CP11 (CPACR bits 20-23) before any
     * compiled (hard-float) code runs. */
    ldr r0, =0xE000ED88
    ldr r1, [r0]
    orr r1, r1, #(0xF << 20)
    str r1, [r0]
    dsb
    isb

    /* Watchdogs, 1.25 V + 600 MHz, MPU and caches (board.cc, .text.boot):
     * uses no RAM variables, so it may run before .data/.bss exist. */
    bl teensy40_system_init

    /* ITCM code and vectors (empty section in `flash` placement). */
    ldr r0, =__itcm_load
    ldr r1, =__itcm_start
    ldr r2, =__itcm_end
    bl copy_words
    /* .data: initial values from flash to DTCM. */
    ldr r0, =__data_load
    ldr r1, =__data_start
    ldr r2, =__data_end
    bl copy_words
    /* .bss: zero. */
    ldr r1, =__bss_start
    ldr r2, =__bss_end
    movs r3, #0
1:  cmp r1, r2
    bhs 2f
    str r3, [r1], #4
    b 1b
2:
    dsb
    isb
    /* Exceptions through our table (ITCM or flash, by placement). */
    ldr r0, =0xE000ED08
    ldr r1, =__isr_vector
    str r1, [r0]
    dsb
    isb
    cpsie i
    /* C++ static constructors, then the app. */
    bl __libc_init_array
    bl main
    bl exit
3:  b 3b
    .size Reset_Handler, . - Reset_Handler

    /* r0 = source, r1 = destination, r2 = destination end (word aligned). */
    .thumb_func
    .type copy_words, %function
copy_words:
    cmp r1, r2
    bhs 1f
    ldr r3, [r0], #4
    str r3, [r1], #4
    b copy_words
1:  bx lr
    .size copy_words, . - copy_words

    /* Faults: pass the stacked frame (MSP or PSP, from EXC_RETURN bit 2) and
     * EXC_RETURN to the C++ reporter, which prints and halts. */
    .macro FAULT_ENTRY name
    .thumb_func
    .global \name
    .type \name, %function
\name:
    tst lr, #4
    ite eq
    mrseq r0, msp
    mrsne r0, psp
    mov r1, lr
    ldr r2, =tinyinfer_fault_report
    bx r2
    .size \name, . - \name
    .endm

    FAULT_ENTRY HardFault_Handler
    FAULT_ENTRY MemManage_Handler
    FAULT_ENTRY BusFault_Handler
    FAULT_ENTRY UsageFault_Handler
    FAULT_ENTRY NMI_Handler
    FAULT_ENTRY Default_Handler

    .weak SVC_Handler
    .thumb_set SVC_Handler, Default_Handler
    .weak DebugMon_Handler
    .thumb_set DebugMon_Handler, Default_Handler
    .weak PendSV_Handler
    .thumb_set PendSV_Handler, Default_Handler

    /* newlib's __libc_init_array calls _init; crti.o is not linked
     * (-nostartfiles), so provide the empty hooks. */
    .thumb_func
    .global _init
    .type _init, %function
_init:
    bx lr
    .thumb_func
    .global _fini
    .type _fini, %function
_fini:
    bx lr

/* Exception vectors: 16 system + 160 i.MX RT1062 interrupts = 704 bytes,
 * 1024-byte aligned for VTOR. Placed in ITCM (`itcm`) or flash (`flash`) by
 * the linker script. Word 0 (initial SP) is not used by the ROM boot; it is
 * still the real stack top, for debuggers and the static tests. */
    .section .isr_vector, "a", %progbits
    .align 10
    .global __isr_vector
__isr_vector:
    .word __stack_top
    .word Reset_Handler
    .word NMI_Handler
    .word HardFault_Handler
    .word MemManage_Handler
    .word BusFault_Handler
    .word UsageFault_Handler
    .word 0, 0, 0, 0
    .word SVC_Handler
    .word DebugMon_Handler
    .word 0
    .word PendSV_Handler
    .word SysTick_Handler
    .rept 160
    .word Default_Handler
    .endr
    .size __isr_vector, . - __isr_vector
