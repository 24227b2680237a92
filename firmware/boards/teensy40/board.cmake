# Teensy 4.0 (NXP i.MX RT1062, Cortex-M7 600 MHz), read by firmware/CMakeLists.txt
# (tinyinfer_load_board; the contract is in firmware/boards/README.md).
#
#   -DTINYINFER_BOARD=teensy40 [-DTINYINFER_PLACEMENT=itcm|flash]
#
# Variants are the code placements:
# itcm  (default): vectors + engine code copied to ITCM at start-up, arena in DTCM.
# flash: all code executes in place from the QSPI flash (through the L1
#        I-cache), arena still in DTCM: only instruction fetch changes, which
#        is the study's open question (is the RT1062 slow because of the flash?).
set(TINYINFER_PLACEMENT "itcm" CACHE STRING "Teensy 4.0 code placement: itcm | flash")
set_property(CACHE TINYINFER_PLACEMENT PROPERTY STRINGS itcm flash)
set(TINYINFER_BOARD_DEFAULT_VARIANT ${TINYINFER_PLACEMENT})

# The placements differ only in the linker script (teensy40.ld.in): the same
# objects link either way.
function(tinyinfer_teensy40_variant placement ld_var definitions_var)
  if(placement STREQUAL "itcm")
    string(JOIN "\n" TEENSY40_ITCM_INPUTS
      "    KEEP(*(.isr_vector))"
      "    *(.text.itcm .text.itcm.*)"
      "    *libtinyinfer*.a:*(.text .text.*)"
      "    *libgcc.a:*(.text .text.*)"
      "    *libm.a:*(.text .text.*)"
      "    *libc_nano.a:*memcpy*(.text .text.*)"
      "    *libc_nano.a:*memset*(.text .text.*)"
      "    *libc_nano.a:*memmove*(.text .text.*)")
    set(TEENSY40_FLASH_VECTORS "")
    set(TEENSY40_DISCARD "  /DISCARD/ : { *libgcc.a:*(.ARM.exidx* .ARM.extab*) *libm.a:*(.ARM.exidx* .ARM.extab*) }")
  elseif(placement STREQUAL "flash")
    set(TEENSY40_ITCM_INPUTS "")
    set(TEENSY40_DISCARD "")
    string(JOIN "\n" TEENSY40_FLASH_VECTORS
      "  .isr_vector : ALIGN(1024)"
      "  {"
      "    KEEP(*(.isr_vector))"
      "  } > FLASH")
  else()
    message(FATAL_ERROR "teensy40 placement '${placement}' (TINYINFER_PLACEMENT or a board variant): expected itcm or flash")
  endif()
  set(TINYINFER_PLACEMENT ${placement})  # named in the generated script's header
  set(ld ${CMAKE_BINARY_DIR}/boards/teensy40-${placement}.ld)
  configure_file(${CMAKE_CURRENT_FUNCTION_LIST_DIR}/teensy40.ld.in ${ld} @ONLY)
  set(${ld_var} ${ld} PARENT_SCOPE)
  set(${definitions_var} "" PARENT_SCOPE)
endfunction()

# The link firmware (firmware/link), built in the flash variant (its code,
# every op, does not fit the 128 KB ITCM): the 256 KB arena in DTCM as in the
# benchmark images, the RAM slot for uploaded models in OCRAM2 (512 KB, the
# largest model LoadModel accepts), the link on LPUART6 (pins 0/1).
set(TINYINFER_BOARD_LINK_DEFINITIONS TINYINFER_LINK_ARENA_BYTES=262144 TINYINFER_LINK_SLOT_BYTES=524288
    TINYINFER_LINK_SLOT_SECTION=.ocram.tinyinfer_slot)

include(${CMAKE_CURRENT_LIST_DIR}/../common/common.cmake)
set(TINYINFER_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/boot_header.S
    ${CMAKE_CURRENT_LIST_DIR}/startup.S
    ${CMAKE_CURRENT_LIST_DIR}/board.cc
    ${TINYINFER_COMMON_SILICON_SOURCES})  # common/
set(TINYINFER_BOARD_RUN_HINT
    "flash the .hex beside it with teensy_loader_cli --mcu=TEENSY40 -w -v <name>.hex (press the button), serial 115200 on pins 14/15; ELF:")

# .hex for teensy_loader_cli and the memory report, after every firmware link.
set(TINYINFER_BOARD_OUTPUTS ihex)
set(TINYINFER_BOARD_MEMORY_REGIONS
    FLASH:0x60000000:0x1F0000 ITCM:0x00000000:0x20000 DTCM:0x20000000:0x60000 OCRAM:0x20200000:0x80000)
include(${CMAKE_CURRENT_LIST_DIR}/../board_outputs.cmake)
