# ctest script: the optimized kernels' arena on the emulated Cortex-M7 (kernel
# scratch included) stays at or below a bound - TensorFlow Lite Micro's arena
# for the same model on the same core (issue 4) - and the outputs still match
# the reference kernels. Memory is deterministic, so this is a test, not a
# benchmark threshold.
#   cmake -DCLI=... -DELF=... -DMODEL=... -DMAX_ARENA=N [-DFLAGS="--small-arena"] -P arena_check.cmake
separate_arguments(_flags UNIX_COMMAND "${FLAGS}")
execute_process(
  COMMAND ${CLI} bench-m7 ${MODEL} --kernels both --json --firmware ${ELF} --timeout 120 ${_flags}
  OUTPUT_VARIABLE json ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bench-m7 failed (exit ${rc}):\n${err}\n${json}")
endif()
string(JSON match GET "${json}" outputs_match)
if(NOT match)
  message(FATAL_ERROR "outputs_match is ${match}")
endif()
string(JSON arena GET "${json}" optimized arena_bytes)
if(arena GREATER MAX_ARENA)
  message(FATAL_ERROR "optimized arena ${arena} bytes > ${MAX_ARENA} (${MODEL} ${FLAGS})")
endif()
message("ARENA OK: ${arena} <= ${MAX_ARENA} bytes")
