# Board description read by firmware/CMakeLists.txt.
include(${CMAKE_CURRENT_LIST_DIR}/../common/common.cmake)
set(TINYINFER_BOARD_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/startup.S
    ${CMAKE_CURRENT_LIST_DIR}/board.cc
    ${TINYINFER_COMMON_SOURCES})  # common/
set(TINYINFER_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/mps2_an500.ld)
# How to run it (printed after the build; the runner uses the same options).
set(TINYINFER_BOARD_RUN_HINT
    "qemu-system-arm -M mps2-an500 -nographic -monitor none -semihosting -icount shift=0 -kernel")
