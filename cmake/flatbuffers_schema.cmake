# Generates the C++ reader/builder for our TFLite schema subset with Debian's
# flatc; the headers of libflatbuffers-dev are header-only for our use, so the
# same include path serves the host and the arm-none-eabi build.
find_program(FLATC_EXECUTABLE flatc REQUIRED)
find_path(FLATBUFFERS_INCLUDE_DIR flatbuffers/flatbuffers.h
          PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)

set(TINYINFER_SCHEMA ${PROJECT_SOURCE_DIR}/src/format/tflite_schema.fbs)
set(TINYINFER_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)
set(TINYINFER_SCHEMA_HEADER ${TINYINFER_GENERATED_DIR}/format/tflite_schema_generated.h)

# Two headers from one schema. The engine's (format/...) has no object API:
# it is four fifths of the header's parse time (0.8 s instead of 4.6 s per op
# file with arm-none-eabi-g++ -Os, 0.9 s instead of 3.7 s with clang -O1 and
# sanitizers), paid by every op's compile. The host code that writes models
# (src/convert, tools, tests: ModelT, Pack/UnPack) includes the same path
# through tinyinfer_internal, which puts object_api/ first. Both define the
# same tables with the same layout; the second only adds the T types and the
# Pack/UnPack members.
add_custom_command(
  OUTPUT ${TINYINFER_SCHEMA_HEADER}
  COMMAND ${FLATC_EXECUTABLE} --cpp --scoped-enums -o ${TINYINFER_GENERATED_DIR}/format ${TINYINFER_SCHEMA}
  DEPENDS ${TINYINFER_SCHEMA}
  COMMENT "flatc: generating the TFLite schema subset (engine)"
  VERBATIM)
set(TINYINFER_SCHEMA_OUTPUTS ${TINYINFER_SCHEMA_HEADER})
if(NOT TINYINFER_CROSS)
  set(TINYINFER_OBJECT_API_DIR ${TINYINFER_GENERATED_DIR}/object_api)
  set(_object_api_header ${TINYINFER_OBJECT_API_DIR}/format/tflite_schema_generated.h)
  add_custom_command(
    OUTPUT ${_object_api_header}
    COMMAND ${FLATC_EXECUTABLE} --cpp --scoped-enums --gen-object-api -o ${TINYINFER_OBJECT_API_DIR}/format
            ${TINYINFER_SCHEMA}
    DEPENDS ${TINYINFER_SCHEMA}
    COMMENT "flatc: generating the TFLite schema subset with the object API (host tools and tests)"
    VERBATIM)
  list(APPEND TINYINFER_SCHEMA_OUTPUTS ${_object_api_header})
endif()
add_custom_target(tinyinfer_schema DEPENDS ${TINYINFER_SCHEMA_OUTPUTS})
