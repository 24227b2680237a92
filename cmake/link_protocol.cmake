# The host link's protocol core (firmware/link/): frames, COBS, CRC-32,
# SHA-256, both flatbuffers schemas (ours and the study's) and the
# device-side LinkServer. The same sources build for the firmware (no heap,
# no exceptions) and for the host (tests, fuzz target, tools/link client).
#
# Sets TINYINFER_LINK_DIR and the target tinyinfer_link_schema (the generated
# headers <link/link_protocol_generated.h>, <link/study_protocol_generated.h>
# in TINYINFER_GENERATED_DIR), and tinyinfer_link_core: a static library on
# the host (linked with the full engine), an object library in cross builds
# (the image brings the engine and its kernel table).
include_guard(GLOBAL)
set(TINYINFER_LINK_DIR ${PROJECT_SOURCE_DIR}/firmware/link)
set(_link_generated)
foreach(_schema link_protocol study_protocol)
  set(_header ${TINYINFER_GENERATED_DIR}/link/${_schema}_generated.h)
  add_custom_command(
    OUTPUT ${_header}
    COMMAND ${FLATC_EXECUTABLE} --cpp --scoped-enums -o ${TINYINFER_GENERATED_DIR}/link
            ${TINYINFER_LINK_DIR}/${_schema}.fbs
    DEPENDS ${TINYINFER_LINK_DIR}/${_schema}.fbs
    COMMENT "flatc: generating the host link schema ${_schema}.fbs"
    VERBATIM)
  list(APPEND _link_generated ${_header})
endforeach()
add_custom_target(tinyinfer_link_schema DEPENDS ${_link_generated})

set(TINYINFER_LINK_CORE_SOURCES
    ${TINYINFER_LINK_DIR}/cobs.cc
    ${TINYINFER_LINK_DIR}/crc32.cc
    ${TINYINFER_LINK_DIR}/frame.cc
    ${TINYINFER_LINK_DIR}/sha256.cc
    ${TINYINFER_LINK_DIR}/link_server.cc)

if(TINYINFER_CROSS)
  add_library(tinyinfer_link_core OBJECT ${TINYINFER_LINK_CORE_SOURCES})
  target_link_libraries(tinyinfer_link_core PRIVATE tinyinfer_engine)
  # As for the engine: the verifier reports by return value, no assert paths.
  target_compile_definitions(tinyinfer_link_core PRIVATE FLATBUFFERS_ASSERT=\(void\))
  target_compile_options(tinyinfer_link_core PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Os>)
else()
  add_library(tinyinfer_link_core STATIC ${TINYINFER_LINK_CORE_SOURCES})
  target_link_libraries(tinyinfer_link_core PUBLIC tinyinfer)
endif()
add_dependencies(tinyinfer_link_core tinyinfer_link_schema)
target_include_directories(tinyinfer_link_core PUBLIC ${PROJECT_SOURCE_DIR}/firmware ${TINYINFER_GENERATED_DIR})
target_include_directories(tinyinfer_link_core SYSTEM PUBLIC ${FLATBUFFERS_INCLUDE_DIR})
target_compile_options(tinyinfer_link_core PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wshadow>)
