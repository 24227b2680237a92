/* Start-up code every board shares: the C runtime start (after the board's
 * Reset_Handler has set up clocks and memory), word copy/zero loops, fault
 * entry stubs and default handlers. In .text.boot.*: the Teensy runs it from
 * flash before ITCM is loaded; the other boards' .text takes .text.*. */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb

    .section .text.boot.common, "ax", %progbits

    /* Entered by a branch from Reset_Handler, with SP set and the FPU on:
     * .data copied, .bss zeroed, exceptions through our table, interrupts
     * on, C++ static constructors, then the app. */
    .thumb_func
    .global tinyinfer_start
    .type tinyinfer_start, %function
tinyinfer_start:
    ldr r0, =__data_load
    ldr r1, =__data_start
    ldr r2, =__data_end
    bl tinyinfer_copy_words
    ldr r1, =__bss_start
    ldr r2, =__bss_end
    bl tinyinfer_zero_words
    dsb
    isb
    ldr r0, =0xE000ED08       /* VTOR */
    ldr r1, =__isr_vector
    str r1, [r0]
    dsb
    isb
    cpsie i
    bl __libc_init_array
    bl main
    bl exit                   /* runs destructors, then _exit */
1:  b 1b
    .size tinyinfer_start, . - tinyinfer_start

    /* r0 = source, r1 = destination, r2 = destination end (word aligned). */
    .thumb_func
    .global tinyinfer_copy_words
    .type tinyinfer_copy_words, %function
tinyinfer_copy_words:
    cmp r1, r2
    bhs 1f
    ldr r3, [r0], #4
    str r3, [r1], #4
    b tinyinfer_copy_words
1:  bx lr
    .size tinyinfer_copy_words, . - tinyinfer_copy_words

    /* r1 = start, r2 = end (word aligned). */
    .thumb_func
    .global tinyinfer_zero_words
    .type tinyinfer_zero_words, %function
tinyinfer_zero_words:
    movs r3, #0
1:  cmp r1, r2
    bhs 2f
    str r3, [r1], #4
    b 1b
2:  bx lr
    .size tinyinfer_zero_words, . - tinyinfer_zero_words

    /* Faults: pass the stacked frame (MSP or PSP, from EXC_RETURN bit 2) and
     * EXC_RETURN to the C++ reporter (common/fault.cc), which prints and halts. */
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

    /* Unused system exceptions: report like a fault (they must not happen).
     * Weak: a board defines the ones it uses (SysTick). */
    .weak SVC_Handler
    .thumb_set SVC_Handler, Default_Handler
    .weak DebugMon_Handler
    .thumb_set DebugMon_Handler, Default_Handler
    .weak PendSV_Handler
    .thumb_set PendSV_Handler, Default_Handler
    .weak SysTick_Handler
    .thumb_set SysTick_Handler, Default_Handler

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
