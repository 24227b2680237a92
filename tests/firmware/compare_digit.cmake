# cmake -DDRAW=draw_digit -DOUT=new.pgm -DCOMMITTED=models/digit_8.pgm -P compare_digit.cmake
execute_process(COMMAND ${DRAW} ${OUT} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "draw_digit failed (${rc})")
endif()
file(SHA256 ${OUT} new_hash)
file(SHA256 ${COMMITTED} committed_hash)
if(NOT new_hash STREQUAL committed_hash)
  message(FATAL_ERROR "${COMMITTED} differs from what tools/digit/draw_digit.cc draws (${OUT}); "
                      "regenerate it: draw_digit models/digit_8.pgm")
endif()
message(STATUS "digit_8.pgm reproduced exactly")
