# QEMU mps2-an500 (emulated Cortex-M7), read by firmware/CMakeLists.txt
# (tinyinfer_load_board; the contract is in firmware/boards/README.md).
include(${CMAKE_CURRENT_LIST_DIR}/../common/common.cmake)
set(TINYINFER_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/startup.S
    ${CMAKE_CURRENT_LIST_DIR}/board.cc
    ${TINYINFER_COMMON_SOURCES})  # common/
set(TINYINFER_BOARD_DEFAULT_VARIANT "")  # one memory map, one UART setup
# How to run it (printed after the build; the runner uses the same options).
set(TINYINFER_BOARD_RUN_HINT
    "qemu-system-arm -M mps2-an500 -nographic -monitor none -semihosting -icount shift=0 -kernel")

# The link firmware (firmware/link): 1 MB arena, 2 MB RAM slot for uploaded
# models (the largest model LoadModel accepts), both in the 4 MB of RAM.
set(TINYINFER_BOARD_LINK_DEFINITIONS TINYINFER_LINK_ARENA_BYTES=1048576 TINYINFER_LINK_SLOT_BYTES=2097152)

function(tinyinfer_qemu_mps2_an500_variant variant ld_var definitions_var)
  if(NOT variant STREQUAL "")
    message(FATAL_ERROR "qemu-mps2-an500 has no board variants (asked for '${variant}')")
  endif()
  set(${ld_var} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/mps2_an500.ld PARENT_SCOPE)
  set(${definitions_var} "" PARENT_SCOPE)
endfunction()
