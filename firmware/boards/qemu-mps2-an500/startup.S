/* Vector table, reset handler and fault entry stubs for the Cortex-M7 of
 * QEMU's mps2-an500. The reset handler is assembly because the FPU must be
 * on before any compiled code runs (hard-float code may touch s/d registers
 * anywhere, even in a prologue). */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb

    /* Exception vectors: 16 system + 32 external interrupts (CMSDK UARTs,
     * timers, ... of the AN500 image; all unused but caught). */
    .section .isr_vector, "a", %progbits
    .align 7                  /* VTOR needs 128-byte alignment for 48 entries */
    .global __isr_vector
__isr_vector:
    .word __stack_top
    .word Reset_Handler
    .word NMI_Handler
    .word HardFault_Handler
    .word MemManage_Handler
    .word BusFault_Handler
    .word UsageFault_Handler
    .word 0, 0, 0, 0          /* reserved */
    .word SVC_Handler
    .word DebugMon_Handler
    .word 0                   /* reserved */
    .word PendSV_Handler
    .word SysTick_Handler
    .rept 32
    .word Default_Handler
    .endr
    .size __isr_vector, . - __isr_vector

    .text

    .thumb_func
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    /* FPU: full access for CP10 and CP11 (CPACR bits 20-23). */
    ldr r0, =0xE000ED88
    ldr r1, [r0]
    orr r1, r1, #(0xF << 20)
    str r1, [r0]
    dsb
    isb

    /* .data: copy initial values from flash to RAM. */
    ldr r0, =__data_load
    ldr r1, =__data_start
    ldr r2, =__data_end
1:  cmp r1, r2
    bhs 2f
    ldr r3, [r0], #4
    str r3, [r1], #4
    b 1b
2:
    /* .bss: zero. */
    ldr r1, =__bss_start
    ldr r2, =__bss_end
    movs r3, #0
3:  cmp r1, r2
    bhs 4f
    str r3, [r1], #4
    b 3b
4:
    /* C++ static constructors, then the app. */
    bl __libc_init_array
    bl main
    bl exit                   /* runs destructors, then _exit */
5:  b 5b
    .size Reset_Handler, . - Reset_Handler

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

    /* Unused system exceptions: report like a fault (they must not happen). */
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
