# Included by the silicon boards' board.cmake (teensy40, stm32f746-disco):
# their images get <name>.hex / <name>.bin (TINYINFER_BOARD_OUTPUTS: ihex,
# binary) and a memory report (memory_report.py over
# TINYINFER_BOARD_MEMORY_REGIONS NAME:origin:length ...) after every link;
# firmware/CMakeLists.txt adds those steps per image.
#
# python3 is required: every silicon board build prints its memory report,
# and a build without it would silently lack it.
find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(FATAL_ERROR "TINYINFER_BOARD=${TINYINFER_BOARD} needs python3 for the memory report "
                      "(firmware/boards/memory_report.py), and none was found: run tools/install_deps.sh "
                      "(Debian: apt-get install python3), or point CMake at one with -DPython3_EXECUTABLE=<path>.")
endif()
if(NOT TINYINFER_BOARD_MEMORY_REGIONS)
  message(FATAL_ERROR "${TINYINFER_BOARD}: board.cmake must set TINYINFER_BOARD_MEMORY_REGIONS before "
                      "including board_outputs.cmake")
endif()
set(TINYINFER_BOARD_MEMORY_REPORT ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/memory_report.py)
