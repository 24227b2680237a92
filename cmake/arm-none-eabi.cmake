# Cross toolchain for Cortex-M7 with the double-precision FPU (fpv5-d16),
# hard-float ABI, newlib-nano. Used by the m7-* presets and by the host
# build's nested firmware builds (tests/firmware).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR cortex-m7)

set(TINYINFER_ARM_PREFIX arm-none-eabi- CACHE STRING "Prefix of the cross tools")
find_program(TINYINFER_ARM_GCC ${TINYINFER_ARM_PREFIX}gcc)
if(NOT TINYINFER_ARM_GCC)
  message(FATAL_ERROR "${TINYINFER_ARM_PREFIX}gcc not found: run tools/install_deps.sh "
                      "(Debian: gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib)")
endif()
get_filename_component(_ti_arm_bin ${TINYINFER_ARM_GCC} DIRECTORY)

set(CMAKE_C_COMPILER   ${_ti_arm_bin}/${TINYINFER_ARM_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${_ti_arm_bin}/${TINYINFER_ARM_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${_ti_arm_bin}/${TINYINFER_ARM_PREFIX}gcc)
set(CMAKE_OBJCOPY      ${_ti_arm_bin}/${TINYINFER_ARM_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_SIZE         ${_ti_arm_bin}/${TINYINFER_ARM_PREFIX}size CACHE FILEPATH "")

# try_compile cannot link without a linker script and startup code.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(_ti_cpu "-mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard")
set(CMAKE_C_FLAGS_INIT   "${_ti_cpu} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${_ti_cpu} -ffunction-sections -fdata-sections -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-unwind-tables -fno-asynchronous-unwind-tables")
set(CMAKE_ASM_FLAGS_INIT "${_ti_cpu} -x assembler-with-cpp")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_ti_cpu} --specs=nano.specs -nostartfiles -Wl,--gc-sections")

# Host headers-only dependencies (flatbuffers) are found with
# NO_CMAKE_FIND_ROOT_PATH by the project; programs (flatc) run on the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# flatbuffers is header-only and comes from the host's /usr/include. Putting
# /usr/include itself on a cross compiler's include path shadows newlib's
# libc headers (glibc's <stdint.h> wants <bits/...>), so expose only the
# flatbuffers folder through a private include root; the project's
# find_path(FLATBUFFERS_INCLUDE_DIR) keeps a preset cache value.
if(NOT DEFINED CACHE{FLATBUFFERS_INCLUDE_DIR} AND EXISTS /usr/include/flatbuffers/flatbuffers.h)
  set(_ti_cross_include ${CMAKE_BINARY_DIR}/cross-include)
  file(MAKE_DIRECTORY ${_ti_cross_include})
  if(NOT EXISTS ${_ti_cross_include}/flatbuffers)
    file(CREATE_LINK /usr/include/flatbuffers ${_ti_cross_include}/flatbuffers SYMBOLIC)
  endif()
  set(FLATBUFFERS_INCLUDE_DIR ${_ti_cross_include} CACHE PATH
      "flatbuffers headers for the cross build (host /usr/include/flatbuffers only)")
endif()
