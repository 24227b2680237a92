# ctest script: `tinyinfer bench-m7 --kernels both --json` on one model gives
# JSON that bench/run_m7.sh can use: both kernel sets with instructions, MACs,
# arena bytes and one entry per op, outputs_match true, exit_code 0; and the
# kernels keep their working memory in the arena: invoke() stays under 2 KiB
# of stack (the firmware's painted high-water mark).
#   cmake -DCLI=... -DELF=... -DMODEL=... -P json_check.cmake
execute_process(
  COMMAND ${CLI} bench-m7 ${MODEL} --kernels both --json --firmware ${ELF} --timeout 120
  OUTPUT_VARIABLE json ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bench-m7 failed (exit ${rc}):\n${err}\n${json}")
endif()
string(JSON match ERROR_VARIABLE json_error GET "${json}" outputs_match)
if(json_error)
  message(FATAL_ERROR "not the expected JSON (${json_error}):\n${json}")
endif()
if(NOT match)
  message(FATAL_ERROR "outputs_match is ${match}")
endif()
foreach(set reference optimized)
  foreach(key instructions macs arena_bytes stack_peak_bytes)
    string(JSON value GET "${json}" ${set} ${key})
    if(NOT value GREATER 0)
      message(FATAL_ERROR "${set}.${key} = ${value}, want > 0")
    endif()
  endforeach()
  string(JSON stack GET "${json}" ${set} stack_peak_bytes)
  if(NOT stack LESS 2048)
    message(FATAL_ERROR "${set}: invoke() used ${stack} bytes of stack (kernel scratch belongs in the arena)")
  endif()
  string(JSON ops LENGTH "${json}" ${set} ops)
  string(JSON first_op GET "${json}" ${set} ops 0 op)
  message("${set}: ${ops} ops, first ${first_op}")
  if(ops LESS 1)
    message(FATAL_ERROR "${set}: no per-op records")
  endif()
endforeach()
message("JSON OK")
