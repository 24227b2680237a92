/* Vector table and reset handler for the Cortex-M7 of QEMU's mps2-an500;
 * the rest of the start-up is common/cortex_m.S. */
    .syntax unified
    .cpu cortex-m7
    .fpu fpv5-d16
    .thumb
#include "boards/common/startup.inc"

    /* 32 external interrupts (CMSDK UARTs, timers, ... of the AN500 image):
     * 48 entries, 128-byte VTOR alignment. */
    VECTOR_TABLE 32, 7

    .text
    .thumb_func
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    ENABLE_FPU
    b tinyinfer_start
    .size Reset_Handler, . - Reset_Handler
