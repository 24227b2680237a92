#!/usr/bin/env bash
# The full board x model x kernel-set matrix of the silicon board images
# (Teensy 4.0 in both placements, STM32F746-Discovery at 216 and 288 MHz),
# each with its memory report, then one summary file. All images come from
# ONE cross tree (firmware/CMakeLists.txt, TINYINFER_FIRMWARE_IMAGES): the
# engine is compiled once, every image is a link - the same mechanism as the
# host build's firmware tree (cmake/firmware_tree.cmake), which CI checks
# (tests/boards). The layouts match the board presets (teensy40 /
# teensy40-flash, stm32f746-disco / stm32f746-disco-288); one image of one
# preset is `cmake --preset P && cmake --build --preset P`. The images are
# built and checked statically here; none of them has been run on silicon.
#
#   tools/build_boards.sh [board...]   boards: teensy40 stm32f746-disco
# Environment: TINYINFER_SHARED_DIR (default ../shared) for the study's
# models; BOARDS_BUILD_DIR (default build/boards) for the tree and reports;
# BOARD_IMAGE_TESTS=path/to/tinyinfer_board_image_tests to run the static
# checks on every image built here.
#
# Writes <dir>/memory_report.md (one table per image) and <dir>/summary.md
# (one row per image, per board: the figures of firmware/boards/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${TINYINFER_SHARED_DIR:-$root/../shared}
jobs=$(nproc 2>/dev/null || echo 2)
out=${BOARDS_BUILD_DIR:-$root/build/boards}
case $out in /*) ;; *) out=$root/$out ;; esac

boards=("$@")
if [ ${#boards[@]} -eq 0 ]; then
  boards=(teensy40 stm32f746-disco)
fi

# Model option values and the ELF labels they give (firmware/CMakeLists.txt).
models=(float hybrid int8)
labels=(mnist_float mnist_hybrid mnist_int8)
for m in uncompressed compressed; do
  if [ -f "$shared/models/mnist_$m.tflite" ]; then models+=("$m"); labels+=("$m"); fi
done

manifest=$out/board_images.txt
mkdir -p "$out"
: > "$manifest"
report=$out/memory_report.md
{
  echo "# Board memory reports ($(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo
  echo "Built and statically checked; never run on silicon."
} > "$report"
summary=$out/summary.md
{
  echo "# Board memory summary ($(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . 2>/dev/null || echo ', with uncommitted changes'))"
  echo
  echo "text = arm-none-eabi-size's text (code + constants + the model); each region: bytes used (of its size)."
} > "$summary"

# 1234567 -> 1,234,567
commas() { printf "%d" "$1" | sed -E ':a;s/^([0-9]+)([0-9]{3})/\1,\2/;ta'; }
# The .tflite a label was built from (firmware/CMakeLists.txt's model values).
model_file_of() {
  case $1 in
    mnist_float|mnist_hybrid|mnist_int8) echo "$root/models/$1.tflite" ;;
    *) echo "$shared/models/mnist_$1.tflite" ;;
  esac
}
# Per board: its layouts (<name>:<variant>, empty variant = the board's
# default, as its first preset) and memory regions.
board_layouts() {
  case $1 in
    teensy40)        echo "itcm: flash:flash" ;;
    stm32f746-disco) echo "216:216-usart1 288:288-usart1" ;;
    *) echo "unknown board $1 (expected teensy40 or stm32f746-disco)" >&2; return 2 ;;
  esac
}
board_regions() {
  case $1 in
    teensy40)        echo "FLASH:0x60000000:0x1F0000 ITCM:0x0:0x20000 DTCM:0x20000000:0x60000 OCRAM:0x20200000:0x80000" ;;
    stm32f746-disco) echo "FLASH:0x08000000:0x100000 DTCM:0x20000000:0x10000 SRAM:0x20010000:0x40000" ;;
  esac
}

for board in "${boards[@]}"; do
  board_layouts "$board" > /dev/null || exit 2
done

# One tree, every image of every board asked for.
images=()
for board in "${boards[@]}"; do
  for layout in $(board_layouts "$board"); do
    for model in "${models[@]}"; do
      for kernels in reference optimized; do images+=("$board:${layout#*:}:$model:$kernels"); done
    done
  done
done
tree=$out/tree
echo "== one tree ($tree): ${boards[*]} x ${models[*]} x reference, optimized"
cmake -S "$root" -B "$tree" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
  -DCMAKE_BUILD_TYPE=Release -DTINYINFER_FIRMWARE_IMAGES="$(IFS=';'; echo "${images[*]}")" \
  -DTINYINFER_FIRMWARE_BENCH=OFF -DTINYINFER_SHARED_DIR="$shared" \
  -DTINYINFER_HOST_CLI="${TINYINFER_HOST_CLI:-$root/build/host/tools/cli/tinyinfer}" > "$tree.configure.log" 2>&1 ||
  { cat "$tree.configure.log"; exit 1; }
cmake --build "$tree" -j "$jobs" --target tinyinfer_firmware > "$tree.build.log" 2>&1 ||
  { tail -n 40 "$tree.build.log"; exit 1; }

for board in "${boards[@]}"; do
  read -r -a layouts <<< "$(board_layouts "$board")"
  read -r -a regions <<< "$(board_regions "$board")"
  {
    echo
    echo "## $board"
    echo
    header="| layout | model (file B) | kernels | text (B) |"
    rule="|---|---|---|---:|"
    for region in "${regions[@]}"; do
      IFS=: read -r name _ length <<< "$region"
      header+=" $name used of $(commas $((length))) B |"
      rule+="---|"
    done
    echo "$header"
    echo "$rule"
  } >> "$summary"
  for layout in "${layouts[@]}"; do
    for label in "${labels[@]}"; do
      for kernels in reference optimized; do
        variant=${layout#*:}
        [ "$layout" = "${layouts[0]}" ] && variant=""  # the default variant is not in the name
        elf=$tree/firmware/tinyinfer-$board${variant:+-$variant}-$label-$kernels.elf
        [ -f "$elf" ] || { echo "expected $elf" >&2; exit 1; }
        echo "$board $elf" >> "$manifest"
        python3 firmware/boards/memory_report.py --board "$board ${layout%%:*}" "$elf" "${regions[@]}"
        model_file=$(model_file_of "$label")
        python3 firmware/boards/memory_report.py \
          --row "${layout%%:*} | $label ($(commas "$(stat -c %s "$model_file")")) | $kernels" \
          "$elf" "${regions[@]}" >> "$summary"
        {
          echo
          echo "## $board ${layout%%:*}, $label, $kernels kernels"
          echo
          python3 firmware/boards/memory_report.py --markdown "$elf" "${regions[@]}"
        } >> "$report"
      done
    done
  done
done

echo
echo "Memory reports: $report"
echo "Summary: $summary"
if [ -n "${BOARD_IMAGE_TESTS:-}" ]; then
  echo "== static checks of $(wc -l < "$manifest") images"
  TINYINFER_BOARD_MANIFEST=$manifest "$BOARD_IMAGE_TESTS" --gtest_brief=1
fi
