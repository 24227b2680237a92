#!/usr/bin/env bash
# The main job: the study's four configurations on an emulated Cortex-M7.
#
#   1. installs what is missing (tools/install_deps.sh: cmake, arm-none-eabi, QEMU, ...);
#   2. builds the host CLI (build/host) and the four firmwares
#      {uncompressed, compressed} x {reference, optimized}
#      in one cross tree, the engine compiled once
#      (build/m7-study/firmware/*.elf, each printing its size report);
#   3. runs each firmware in QEMU (mps2-an500, -icount shift=0) through its serial
#      shell, runs the host engine on the same four, and prints the study's table
#      per layer and in total (QEMU instructions; host microseconds).
#      JSON of everything: build/study.json.
#
# Runs the study's own models from ../shared/models (or TINYINFER_SHARED_DIR);
# where they are absent (a plain clone) it runs the project's own pair instead,
# models/mnist_float.tflite and models/mnist_hybrid.tflite (the same Keras
# architecture trained here, float and int8-weight), and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
shared=${TINYINFER_SHARED_DIR:-$root/../shared}

if [ -f "$shared/models/mnist_uncompressed.tflite" ] && [ -f "$shared/models/mnist_compressed.tflite" ]; then
  models=(uncompressed compressed)  # firmware option values, also the ELF labels
  labels=(uncompressed compressed)
  models_dir=$shared/models
  echo "run_study: the study's models, $models_dir/mnist_{uncompressed,compressed}.tflite"
else
  models=(float hybrid)
  labels=(mnist_float mnist_hybrid)
  models_dir=$root/models
  echo "run_study: $shared/models lacks the study's models (a plain clone has no ../shared):"
  echo "run_study: running the project's own models/mnist_float.tflite and models/mnist_hybrid.tflite instead"
fi

bash tools/install_deps.sh

echo "== host CLI (build/host)"
cmake -S . -B build/host -G Ninja -DCMAKE_BUILD_TYPE=Release -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build build/host -j "$jobs" --target tinyinfer_cli

# One cross tree for the four: the engine is compiled once, each
# configuration is its own kernel table and link (firmware/CMakeLists.txt,
# TINYINFER_FIRMWARE_MODEL_SET: each model x {reference, optimized}).
dir=build/m7-study
echo "== firmware: ${models[*]} x {reference, optimized} ($dir)"
cmake -S . -B "$dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
  -DCMAKE_BUILD_TYPE=Release -DTINYINFER_BOARD=qemu-mps2-an500 \
  -DTINYINFER_FIRMWARE_MODEL_SET="${models[0]};${models[1]}" -DTINYINFER_FIRMWARE_BENCH=OFF \
  -DTINYINFER_HOST_CLI="$root/build/host/tools/cli/tinyinfer" \
  -DTINYINFER_SHARED_DIR="$shared" >/dev/null
log=$dir/build.log
if ! cmake --build "$dir" -j "$jobs" --target tinyinfer_firmware >"$log" 2>&1; then
  cat "$log" >&2
  echo "run_study: the firmware build in $dir failed" >&2
  exit 1
fi
# Size report (also printed by the build's post-build step when it links).
for label in "${labels[@]}"; do
  for kernels in reference optimized; do
    arm-none-eabi-size --format=berkeley "$dir"/firmware/tinyinfer-qemu-mps2-an500-$label-$kernels.elf
  done
done

echo "== the study: QEMU runs of the four firmwares, host runs of the same four"
build/host/tools/cli/tinyinfer study --firmware-dir "$dir/firmware" --models "${labels[0]},${labels[1]}" \
  --models-dir "$models_dir" --json build/study.json
