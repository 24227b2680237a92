/* Boot header of the Teensy 4.0 image in its 2 MB QSPI NOR flash (Winbond
 * W25Q16JV on FlexSPI, mapped at 0x60000000), as the i.MX RT1062 boot ROM
 * reads it (i.MX RT1060 reference manual, "System Boot" chapter, FlexSPI NOR
 * boot):
 *   0x60000000  FlexSPI NOR configuration block (FCB), 512 bytes
 *   0x60001000  image vector table (IVT), 32 bytes
 *   0x60001020  boot data: image start, image size, plugin flag
 * The ROM reads the FCB with a safe 1-pad command, configures FlexSPI from it
 * (quad read LUT below), then jumps to the IVT entry. The linker script puts
 * these sections at those offsets; tests/boards checks them in the ELF/HEX. */
    .syntax unified

/* ---- FlexSPI NOR configuration block --------------------------------- */
/* FlexSPI LUT instruction: opcode[15:10] pads[9:8] operand[7:0]; two per
 * 32-bit word, the first in the low half. */
#define LUT_CMD_SDR    0x01
#define LUT_RADDR_SDR  0x02
#define LUT_WRITE_SDR  0x08
#define LUT_READ_SDR   0x09
#define LUT_DUMMY_SDR  0x0C
#define LUT_STOP       0x00
#define PAD1 0
#define PAD4 2
#define LUT(op, pads, operand) (((op) << 10) | ((pads) << 8) | (operand))
#define LUT2(a, b) ((a) | ((b) << 16))

    .section .boot.fcb, "a", %progbits
    .global __teensy_fcb
__teensy_fcb:
    .word 0x42464346          /* 0x000 tag 'FCFB' */
    .word 0x56010000          /* 0x004 version 1.0.0 ('V' 1 0 0) */
    .word 0                   /* 0x008 reserved */
    .byte 1                   /* 0x00C readSampleClkSrc: loopback from DQS pad */
    .byte 3                   /* 0x00D csHoldTime (serial clocks) */
    .byte 3                   /* 0x00E csSetupTime */
    .byte 0                   /* 0x00F columnAddressWidth: 0 for serial NOR */
    .byte 0                   /* 0x010 deviceModeCfgEnable: QE is factory-set on the W25Q16JV-IQ */
    .byte 0, 0, 0             /* 0x011 deviceModeType, waitTimeCfgCommands */
    .word 0                   /* 0x014 deviceModeSeq */
    .word 0                   /* 0x018 deviceModeArg */
    .byte 0, 0, 0, 0          /* 0x01C configCmdEnable, configModeType[3] */
    .space 12                 /* 0x020 configCmdSeqs[3] */
    .word 0                   /* 0x02C reserved */
    .space 12                 /* 0x030 configCmdArgs[3] */
    .word 0                   /* 0x03C reserved */
    .word 0                   /* 0x040 controllerMiscOption */
    .byte 1                   /* 0x044 deviceType: serial NOR */
    .byte 4                   /* 0x045 sflashPadType: quad */
    .byte 6                   /* 0x046 serialClkFreq: 6 = 100 MHz (same code on RT1050/RT1060 ROMs) */
    .byte 0                   /* 0x047 lutCustomSeqEnable */
    .space 8                  /* 0x048 reserved */
    .word 0x00200000          /* 0x050 sflashA1Size: 2 MB */
    .word 0, 0, 0             /* 0x054 sflashA2Size, sflashB1Size, sflashB2Size */
    .word 0, 0, 0, 0          /* 0x060 cs/sclk/data/dqs pad setting overrides */
    .word 0                   /* 0x070 timeoutInMs */
    .word 0                   /* 0x074 commandInterval */
    .hword 0, 0               /* 0x078 dataValidTime[2] */
    .hword 0                  /* 0x07C busyOffset: WIP is bit 0 of status register 1 */
    .hword 0                  /* 0x07E busyBitPolarity: 0 = the busy bit reads 1 while busy */
    /* 0x080 lookupTable: 16 sequences x 4 words. The ROM uses the sequence
     * indices below (0 read, 1 read status, 3 write enable, 5 sector erase,
     * 9 page program, 11 chip erase). */
    .org __teensy_fcb + 0x080
    /* 0: Fast Read Quad I/O (EBh): 24-bit address on 4 pads, 6 dummy clocks
     *    (mode byte + 4 dummies of the W25Q16JV), data on 4 pads. */
    .word LUT2(LUT(LUT_CMD_SDR, PAD1, 0xEB), LUT(LUT_RADDR_SDR, PAD4, 24))
    .word LUT2(LUT(LUT_DUMMY_SDR, PAD4, 6), LUT(LUT_READ_SDR, PAD4, 4))
    .word 0, 0
    /* 1: Read Status Register-1 (05h). */
    .word LUT2(LUT(LUT_CMD_SDR, PAD1, 0x05), LUT(LUT_READ_SDR, PAD1, 4))
    .word 0, 0, 0
    .word 0, 0, 0, 0          /* 2 */
    /* 3: Write Enable (06h). */
    .word LUT2(LUT(LUT_CMD_SDR, PAD1, 0x06), LUT(LUT_STOP, PAD1, 0))
    .word 0, 0, 0
    .word 0, 0, 0, 0          /* 4 */
    /* 5: Sector Erase 4 KB (20h). */
    .word LUT2(LUT(LUT_CMD_SDR, PAD1, 0x20), LUT(LUT_RADDR_SDR, PAD1, 24))
    .word 0, 0, 0
    .word 0, 0, 0, 0          /* 6 */
    .word 0, 0, 0, 0          /* 7 */
    .word 0, 0, 0, 0          /* 8 */
    /* 9: Quad Input Page Program (32h). */
    .word LUT2(LUT(LUT_CMD_SDR, PAD1, 0x32), LUT(LUT_RADDR_SDR, PAD1, 24))
    .word LUT2(LUT(LUT_WRITE_SDR, PAD4, 4), LUT(LUT_STOP, PAD1, 0))
    .word 0, 0
    .word 0, 0, 0, 0          /* 10 */
    /* 11: Chip Erase (60h). */
    .word LUT2(LUT(LUT_CMD_SDR, PAD1, 0x60), LUT(LUT_STOP, PAD1, 0))
    .word 0, 0, 0
    .word 0, 0, 0, 0          /* 12 */
    .word 0, 0, 0, 0          /* 13 */
    .word 0, 0, 0, 0          /* 14 */
    .word 0, 0, 0, 0          /* 15 */
    .org __teensy_fcb + 0x180 /* lutCustomSeq[12] + reserved */
    .space 0x40
    /* 0x1C0 serial NOR extension */
    .word 256                 /* 0x1C0 pageSize */
    .word 4096                /* 0x1C4 sectorSize */
    .byte 0                   /* 0x1C8 ipcmdSerialClkFreq: same as read */
    .byte 0                   /* 0x1C9 isUniformBlockSize */
    .byte 0, 0                /* 0x1CA reserved */
    .byte 0                   /* 0x1CC serialNorType */
    .byte 0                   /* 0x1CD needExitNoCmdMode */
    .byte 0                   /* 0x1CE halfClkForNonReadCmd */
    .byte 0                   /* 0x1CF needRestoreNoCmdMode */
    .word 0x10000             /* 0x1D0 blockSize: 64 KB */
    .org __teensy_fcb + 0x200 /* 0x1D4..0x1FF reserved */
    .size __teensy_fcb, . - __teensy_fcb

/* ---- image vector table (at flash offset 0x1000) ------------------------ */
    .section .boot.ivt, "a", %progbits
    .global __teensy_ivt
__teensy_ivt:
    .word 0x412000D1          /* header: tag 0xD1, length 0x0020 (big-endian), version 0x41 */
    .word Reset_Handler       /* entry (Thumb address) */
    .word 0                   /* reserved1 */
    .word 0                   /* DCD: none (no SDRAM to set up) */
    .word __teensy_boot_data  /* boot data */
    .word __teensy_ivt        /* self */
    .word 0                   /* CSF: none (unsigned image) */
    .word 0                   /* reserved2 */
    .size __teensy_ivt, . - __teensy_ivt

/* ---- boot data (right after the IVT, flash offset 0x1020) --------------- */
    .section .boot.data, "a", %progbits
    .global __teensy_boot_data
__teensy_boot_data:
    .word __flash_start       /* start of the image: the flash base */
    .word __flash_image_size  /* bytes the ROM considers part of the image */
    .word 0                   /* plugin: 0 = normal image */
    .word 0                   /* reserved */
    .size __teensy_boot_data, . - __teensy_boot_data
