#!/usr/bin/env bash
# The full board x model x kernel-set matrix of the silicon board images
# (Teensy 4.0 in both placements, STM32F746-Discovery at 216 and 288 MHz),
# each with its memory report, then one summary table. CI builds a subset
# (tests/boards); this script is the rest. The images are built and checked
# statically here; none of them has been run on silicon.
#
#   tools/build_boards.sh [config...]   configs: teensy40-itcm teensy40-flash
#                                                stm32f746-disco-216 stm32f746-disco-288
# Environment: TINYINFER_SHARED_DIR (default ../shared) for the study's
# models; BOARD_IMAGE_TESTS=path/to/tinyinfer_board_image_tests to run the
# static checks on every image built here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${TINYINFER_SHARED_DIR:-$root/../shared}
jobs=$(nproc 2>/dev/null || echo 2)
out=$root/build/boards

configs=("$@")
if [ ${#configs[@]} -eq 0 ]; then
  configs=(teensy40-itcm teensy40-flash stm32f746-disco-216 stm32f746-disco-288)
fi

models=()
for m in uncompressed compressed; do
  if [ -f "$shared/models/mnist_$m.tflite" ]; then models+=("$m"); fi
done
for m in models/mnist_float.tflite models/mnist_hybrid.tflite models/mnist_int8.tflite; do
  if [ -f "$m" ]; then models+=("$root/$m"); fi
done
if [ ${#models[@]} -eq 0 ]; then
  echo "no models: neither $shared/models/mnist_{uncompressed,compressed}.tflite nor models/mnist_*.tflite" >&2
  exit 1
fi

manifest=$out/board_images.txt
mkdir -p "$out"
: > "$manifest"
report=$out/memory_report.md
{
  echo "# Board memory reports ($(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo
  echo "Built and statically checked; never run on silicon."
} > "$report"

for config in "${configs[@]}"; do
  case $config in
    teensy40-itcm)   board=teensy40; args=(-DTINYINFER_PLACEMENT=itcm)
                     regions=(FLASH:0x60000000:0x1F0000 ITCM:0x0:0x20000 DTCM:0x20000000:0x60000 OCRAM:0x20200000:0x80000) ;;
    teensy40-flash)  board=teensy40; args=(-DTINYINFER_PLACEMENT=flash)
                     regions=(FLASH:0x60000000:0x1F0000 ITCM:0x0:0x20000 DTCM:0x20000000:0x60000 OCRAM:0x20200000:0x80000) ;;
    stm32f746-disco-216) board=stm32f746-disco; args=(-DTINYINFER_STM32_CLOCK_MHZ=216)
                     regions=(FLASH:0x08000000:0x100000 DTCM:0x20000000:0x10000 SRAM:0x20010000:0x40000) ;;
    stm32f746-disco-288) board=stm32f746-disco; args=(-DTINYINFER_STM32_CLOCK_MHZ=288)
                     regions=(FLASH:0x08000000:0x100000 DTCM:0x20000000:0x10000 SRAM:0x20010000:0x40000) ;;
    *) echo "unknown config $config" >&2; exit 2 ;;
  esac
  # One tree per config: the engine is compiled once, each model/kernel
  # choice only re-links (the ELF name carries model and kernel set).
  dir=$out/$config
  for model in "${models[@]}"; do
    for kernels in reference optimized; do
      label=$(basename "$model" .tflite)
      echo "== $config $label $kernels"
      cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
        -DCMAKE_BUILD_TYPE=Release -DTINYINFER_BOARD=$board "${args[@]}" \
        -DTINYINFER_MODEL="$model" -DTINYINFER_KERNELS=$kernels \
        -DTINYINFER_SHARED_DIR="$shared" > "$dir.configure.log" 2>&1 ||
        { cat "$dir.configure.log"; exit 1; }
      cmake --build "$dir" -j "$jobs" --target tinyinfer_firmware > "$dir.build.log" 2>&1 ||
        { tail -n 40 "$dir.build.log"; exit 1; }
      # firmware/CMakeLists.txt names it by the model's C-identifier label.
      elf=$dir/firmware/tinyinfer-$board-${label//[^A-Za-z0-9_]/_}-$kernels.elf
      [ -f "$elf" ] || { echo "expected $elf" >&2; exit 1; }
      echo "$board $elf" >> "$manifest"
      python3 firmware/boards/memory_report.py --board "$config" "$elf" "${regions[@]}"
      {
        echo
        echo "## $config, $label, $kernels kernels"
        echo
        python3 firmware/boards/memory_report.py --markdown "$elf" "${regions[@]}"
      } >> "$report"
    done
  done
done

echo
echo "Memory reports: $report"
if [ -n "${BOARD_IMAGE_TESTS:-}" ]; then
  echo "== static checks of $(wc -l < "$manifest") images"
  TINYINFER_BOARD_MANIFEST=$manifest "$BOARD_IMAGE_TESTS" --gtest_brief=1
fi
