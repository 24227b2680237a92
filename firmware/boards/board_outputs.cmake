# Post-link outputs of the silicon boards (teensy40, stm32f746-disco),
# included by their board.cmake. firmware/CMakeLists.txt creates the firmware
# targets after including board.cmake, so the hook is deferred to the end of
# that directory, then applied to every executable there:
#   TINYINFER_BOARD_OUTPUTS         ihex and/or binary: <name>.hex / <name>.bin beside the ELF
#   TINYINFER_BOARD_MEMORY_REGIONS  NAME:origin:length ... for the memory report
find_package(Python3 COMPONENTS Interpreter)

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
    if(Python3_Interpreter_FOUND AND TINYINFER_BOARD_MEMORY_REGIONS)
      add_custom_command(TARGET ${target} POST_BUILD
        COMMAND ${Python3_EXECUTABLE} ${TINYINFER_BOARD_OUTPUTS_DIR}/memory_report.py
                --board ${TINYINFER_BOARD} $<TARGET_FILE:${target}> ${TINYINFER_BOARD_MEMORY_REGIONS}
        VERBATIM)
    endif()
  endforeach()
endfunction()

set(TINYINFER_BOARD_OUTPUTS_DIR ${CMAKE_CURRENT_LIST_DIR})
cmake_language(DEFER CALL tinyinfer_board_add_outputs)
