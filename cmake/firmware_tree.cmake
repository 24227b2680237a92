# The host build's firmware tree: ONE nested cross build of this project
# (ExternalProject, cmake/arm-none-eabi.cmake) in <build>/firmware-m7 that
# compiles the engine once for the Cortex-M7 and links from it every image the
# host build's tests run or check and the CLI finds without flags:
#
#   firmware/tinyinfer-qemu-mps2-an500-mnist_{float,int8}-optimized.elf   own models (tests/firmware)
#   firmware/tinyinfer-qemu-mps2-an500-{uncompressed,compressed}-{reference,optimized}.elf
#                                                the study's four (with ../shared)
#   firmware/tinyinfer-qemu-mps2-an500-{trained_lstm,keyword_scrambled}-{reference,optimized}.elf
#                                                TFLM's stateful examples (with ../shared)
#   firmware/tinyinfer-teensy40[-flash]-<model>-<kernels>.elf (+ .hex)
#   firmware/tinyinfer-stm32f746-disco[-288-usart6]-<model>-<kernels>.elf (+ .bin, .hex)
#                                                the board matrix (tests/boards)
#   firmware/link/tinyinfer-link-{qemu-mps2-an500,teensy40,stm32f746-disco}.elf
#                                                the host link firmware (tests/link; boards: tests/boards)
#   firmware/bench/tinyinfer-bench-m7.elf        any model (tinyinfer bench-m7)
#   firmware/check/tinyinfer-golden-m7.elf       golden folders (tinyinfer check --m7)
#   tests/firmware_diff/tinyinfer-int8-{diff,bench}.elf  kernel differential test
#
# Included by tests/CMakeLists.txt when TINYINFER_FIRMWARE_TESTS is on. Sets
# TINYINFER_FIRMWARE_TREE_DIR, TINYINFER_BENCH_FIRMWARE_ELF, TINYINFER_GOLDEN_FIRMWARE_ELF,
# TINYINFER_STUDY_MODELS_AVAILABLE, TINYINFER_BOARD_IMAGE_MODELS and
# TINYINFER_BOARD_IMAGE_VARIANTS (<board>:<variant>), TINYINFER_SHELL_GOLDEN_MODELS
# (golden-folder models in QEMU shell images), TINYINFER_LINK_IMAGE_VARIANTS
# and TINYINFER_LINK_FIRMWARE_ELF (the QEMU link firmware), the target
# tinyinfer_firmware_tree (tests that run an image depend on it), and
# tinyinfer_firmware_elf(<out_var> <board> <variant> <model> <kernels>).
include_guard(GLOBAL)
include(ExternalProject)
include(${PROJECT_SOURCE_DIR}/cmake/firmware_images.cmake)

find_program(TINYINFER_ARM_GXX arm-none-eabi-g++)
find_program(TINYINFER_QEMU_ARM qemu-system-arm)
if(NOT TINYINFER_ARM_GXX OR NOT TINYINFER_QEMU_ARM)
  message(FATAL_ERROR
    "The firmware tests need arm-none-eabi-g++ (found: ${TINYINFER_ARM_GXX}) and "
    "qemu-system-arm (found: ${TINYINFER_QEMU_ARM}). Install them with tools/install_deps.sh "
    "(Debian: gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib "
    "qemu-system-arm), or configure with -DTINYINFER_FIRMWARE_TESTS=OFF.")
endif()

set(TINYINFER_FIRMWARE_TREE_DIR ${CMAKE_BINARY_DIR}/firmware-m7)
set(TINYINFER_BENCH_FIRMWARE_ELF ${TINYINFER_FIRMWARE_TREE_DIR}/firmware/bench/tinyinfer-bench-m7.elf)
set(TINYINFER_GOLDEN_FIRMWARE_ELF ${TINYINFER_FIRMWARE_TREE_DIR}/firmware/check/tinyinfer-golden-m7.elf)

# An image's ELF in the tree (<variant> empty: the board's default variant).
function(tinyinfer_firmware_elf out_var board variant model kernels)
  tinyinfer_firmware_image_name(${board} "${variant}" ${model} ${kernels} name)
  set(${out_var} ${TINYINFER_FIRMWARE_TREE_DIR}/firmware/${name}.elf PARENT_SCOPE)
endfunction()

set(TINYINFER_STUDY_MODELS_AVAILABLE OFF)
if(EXISTS ${TINYINFER_SHARED_DIR}/models/mnist_uncompressed.tflite AND
   EXISTS ${TINYINFER_SHARED_DIR}/models/mnist_compressed.tflite)
  set(TINYINFER_STUDY_MODELS_AVAILABLE ON)
endif()

# The images, as <board>:<variant>:<model>:<kernels> (firmware/CMakeLists.txt).
set(_tree_images)
foreach(_model float int8)
  list(APPEND _tree_images "qemu-mps2-an500::${_model}:optimized")
endforeach()
set(TINYINFER_BOARD_IMAGE_MODELS float hybrid int8)
if(TINYINFER_STUDY_MODELS_AVAILABLE)
  foreach(_model uncompressed compressed)
    foreach(_kernels reference optimized)
      list(APPEND _tree_images "qemu-mps2-an500::${_model}:${_kernels}")
    endforeach()
  endforeach()
  list(APPEND TINYINFER_BOARD_IMAGE_MODELS uncompressed compressed)
else()
  message(STATUS "Firmware tree: ${TINYINFER_SHARED_DIR}/models lacks the study's models; "
                 "the study's images are not built, the boards get the project's own models only")
endif()
# TFLite Micro's stateful example models in the shell (key 2): the MNIST
# LSTM on the built-in digit, keyword_scrambled (SVDF, int16 input) on its
# golden case 0, both kernel sets.
set(TINYINFER_SHELL_GOLDEN_MODELS)
foreach(_model trained_lstm keyword_scrambled)
  if(EXISTS ${TINYINFER_SHARED_DIR}/conformance/${_model}/model.tflite)
    list(APPEND TINYINFER_SHELL_GOLDEN_MODELS ${_model})
    foreach(_kernels reference optimized)
      list(APPEND _tree_images "qemu-mps2-an500::${_model}:${_kernels}")
    endforeach()
  endif()
endforeach()
# Teensy 4.0 in both code placements (default itcm), STM32F746 at 216 MHz on
# USART1 (default) and 288 MHz on USART6, as the study wired it.
set(TINYINFER_BOARD_IMAGE_VARIANTS "teensy40:" "teensy40:flash" "stm32f746-disco:" "stm32f746-disco:288-usart6")
foreach(_board_variant IN LISTS TINYINFER_BOARD_IMAGE_VARIANTS)
  foreach(_model IN LISTS TINYINFER_BOARD_IMAGE_MODELS)
    foreach(_kernels reference optimized)
      list(APPEND _tree_images "${_board_variant}:${_model}:${_kernels}")
    endforeach()
  endforeach()
endforeach()

# The link firmware of every board (<board>:<variant>, empty: the board's
# default). The Teensy's runs from flash: every op's code (~350 KB) is more
# than its 128 KB ITCM.
set(TINYINFER_LINK_IMAGE_VARIANTS "qemu-mps2-an500:" "teensy40:flash" "stm32f746-disco:")
# A link image's ELF in the tree (<variant> empty: the board's default).
function(tinyinfer_link_firmware_elf out_var board variant)
  set(name tinyinfer-link-${board})
  if(NOT variant STREQUAL "")
    string(APPEND name -${variant})
  endif()
  set(${out_var} ${TINYINFER_FIRMWARE_TREE_DIR}/firmware/link/${name}.elf PARENT_SCOPE)
endfunction()
tinyinfer_link_firmware_elf(TINYINFER_LINK_FIRMWARE_ELF qemu-mps2-an500 "")

set(_tree_byproducts ${TINYINFER_BENCH_FIRMWARE_ELF} ${TINYINFER_GOLDEN_FIRMWARE_ELF}
    ${TINYINFER_FIRMWARE_TREE_DIR}/tests/firmware_diff/tinyinfer-int8-diff.elf)
foreach(_image IN LISTS _tree_images)
  string(REPLACE ":" ";" _fields "${_image}")
  list(GET _fields 0 _board)
  list(GET _fields 1 _variant)
  list(GET _fields 2 _model)
  list(GET _fields 3 _kernels)
  tinyinfer_firmware_elf(_elf ${_board} "${_variant}" ${_model} ${_kernels})
  list(APPEND _tree_byproducts ${_elf})
endforeach()

# The nested build lists each model's ops with the host CLI (an image links
# only its model's ops) and verifies each embedded model with it.
set(_tree_cli_args)
set(_tree_depends)
if(TARGET tinyinfer_cli)
  set(_tree_cli_args -DTINYINFER_HOST_CLI=$<TARGET_FILE:tinyinfer_cli>)
  set(_tree_depends tinyinfer_cli)
endif()
foreach(_link IN LISTS TINYINFER_LINK_IMAGE_VARIANTS)
  string(REPLACE ":" ";" _fields "${_link}")
  list(GET _fields 0 _board)
  list(GET _fields 1 _variant)
  tinyinfer_link_firmware_elf(_elf ${_board} "${_variant}")
  list(APPEND _tree_byproducts ${_elf})
endforeach()
string(JOIN "|" _tree_image_arg ${_tree_images})
string(JOIN "|" _tree_link_arg ${TINYINFER_LINK_IMAGE_VARIANTS})
ExternalProject_Add(tinyinfer_firmware_tree
  SOURCE_DIR ${PROJECT_SOURCE_DIR}
  BINARY_DIR ${TINYINFER_FIRMWARE_TREE_DIR}
  LIST_SEPARATOR |
  CMAKE_ARGS
    -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/arm-none-eabi.cmake
    -DCMAKE_BUILD_TYPE=Release
    -DTINYINFER_SHARED_DIR=${TINYINFER_SHARED_DIR}
    -DTINYINFER_FIRMWARE_IMAGES=${_tree_image_arg}
    -DTINYINFER_FIRMWARE_LINK_IMAGES=${_tree_link_arg}
    -DTINYINFER_FIRMWARE_BENCH=ON
    -DTINYINFER_FIRMWARE_DIFF=ON
    ${_tree_cli_args}
  DEPENDS ${_tree_depends}
  BUILD_COMMAND ${CMAKE_COMMAND} --build ${TINYINFER_FIRMWARE_TREE_DIR}
  BUILD_BYPRODUCTS ${_tree_byproducts}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON          # the nested build tracks source changes itself
  USES_TERMINAL_BUILD ON)  # it uses every core; one at a time with other pool users
