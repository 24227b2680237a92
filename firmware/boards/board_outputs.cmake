# Post-link outputs of the silicon boards (teensy40, stm32f746-disco),
# included by their board.cmake. firmware/CMakeLists.txt creates the firmware
# targets after including board.cmake, so the hook is deferred to the end of
# that directory, then applied to every executable there:
#   TINYINFER_BOARD_OUTPUTS         ihex and/or binary: <name>.hex / <name>.bin beside the ELF
#   TINYINFER_BOARD_MEMORY_REGIONS  NAME:origin:length ... for the memory report
#
# python3 is required: every silicon board build prints its memory report
# (memory_report.py), and a build without it would silently lack it.
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

function(tinyinfer_board_add_outputs)
  get_property(targets DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "EXECUTABLE")
      continue()
    endif()
    set(base $<TARGET_FILE_DIR:${target}>/$<TARGET_FILE_BASE_NAME:${target}>)
    foreach(format IN LISTS TINYINFER_BOARD_OUTPUTS)
      if(format STREQUAL "ihex")
        set(suffix .hex)
      elseif(format STREQUAL "binary")
        set(suffix .bin)
      else()
        message(FATAL_ERROR "TINYINFER_BOARD_OUTPUTS: unknown format ${format}")
      endif()
      add_custom_command(TARGET ${target} POST_BUILD
        COMMAND ${CMAKE_OBJCOPY} -O ${format} $<TARGET_FILE:${target}> ${base}${suffix}
        COMMENT "${TINYINFER_BOARD}: ${format} image $<TARGET_FILE_BASE_NAME:${target}>${suffix}"
        VERBATIM)
    endforeach()
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND ${Python3_EXECUTABLE} ${TINYINFER_BOARD_OUTPUTS_DIR}/memory_report.py
              --board ${TINYINFER_BOARD} $<TARGET_FILE:${target}> ${TINYINFER_BOARD_MEMORY_REGIONS}
      VERBATIM)
  endforeach()
endfunction()

set(TINYINFER_BOARD_OUTPUTS_DIR ${CMAKE_CURRENT_LIST_DIR})
cmake_language(DEFER CALL tinyinfer_board_add_outputs)
