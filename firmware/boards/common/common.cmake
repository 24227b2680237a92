# Sources in firmware/boards/common, for the boards' TINYINFER_BOARD_SOURCES.
#   TINYINFER_COMMON_SOURCES          every board: start-up, fault reporter, newlib glue
#   TINYINFER_COMMON_SILICON_SOURCES  real chips: + cycle counter and halt
set(TINYINFER_COMMON_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/cortex_m.S
    ${CMAKE_CURRENT_LIST_DIR}/fault.cc
    ${CMAKE_CURRENT_LIST_DIR}/syscalls.cc
    ${CMAKE_CURRENT_LIST_DIR}/interrupts.cc)  # the link UART's handler (link firmware only)
set(TINYINFER_COMMON_SILICON_SOURCES ${TINYINFER_COMMON_SOURCES} ${CMAKE_CURRENT_LIST_DIR}/silicon.cc)
