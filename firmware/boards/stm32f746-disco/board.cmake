# 32F746G-DISCOVERY (STM32F746NG, Cortex-M7), read by firmware/CMakeLists.txt.
#
#   -DTINYINFER_BOARD=stm32f746-disco [-DTINYINFER_STM32_CLOCK_MHZ=216|288]
#                                     [-DTINYINFER_STM32_CONSOLE=usart1|usart6]
set(TINYINFER_STM32_CLOCK_MHZ "216" CACHE STRING
    "STM32F746 core clock: 216 (data sheet maximum, over-drive) | 288 (the study's overclock, 287.5 MHz from the 25 MHz HSE)")
set_property(CACHE TINYINFER_STM32_CLOCK_MHZ PROPERTY STRINGS 216 288)
set(TINYINFER_STM32_CONSOLE "usart1" CACHE STRING
    "STM32F746 console: usart1 (ST-LINK virtual COM port) | usart6 (PC6/PC7 = Arduino D1/D0, as the study wired it)")
set_property(CACHE TINYINFER_STM32_CONSOLE PROPERTY STRINGS usart1 usart6)
if(NOT TINYINFER_STM32_CLOCK_MHZ MATCHES "^(216|288)$")
  message(FATAL_ERROR "TINYINFER_STM32_CLOCK_MHZ=${TINYINFER_STM32_CLOCK_MHZ}: expected 216 or 288")
endif()
if(NOT TINYINFER_STM32_CONSOLE MATCHES "^(usart1|usart6)$")
  message(FATAL_ERROR "TINYINFER_STM32_CONSOLE=${TINYINFER_STM32_CONSOLE}: expected usart1 or usart6")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/../common/common.cmake)
set(TINYINFER_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/startup.S
    ${CMAKE_CURRENT_LIST_DIR}/board.cc
    ${TINYINFER_COMMON_SILICON_SOURCES})  # common/
# Clock and console are compile-time choices of board.cc.
function(stm32f746_definitions mhz console out_var)
  set(definitions TINYINFER_STM32_CLOCK_MHZ=${mhz})
  if(console STREQUAL "usart6")
    list(APPEND definitions TINYINFER_STM32_CONSOLE_USART6)
  endif()
  set(${out_var} ${definitions} PARENT_SCOPE)
endfunction()
stm32f746_definitions(${TINYINFER_STM32_CLOCK_MHZ} ${TINYINFER_STM32_CONSOLE} TINYINFER_BOARD_DEFINITIONS)

# TINYINFER_FIRMWARE_BOARD_VARIANTS: <216|288>-<usart1|usart6>, board.cc compiled once more.
function(tinyinfer_board_variant variant ld_var definitions_var)
  if(NOT variant MATCHES "^(216|288)-(usart1|usart6)$")
    message(FATAL_ERROR "stm32f746-disco board variant ${variant}: expected <216|288>-<usart1|usart6>")
  endif()
  stm32f746_definitions(${CMAKE_MATCH_1} ${CMAKE_MATCH_2} definitions)
  set(${ld_var} ${TINYINFER_BOARD_LINKER_SCRIPT} PARENT_SCOPE)
  set(${definitions_var} ${definitions} PARENT_SCOPE)
endfunction()
set(TINYINFER_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/stm32f746.ld)
set(TINYINFER_BOARD_RUN_HINT
    "flash the .bin beside it with st-flash write <name>.bin 0x08000000 (or st-flash --format ihex write <name>.hex), serial 115200 on the ST-LINK VCP; ELF:")

set(TINYINFER_BOARD_OUTPUTS binary ihex)
set(TINYINFER_BOARD_MEMORY_REGIONS FLASH:0x08000000:0x100000 DTCM:0x20000000:0x10000 SRAM:0x20010000:0x40000)
include(${CMAKE_CURRENT_LIST_DIR}/../board_outputs.cmake)
