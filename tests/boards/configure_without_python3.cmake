# ctest -R boards.configure_without_python3: a silicon board configure with no
# usable python3 must stop with board_outputs.cmake's message, not go on
# without the memory report.
#   cmake -DSOURCE_DIR=<repo> -DBINARY_DIR=<scratch dir> -DBOARD=<board> -P configure_without_python3.cmake
file(REMOVE_RECURSE ${BINARY_DIR})
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G Ninja
          -DCMAKE_TOOLCHAIN_FILE=${SOURCE_DIR}/cmake/arm-none-eabi.cmake
          -DTINYINFER_BOARD=${BOARD} -DPython3_EXECUTABLE=${BINARY_DIR}/no-such-python3
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
file(REMOVE_RECURSE ${BINARY_DIR})
if(result EQUAL 0)
  message(FATAL_ERROR "${BOARD}: configure without python3 succeeded; it must fail:\n${output}")
endif()
string(REGEX REPLACE "[ \n]+" " " flat "${output}")
if(NOT flat MATCHES "needs python3 for the memory report")
  message(FATAL_ERROR "${BOARD}: configure failed, but not with the python3 message:\n${output}")
endif()
message(STATUS "${BOARD}: configure without python3 fails with the expected message")
