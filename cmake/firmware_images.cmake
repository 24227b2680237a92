# What names a firmware image, shared by the cross tree that builds it
# (firmware/CMakeLists.txt) and the host build that runs and checks it
# (cmake/firmware_tree.cmake), so both agree on every ELF path.
include_guard(GLOBAL)

# A model option value (float | hybrid | int8: models/mnist_<x>.tflite;
# uncompressed | compressed: the study's, in TINYINFER_SHARED_DIR/models; the
# name of a golden folder of TINYINFER_SHARED_DIR/conformance such as
# trained_lstm or keyword_scrambled; or a .tflite path) -> <prefix>_file,
# <prefix>_label (the ELF name's part) and <prefix>_golden_dir (the golden
# folder whose case 0 the image embeds, empty for the others).
function(tinyinfer_resolve_model value prefix)
  set(golden_dir "")
  if(value STREQUAL "float" OR value STREQUAL "hybrid" OR value STREQUAL "int8")
    set(value ${PROJECT_SOURCE_DIR}/models/mnist_${value}.tflite)
  endif()
  if(value STREQUAL "uncompressed" OR value STREQUAL "compressed")
    set(label ${value})
    set(file ${TINYINFER_SHARED_DIR}/models/mnist_${value}.tflite)
    if(NOT EXISTS ${file})
      message(FATAL_ERROR
        "model ${value} needs the study's model ${file}, which is missing. "
        "Set TINYINFER_SHARED_DIR to the folder holding models/, or pass a .tflite path as TINYINFER_MODEL.")
    endif()
  elseif(value MATCHES "^[A-Za-z0-9_]+$" AND EXISTS ${TINYINFER_SHARED_DIR}/conformance/${value}/model.tflite)
    set(label ${value})
    set(golden_dir ${TINYINFER_SHARED_DIR}/conformance/${value})
    set(file ${golden_dir}/model.tflite)
  else()
    get_filename_component(file ${value} ABSOLUTE BASE_DIR ${PROJECT_SOURCE_DIR})
    if(NOT EXISTS ${file})
      message(FATAL_ERROR "model ${value}: ${file} does not exist (expected float, hybrid, int8, uncompressed, "
                          "compressed, a folder name of ${TINYINFER_SHARED_DIR}/conformance or a .tflite path)")
    endif()
    get_filename_component(label ${file} NAME_WE)
    string(MAKE_C_IDENTIFIER ${label} label)
  endif()
  set(${prefix}_file ${file} PARENT_SCOPE)
  set(${prefix}_label ${label} PARENT_SCOPE)
  set(${prefix}_golden_dir "${golden_dir}" PARENT_SCOPE)
endfunction()

# tinyinfer-<board>[-<variant>]-<model label>-<kernels>: the variant is named
# unless empty (the board's default variant).
function(tinyinfer_firmware_image_name board variant model kernels out_var)
  tinyinfer_resolve_model(${model} model)
  set(name tinyinfer-${board})
  if(NOT variant STREQUAL "")
    string(APPEND name -${variant})
  endif()
  set(${out_var} ${name}-${model_label}-${kernels} PARENT_SCOPE)
endfunction()
