# Embeds binary assets into firmware as const arrays (flash), generated at
# build time from the source files, so no hand-made headers go stale:
#
#   tinyinfer_embed_model(<out_var> SYMBOL g_model FILE model.tflite [NAME text]
#                         [OUTPUT_DIR subdir]    (subdir: several models, one tree)
#                         [VERIFY_WITH host-cli])
#     VERIFY_WITH: the build fails unless the host CLI loads the model with the
#     full verifier (Model::load via `tinyinfer ops --for`), so the firmware may
#     skip the flatbuffers verifier (Model::load_verified_at_build).
#     -> alignas(16) const uint8_t g_model[]; const size_t g_model_size;
#        const char g_model_name[]   (16 = tinyinfer::kModelAlignment)
#   tinyinfer_embed_bytes(<out_var> SYMBOL g_sample_input FILE in_0_0.bin [OUTPUT_DIR subdir])
#     -> alignas(16) const uint8_t g_sample_input[]; const size_t g_sample_input_size;
#        const char g_sample_input_name[]   (any file, e.g. a tensor's raw bytes)
#   tinyinfer_embed_pgm(<out_var> SYMBOL g_digit FILE digit.pgm)
#     -> const uint8_t g_digit[]; const int32_t g_digit_width, g_digit_height;
#        (8-bit binary PGM "P5", maxval 255; firmware scales pixel/255)
#
# Each call adds a custom command that runs this same file in script mode
# (cmake -P) and appends the generated .cc to <out_var>.
# Symbols live in namespace tinyinfer::assets.

# Global: the functions are called from other directories than the includer.
set_property(GLOBAL PROPERTY _TI_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_FILE})

function(tinyinfer_embed_model out_var)
  _ti_embed_blob(model ${ARGN})
  set(${out_var} ${${out_var}} ${out} PARENT_SCOPE)
endfunction()

function(tinyinfer_embed_bytes out_var)
  _ti_embed_blob(bytes ${ARGN})
  set(${out_var} ${${out_var}} ${out} PARENT_SCOPE)
endfunction()

# A model or raw bytes: the generated file's path in `out` (caller's scope).
function(_ti_embed_blob kind)
  get_property(_TI_EMBED_SCRIPT GLOBAL PROPERTY _TI_EMBED_SCRIPT)
  cmake_parse_arguments(ARG "" "SYMBOL;FILE;NAME;OUTPUT_DIR;VERIFY_WITH" "" ${ARGN})
  if(NOT ARG_SYMBOL OR NOT ARG_FILE)
    message(FATAL_ERROR "tinyinfer_embed_${kind}: SYMBOL and FILE are required")
  endif()
  if(NOT EXISTS ${ARG_FILE})
    message(FATAL_ERROR "tinyinfer_embed_${kind}: ${ARG_FILE} does not exist")
  endif()
  if(NOT ARG_NAME)
    get_filename_component(ARG_NAME ${ARG_FILE} NAME_WE)
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${ARG_OUTPUT_DIR}/${ARG_SYMBOL}.cc)
  set(verify)
  if(ARG_VERIFY_WITH)
    set(verify -DTI_EMBED_VERIFY_CLI=${ARG_VERIFY_WITH})
  endif()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DTI_EMBED_KIND=${kind} -DTI_EMBED_INPUT=${ARG_FILE}
            -DTI_EMBED_OUTPUT=${out} -DTI_EMBED_SYMBOL=${ARG_SYMBOL}
            -DTI_EMBED_NAME=${ARG_NAME} ${verify} -P ${_TI_EMBED_SCRIPT}
    DEPENDS ${ARG_FILE} ${_TI_EMBED_SCRIPT} ${ARG_VERIFY_WITH}
    COMMENT "Embedding ${ARG_FILE} as ${ARG_SYMBOL}"
    VERBATIM)
  set(out ${out} PARENT_SCOPE)
endfunction()

function(tinyinfer_embed_pgm out_var)
  get_property(_TI_EMBED_SCRIPT GLOBAL PROPERTY _TI_EMBED_SCRIPT)
  cmake_parse_arguments(ARG "" "SYMBOL;FILE" "" ${ARGN})
  if(NOT ARG_SYMBOL OR NOT ARG_FILE)
    message(FATAL_ERROR "tinyinfer_embed_pgm: SYMBOL and FILE are required")
  endif()
  if(NOT EXISTS ${ARG_FILE})
    message(FATAL_ERROR "tinyinfer_embed_pgm: ${ARG_FILE} does not exist")
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${ARG_SYMBOL}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DTI_EMBED_KIND=pgm -DTI_EMBED_INPUT=${ARG_FILE}
            -DTI_EMBED_OUTPUT=${out} -DTI_EMBED_SYMBOL=${ARG_SYMBOL} -P ${_TI_EMBED_SCRIPT}
    DEPENDS ${ARG_FILE} ${_TI_EMBED_SCRIPT}
    COMMENT "Embedding ${ARG_FILE} as ${ARG_SYMBOL}"
    VERBATIM)
  set(${out_var} ${${out_var}} ${out} PARENT_SCOPE)
endfunction()

# ---- script mode: cmake -DTI_EMBED_KIND=... -P embed_model.cmake -----------

# "0a1b..." -> "0x0a,0x1b,..." with 16 bytes per line.
function(_ti_hex_to_initializer hex out_var)
  string(REGEX REPLACE "([0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f])"
         "\\1\n" hex "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
  set(${out_var} "${hex}" PARENT_SCOPE)
endfunction()

# Escapes a string for a C++ string literal.
function(_ti_c_string text out_var)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(_ti_write_model)
  file(SIZE ${TI_EMBED_INPUT} size)
  if(size EQUAL 0)
    message(FATAL_ERROR "embed_model: ${TI_EMBED_INPUT} is empty")
  endif()
  set(verified "not verified at build time: the firmware verifies it when loading")
  if(TI_EMBED_KIND STREQUAL "bytes")
    set(verified "raw bytes, embedded as they are")
  elseif(TI_EMBED_VERIFY_CLI)
    execute_process(COMMAND ${TI_EMBED_VERIFY_CLI} ops --for ${TI_EMBED_INPUT} --format list
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE error)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "embed_model: the model loader refuses ${TI_EMBED_INPUT}: ${error}")
    endif()
    set(verified "verified at build time by the host loader (Model::load)")
    message(STATUS "embed_model: ${TI_EMBED_INPUT} passes the host loader's verification")
  endif()
  file(READ ${TI_EMBED_INPUT} hex HEX)
  _ti_hex_to_initializer("${hex}" body)
  _ti_c_string("${TI_EMBED_NAME}" name)
  file(WRITE ${TI_EMBED_OUTPUT}.tmp
"// Generated by cmake/embed_model.cmake from ${TI_EMBED_INPUT}; do not edit.
// Contents: ${verified}.
#include <cstddef>
#include <cstdint>

namespace tinyinfer::assets {

// 16-byte alignment: tinyinfer::kModelAlignment (flatbuffers read in place).
alignas(16) extern const uint8_t ${TI_EMBED_SYMBOL}[] = {
${body}};
extern const std::size_t ${TI_EMBED_SYMBOL}_size = ${size};
extern const char ${TI_EMBED_SYMBOL}_name[] = \"${name}\";

}  // namespace tinyinfer::assets
")
  file(RENAME ${TI_EMBED_OUTPUT}.tmp ${TI_EMBED_OUTPUT})
endfunction()

# Reads the next whitespace-separated header token of a PGM given as hex
# starting at byte `pos`; skips '#' comments. Sets <token_var> and <pos_var>.
function(_ti_pgm_token hex pos_var token_var)
  set(pos ${${pos_var}})
  string(LENGTH "${hex}" hex_len)
  math(EXPR nbytes "${hex_len} / 2")
  set(token "")
  set(in_comment FALSE)
  while(pos LESS nbytes)
    math(EXPR off "${pos} * 2")
    string(SUBSTRING "${hex}" ${off} 2 byte)
    math(EXPR pos "${pos} + 1")
    if(in_comment)
      if(byte STREQUAL "0a" OR byte STREQUAL "0d")
        set(in_comment FALSE)
      endif()
      continue()
    endif()
    if(byte STREQUAL "20" OR byte STREQUAL "09" OR byte STREQUAL "0a" OR byte STREQUAL "0d")
      if(NOT token STREQUAL "")
        break()  # the single whitespace after maxval is consumed here
      endif()
      continue()
    endif()
    if(byte STREQUAL "23" AND token STREQUAL "")
      set(in_comment TRUE)
      continue()
    endif()
    # Printable ASCII only in the header.
    math(EXPR code "0x${byte}")
    if(code LESS 33 OR code GREATER 126)
      message(FATAL_ERROR "embed_model: ${TI_EMBED_INPUT}: bad byte in PGM header")
    endif()
    string(ASCII ${code} ch)
    string(APPEND token "${ch}")
  endwhile()
  set(${pos_var} ${pos} PARENT_SCOPE)
  set(${token_var} "${token}" PARENT_SCOPE)
endfunction()

function(_ti_write_pgm)
  file(READ ${TI_EMBED_INPUT} hex HEX)
  set(pos 0)
  _ti_pgm_token("${hex}" pos magic)
  _ti_pgm_token("${hex}" pos width)
  _ti_pgm_token("${hex}" pos height)
  _ti_pgm_token("${hex}" pos maxval)
  if(NOT magic STREQUAL "P5")
    message(FATAL_ERROR "embed_model: ${TI_EMBED_INPUT} is not a binary PGM (P5)")
  endif()
  if(NOT width MATCHES "^[0-9]+$" OR NOT height MATCHES "^[0-9]+$" OR NOT maxval STREQUAL "255")
    message(FATAL_ERROR "embed_model: ${TI_EMBED_INPUT}: need width, height and maxval 255")
  endif()
  math(EXPR pixels "${width} * ${height}")
  math(EXPR off "${pos} * 2")
  math(EXPR hex_pixels "${pixels} * 2")
  string(LENGTH "${hex}" hex_len)
  math(EXPR available "${hex_len} - ${off}")
  if(available LESS hex_pixels)
    message(FATAL_ERROR "embed_model: ${TI_EMBED_INPUT} is truncated (${pixels} pixels expected)")
  endif()
  string(SUBSTRING "${hex}" ${off} ${hex_pixels} data)
  _ti_hex_to_initializer("${data}" body)
  file(WRITE ${TI_EMBED_OUTPUT}.tmp
"// Generated by cmake/embed_model.cmake from ${TI_EMBED_INPUT}; do not edit.
#include <cstdint>

namespace tinyinfer::assets {

// ${width}x${height} grayscale, row-major, 0 = background, 255 = ink.
extern const uint8_t ${TI_EMBED_SYMBOL}[] = {
${body}};
extern const int32_t ${TI_EMBED_SYMBOL}_width = ${width};
extern const int32_t ${TI_EMBED_SYMBOL}_height = ${height};

}  // namespace tinyinfer::assets
")
  file(RENAME ${TI_EMBED_OUTPUT}.tmp ${TI_EMBED_OUTPUT})
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND DEFINED TI_EMBED_KIND)
  get_filename_component(_dir ${TI_EMBED_OUTPUT} DIRECTORY)
  file(MAKE_DIRECTORY ${_dir})
  if(TI_EMBED_KIND STREQUAL "model" OR TI_EMBED_KIND STREQUAL "bytes")
    _ti_write_model()
  elseif(TI_EMBED_KIND STREQUAL "pgm")
    _ti_write_pgm()
  else()
    message(FATAL_ERROR "embed_model: unknown TI_EMBED_KIND '${TI_EMBED_KIND}'")
  endif()
endif()
