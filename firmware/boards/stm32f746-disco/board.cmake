# 32F746G-DISCOVERY (STM32F746NG, Cortex-M7), read by firmware/CMakeLists.txt
# (tinyinfer_load_board; the contract is in firmware/boards/README.md).
#
#   -DTINYINFER_BOARD=stm32f746-disco [-DTINYINFER_STM32_CLOCK_MHZ=216|288]
#                                     [-DTINYINFER_STM32_CONSOLE=usart1|usart6]
#
# Variants are <216|288>-<usart1|usart6>: clock and console are compile-time
# choices of board.cc, so each variant compiles the board code once more.
set(TINYINFER_STM32_CLOCK_MHZ "216" CACHE STRING
    "STM32F746 core clock: 216 (data sheet maximum, over-drive) | 288 (the study's overclock, 287.5 MHz from the 25 MHz HSE)")
set_property(CACHE TINYINFER_STM32_CLOCK_MHZ PROPERTY STRINGS 216 288)
set(TINYINFER_STM32_CONSOLE "usart1" CACHE STRING
    "STM32F746 console: usart1 (ST-LINK virtual COM port) | usart6 (PC6/PC7 = Arduino D1/D0, as the study wired it)")
set_property(CACHE TINYINFER_STM32_CONSOLE PROPERTY STRINGS usart1 usart6)
set(TINYINFER_BOARD_DEFAULT_VARIANT ${TINYINFER_STM32_CLOCK_MHZ}-${TINYINFER_STM32_CONSOLE})

function(tinyinfer_stm32f746_disco_variant variant ld_var definitions_var)
  if(NOT variant MATCHES "^(216|288)-(usart1|usart6)$")
    message(FATAL_ERROR "stm32f746-disco variant '${variant}' (TINYINFER_STM32_CLOCK_MHZ-TINYINFER_STM32_CONSOLE "
                        "or a board variant): expected <216|288>-<usart1|usart6>")
  endif()
  set(definitions TINYINFER_STM32_CLOCK_MHZ=${CMAKE_MATCH_1})
  if(CMAKE_MATCH_2 STREQUAL "usart6")
    list(APPEND definitions TINYINFER_STM32_CONSOLE_USART6)
  endif()
  set(${ld_var} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/stm32f746.ld PARENT_SCOPE)
  set(${definitions_var} ${definitions} PARENT_SCOPE)
endfunction()

# The link firmware (firmware/link): SRAM1+2 (256 KB) holds a 112 KB arena
# (the MNIST models use about 110 KB), the link server's buffers and a
# 112 KB RAM slot for uploaded models - the largest model LoadModel accepts
# (the study's compressed model, 99,664 B, fits; the uncompressed one does
# not). DTCM keeps .data, .bss and the 32 KB stack. The link on UART7.
set(TINYINFER_BOARD_LINK_DEFINITIONS TINYINFER_LINK_ARENA_BYTES=114688 TINYINFER_LINK_SLOT_BYTES=114688
    TINYINFER_LINK_SLOT_SECTION=.sram.tinyinfer_slot TINYINFER_LINK_SERVER_SECTION=.sram.tinyinfer_link)

include(${CMAKE_CURRENT_LIST_DIR}/../common/common.cmake)
set(TINYINFER_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/startup.S
    ${CMAKE_CURRENT_LIST_DIR}/board.cc
    ${TINYINFER_COMMON_SILICON_SOURCES})  # common/
set(TINYINFER_BOARD_RUN_HINT
    "flash the .bin beside it with st-flash write <name>.bin 0x08000000 (or st-flash --format ihex write <name>.hex), serial 115200 on the ST-LINK VCP; ELF:")

set(TINYINFER_BOARD_OUTPUTS binary ihex)
set(TINYINFER_BOARD_MEMORY_REGIONS FLASH:0x08000000:0x100000 DTCM:0x20000000:0x10000 SRAM:0x20010000:0x40000)
include(${CMAKE_CURRENT_LIST_DIR}/../board_outputs.cmake)
