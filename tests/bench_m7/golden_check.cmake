# ctest script: runs `tinyinfer bench-m7` on a conformance case's input with
# both kernel sets and passes when both output checksums equal the FNV-1a of
# TensorFlow Lite Micro's golden output (int8: byte for byte) - the whole model
# on the emulated Cortex-M7 against TFLM, not only optimized against reference.
#   cmake -DCLI=... -DELF=... -DMODEL=... -DINPUT=in_0.bin -DEXPECTED=out_0.bin -P golden_check.cmake
foreach(var CLI ELF MODEL INPUT EXPECTED)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "golden_check.cmake: -D${var}=... missing")
  endif()
endforeach()

# FNV-1a (32 bit) over the golden bytes, printed as the firmware does ("0x%x").
file(READ ${EXPECTED} hex HEX)
string(LENGTH "${hex}" hex_length)
set(hash 2166136261)
set(i 0)
while(i LESS hex_length)
  string(SUBSTRING "${hex}" ${i} 2 byte)
  math(EXPR hash "((${hash} ^ 0x${byte}) * 16777619) & 0xFFFFFFFF")
  math(EXPR i "${i} + 2")
endwhile()
math(EXPR want "${hash}" OUTPUT_FORMAT HEXADECIMAL)
string(TOLOWER "${want}" want)

execute_process(
  COMMAND ${CLI} bench-m7 ${MODEL} --kernels both --input ${INPUT} --firmware ${ELF} --timeout 120
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bench-m7 failed (exit ${rc})")
endif()
if(NOT out MATCHES "outputs: reference (0x[0-9a-f]+), optimized (0x[0-9a-f]+) -> match")
  message(FATAL_ERROR "no output checksums in the report")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL want OR NOT CMAKE_MATCH_2 STREQUAL want)
  message(FATAL_ERROR "outputs differ from TFLM's golden ${EXPECTED}: want checksum ${want}, "
                      "reference ${CMAKE_MATCH_1}, optimized ${CMAKE_MATCH_2}")
endif()
message("GOLDEN MATCH: both kernel sets equal TFLM's ${EXPECTED} (checksum ${want})")
