/* Reset handler, vector table and fault entry stubs of the STM32F746
 * (Cortex-M7) on the 32F746G-DISCOVERY board. The core boots from
 * BOOT_ADD0 = 0x00200000 (flash through the ITCM interface), which aliases
 * 0x08000000: the table below is at the start of flash and its addresses
 * are the AXIM ones (0x080xxxxx) the linker assigned. */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb

    .section .isr_vector, "a", %progbits
    .align 9                  /* 16 + 98 entries = 456 bytes: 512-byte VTOR alignment */
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
    .rept 98                  /* STM32F74x/75x external interrupts */
    .word Default_Handler
    .endr
    .size __isr_vector, . - __isr_vector

    .text

    .thumb_func
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    cpsid i
    ldr r0, =__stack_top
    mov sp, r0
    /* FPU: full access for CP10 and CP11 before any hard-float code. */
    ldr r0, =0xE000ED88
    ldr r1, [r0]
    orr r1, r1, #(0xF << 20)
    str r1, [r0]
    dsb
    isb
    /* Clocks (over-drive, PLL, flash wait states, ART) and L1 caches
     * (board.cc): registers only, so before .data/.bss exist. */
    bl stm32f746_system_init
    /* .data: copy initial values from flash. */
    ldr r0, =__data_load
    ldr r1, =__data_start
    ldr r2, =__data_end
1:  cmp r1, r2
    bhs 2f
    ldr r3, [r0], #4
    str r3, [r1], #4
    b 1b
2:
    /* .bss (DTCM) and .sram (the arena): zero. */
    ldr r1, =__bss_start
    ldr r2, =__bss_end
    bl zero_words
    ldr r1, =__sram_bss_start
    ldr r2, =__sram_bss_end
    bl zero_words
    /* Exceptions through our table at its AXIM address. */
    ldr r0, =0xE000ED08
    ldr r1, =__isr_vector
    str r1, [r0]
    dsb
    isb
    cpsie i
    bl __libc_init_array
    bl main
    bl exit
3:  b 3b
    .size Reset_Handler, . - Reset_Handler

    /* r1 = start, r2 = end (word aligned). */
    .thumb_func
    .type zero_words, %function
zero_words:
    movs r3, #0
1:  cmp r1, r2
    bhs 2f
    str r3, [r1], #4
    b 1b
2:  bx lr
    .size zero_words, . - zero_words

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
