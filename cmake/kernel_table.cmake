# The kernel table of an image: which ops and kernels it links.
#
#   tinyinfer_kernel_table(OUTPUT <file.cc>
#                          [OPS ALL | CONV_2D SOFTMAX:int8 ...]
#                          [KERNELS all | reference | optimized])
#
# Each op lives in src/ops/<op in lower case>/; every kernel file there (and
# in its architecture folders, e.g. cortex_m7/) registers its kernels with a
# TINYINFER_KERNEL_LIST(<name>, ...) line, <name> = <op folder>_<type>
# (reference: conv_2d_int8) or <op folder>_<type>_<arch> (conv_2d_int8_cortex_m7).
# This scans those lines and writes a table of the lists asked for, so adding
# a kernel file or an op folder needs no edit of a shared list:
#   - OPS: op names, each optionally with one type (CONV_2D:float32), as
#     `tinyinfer ops --for MODEL --format cmake` prints them; ALL = every op;
#   - KERNELS all: every list (the host library: both kernel sets at run
#     time); reference: the reference lists only; optimized: the architecture
#     variant of a type where one exists, else its reference list (a variant
#     replaces its reference file for that image).
#   Host SIMD variants (folder host/, lists <op folder>_<type>_host) join
#   the `all` and `optimized` tables of host builds with Highway
#   (TINYINFER_HOST_KERNELS, src/CMakeLists.txt) and no other table; they add
#   to the lists above (their OpKernel::target tells selection what they are).
# The linker's --gc-sections then drops every kernel the table does not reach.
include_guard(GLOBAL)
get_filename_component(_ops_dir ${CMAKE_CURRENT_LIST_DIR}/../src/ops ABSOLUTE)
set(TINYINFER_OPS_DIR ${_ops_dir} CACHE INTERNAL "The op folders")
# The architecture whose variants the optimized set uses (the folder name
# under each op, and the suffix of its kernel lists).
set(TINYINFER_KERNEL_ARCH cortex_m7 CACHE INTERNAL "Architecture of the optimized kernel variants")

# Every op folder's builtin op name (folder conv_2d -> CONV_2D).
function(tinyinfer_all_ops out_var)
  file(GLOB children LIST_DIRECTORIES true RELATIVE ${TINYINFER_OPS_DIR} ${TINYINFER_OPS_DIR}/*)
  set(ops)
  foreach(child IN LISTS children)
    if(IS_DIRECTORY ${TINYINFER_OPS_DIR}/${child} AND NOT child STREQUAL "common")
      string(TOUPPER ${child} op)
      list(APPEND ops ${op})
    endif()
  endforeach()
  list(SORT ops)
  set(${out_var} ${ops} PARENT_SCOPE)
endfunction()

function(tinyinfer_kernel_table)
  cmake_parse_arguments(arg "" "OUTPUT;KERNELS" "OPS" ${ARGN})
  if(NOT arg_OUTPUT)
    message(FATAL_ERROR "tinyinfer_kernel_table: OUTPUT is required")
  endif()
  if(NOT arg_KERNELS)
    set(arg_KERNELS all)
  endif()
  if(NOT arg_KERNELS MATCHES "^(all|reference|optimized)$")
    message(FATAL_ERROR "tinyinfer_kernel_table: KERNELS ${arg_KERNELS}: expected all, reference or optimized")
  endif()
  if(NOT arg_OPS OR arg_OPS STREQUAL "ALL")
    tinyinfer_all_ops(arg_OPS)
  endif()

  set(lists)
  set(scanned)
  foreach(entry IN LISTS arg_OPS)
    string(REPLACE ":" ";" parts "${entry}")
    list(GET parts 0 op)
    list(LENGTH parts part_count)
    set(type "")
    if(part_count GREATER 1)
      list(GET parts 1 type)
    endif()
    string(TOLOWER ${op} folder)
    if(NOT IS_DIRECTORY ${TINYINFER_OPS_DIR}/${folder} OR folder STREQUAL "common")
      tinyinfer_all_ops(known)
      string(REPLACE ";" " " known "${known}")
      message(FATAL_ERROR "tinyinfer_kernel_table: op ${op} has no folder src/ops/${folder} (ops: ${known})")
    endif()
    file(GLOB_RECURSE files ${TINYINFER_OPS_DIR}/${folder}/*.cc)
    list(SORT files)
    set(reference_lists)
    set(variant_lists)
    set(host_lists)
    foreach(file IN LISTS files)
      list(APPEND scanned ${file})
      # The list name follows the macro, possibly on the next line (clang-format).
      file(READ ${file} content)
      string(REGEX MATCHALL "\nTINYINFER_KERNEL_LIST\\([ \t\r\n]*[a-z0-9_]+," lines "${content}")
      foreach(line IN LISTS lines)
        string(REGEX REPLACE "^\nTINYINFER_KERNEL_LIST\\([ \t\r\n]*([a-z0-9_]+),$" "\\1" name "${line}")
        get_filename_component(file_dir ${file} DIRECTORY)
        if(file_dir STREQUAL ${TINYINFER_OPS_DIR}/${folder})
          list(APPEND reference_lists ${name})
        elseif(file_dir STREQUAL ${TINYINFER_OPS_DIR}/${folder}/${TINYINFER_KERNEL_ARCH})
          if(NOT name MATCHES "_${TINYINFER_KERNEL_ARCH}$")
            message(FATAL_ERROR "${file}: kernel list ${name} must end in _${TINYINFER_KERNEL_ARCH}, its folder")
          endif()
          list(APPEND variant_lists ${name})
        elseif(file_dir STREQUAL ${TINYINFER_OPS_DIR}/${folder}/host)
          if(NOT name MATCHES "_host$")
            message(FATAL_ERROR "${file}: kernel list ${name} must end in _host, its folder")
          endif()
          list(APPEND host_lists ${name})
        endif()
      endforeach()
    endforeach()
    # One type: the lists of that type only.
    if(type)
      list(FILTER reference_lists INCLUDE REGEX "^${folder}_${type}$")
      list(FILTER variant_lists INCLUDE REGEX "^${folder}_${type}_${TINYINFER_KERNEL_ARCH}$")
      list(FILTER host_lists INCLUDE REGEX "^${folder}_${type}_host$")
      if(NOT reference_lists)
        message(FATAL_ERROR "tinyinfer_kernel_table: ${op}:${type}: no kernel list ${folder}_${type} in src/ops/${folder}")
      endif()
    endif()
    if(NOT reference_lists AND NOT variant_lists)
      message(FATAL_ERROR "tinyinfer_kernel_table: src/ops/${folder} registers no kernels")
    endif()
    if(NOT TINYINFER_HOST_KERNELS)
      set(host_lists)
    endif()
    if(arg_KERNELS STREQUAL "all")
      list(APPEND lists ${host_lists} ${variant_lists} ${reference_lists})
    elseif(arg_KERNELS STREQUAL "reference")
      list(APPEND lists ${reference_lists})
    else()
      list(APPEND lists ${host_lists} ${variant_lists})
      foreach(name IN LISTS reference_lists)
        if(NOT "${name}_${TINYINFER_KERNEL_ARCH}" IN_LIST variant_lists)
          list(APPEND lists ${name})
        endif()
      endforeach()
    endif()
  endforeach()
  # Re-run the scan when a kernel file changes (a new file: CONFIGURE_DEPENDS globs in src/).
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${scanned})

  string(REPLACE ";" " " op_text "${arg_OPS}")
  set(text "// Generated by cmake/kernel_table.cmake: ops ${op_text}; kernels ${arg_KERNELS}.\n")
  string(APPEND text "#include \"runtime/op_kernel.h\"\n\nnamespace tinyinfer {\n\n")
  foreach(name IN LISTS lists)
    string(APPEND text "extern const KernelList kernels_${name};\n")
  endforeach()
  string(APPEND text "\nconst KernelTable& linked_kernels() {\n  static const KernelList* const lists[] = {\n")
  foreach(name IN LISTS lists)
    string(APPEND text "      &kernels_${name},\n")
  endforeach()
  list(LENGTH lists count)
  string(APPEND text "  };\n  static const KernelTable table = {lists, ${count}};\n  return table;\n}\n\n}  // namespace tinyinfer\n")
  # Written only when it changes, so an unchanged table does not rebuild.
  file(CONFIGURE OUTPUT ${arg_OUTPUT} CONTENT "${text}" @ONLY)
endfunction()
