# Generates the C++ reader/builder for our TFLite schema subset with Debian's
# flatc; the headers of libflatbuffers-dev are header-only for our use, so the
# same include path serves the host and the arm-none-eabi build.
find_program(FLATC_EXECUTABLE flatc REQUIRED)
find_path(FLATBUFFERS_INCLUDE_DIR flatbuffers/flatbuffers.h
          PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)

set(TINYINFER_SCHEMA ${PROJECT_SOURCE_DIR}/src/format/tflite_schema.fbs)
set(TINYINFER_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)
set(TINYINFER_SCHEMA_HEADER ${TINYINFER_GENERATED_DIR}/format/tflite_schema_generated.h)

add_custom_command(
  OUTPUT ${TINYINFER_SCHEMA_HEADER}
  COMMAND ${FLATC_EXECUTABLE} --cpp --gen-object-api --scoped-enums
          -o ${TINYINFER_GENERATED_DIR}/format ${TINYINFER_SCHEMA}
  DEPENDS ${TINYINFER_SCHEMA}
  COMMENT "flatc: generating the TFLite schema subset"
  VERBATIM)
add_custom_target(tinyinfer_schema DEPENDS ${TINYINFER_SCHEMA_HEADER})
