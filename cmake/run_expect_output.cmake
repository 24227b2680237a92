# ctest script: runs a command, shows its output, and fails unless the command
# exited with EXIT_CODE (default 0) AND its output (stdout + stderr) matches
# the regex in PASS_REGEX_FILE AND, when FAIL_REGEX_FILE is given, does not
# match that one. ctest's PASS_REGULAR_EXPRESSION alone ignores the exit code;
# tests/CMakeLists.txt's tinyinfer_add_output_test() uses this instead.
#   cmake -DPASS_REGEX_FILE=<file> [-DFAIL_REGEX_FILE=<file>] [-DEXIT_CODE=<n>]
#         -P run_expect_output.cmake -- <command> [<arg>...]
# The regexes come from files (written at configure time) so that quotes,
# semicolons, newlines and backslashes reach string(REGEX) unchanged; it is
# the same regex engine as ctest's.
cmake_minimum_required(VERSION 3.25)

set(command)
set(after_separator OFF)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 1 ${last})
  if(after_separator)
    string(REPLACE ";" "\\;" arg "${CMAKE_ARGV${i}}")  # one argument, even with a semicolon
    list(APPEND command "${arg}")
  elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
    set(after_separator ON)
  endif()
endforeach()
if(NOT command)
  message(FATAL_ERROR "run_expect_output.cmake: no command after --")
endif()
if(NOT DEFINED PASS_REGEX_FILE)
  message(FATAL_ERROR "run_expect_output.cmake: -DPASS_REGEX_FILE=... missing")
endif()
if(NOT DEFINED EXIT_CODE)
  set(EXIT_CODE 0)
endif()
file(READ "${PASS_REGEX_FILE}" pass_regex)
set(fail_regex "")
if(DEFINED FAIL_REGEX_FILE)
  file(READ "${FAIL_REGEX_FILE}" fail_regex)
endif()

# The output is echoed as it comes (a slow QEMU run shows progress) and kept.
execute_process(COMMAND ${command}
  OUTPUT_VARIABLE output ERROR_VARIABLE output
  ECHO_OUTPUT_VARIABLE ECHO_ERROR_VARIABLE
  RESULT_VARIABLE result)

set(problems "")
if(NOT "${result}" STREQUAL "${EXIT_CODE}")
  string(APPEND problems "\n  exit code ${result}, expected ${EXIT_CODE}")
endif()
if(NOT "${output}" MATCHES "${pass_regex}")
  string(APPEND problems "\n  the output does not match the pass regex: ${pass_regex}")
endif()
if(NOT fail_regex STREQUAL "" AND "${output}" MATCHES "${fail_regex}")
  string(APPEND problems "\n  the output matches the fail regex: ${fail_regex} (at \"${CMAKE_MATCH_0}\")")
endif()
if(NOT problems STREQUAL "")
  list(JOIN command " " command_line)
  message(FATAL_ERROR "run_expect_output.cmake: FAILED: ${command_line}${problems}")
endif()
