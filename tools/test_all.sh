#!/usr/bin/env bash
# Every test of tinyinfer, as CI runs it (.ci/run calls this):
#   0. formatting (clang-format --dry-run --Werror on every C++ file);
#   1. sanitizer build (ASan + UBSan): unit, conformance (tinyinfer check) and
#      CLI tests;
#   2. the model-loader fuzzer for a bounded time on a seed corpus of the
#      shared models (skipped with a message when ../shared is absent);
#   3. the main build - the host engine, CLI and tests, and the firmware
#      tree that compiles the engine once for the Cortex-M7 and links every
#      image (cmake/firmware_tree.cmake) - with the M7 engine's size,
#      clang-tidy on src/ with its compile commands (nothing compiled twice),
#      then unit, conformance, CLI, QEMU and board-image tests - last, so the
#      output ends with ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${TINYINFER_FUZZ_SECONDS:-60}
shared=${TINYINFER_SHARED_DIR:-$root/../shared}

bash tools/install_deps.sh

echo "== 0/3 formatting"
bash tools/check_format.sh

echo "== 1/3 sanitizers (ASan + UBSan)"
cmake --preset host-asan -DTINYINFER_FIRMWARE_TESTS=OFF -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build build/host-asan -j "$jobs"
(cd build/host-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs")

echo "== 2/3 fuzzing the model loader for ${fuzz_seconds}s"
cmake --preset fuzz -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build build/fuzz -j "$jobs" --target model_loader_fuzz
corpus=build/fuzz/corpus
mkdir -p "$corpus"
if [ -d "$shared/models" ]; then
  cp "$shared"/models/*.tflite "$corpus"/
else
  echo "   ($shared/models is absent: fuzzing from an empty corpus)"
fi
build/fuzz/tests/fuzz/model_loader_fuzz -seed=20261124 -max_total_time="$fuzz_seconds" -rss_limit_mb=4096 \
  -max_len=400000 -print_final_stats=1 "$corpus" 2>&1 | tail -n 12

echo "== 3/3 main build (host, and the Cortex-M7 firmware tree): unit, conformance, CLI, QEMU and board tests"
cmake --preset host -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build build/host -j "$jobs"
# The Cortex-M7 engine of the firmware tree (cmake/firmware_tree.cmake): every
# image above links from this one library build.
arm-none-eabi-size -t build/host/firmware-m7/src/libtinyinfer.a | tail -n 1 | \
  awk '{printf "   libtinyinfer.a for cortex-m7: text %s, data %s, bss %s bytes\n", $1, $2, $3}'
bash tools/run_clang_tidy.sh build/host --changed
cd build/host
ctest --output-on-failure -j "$jobs"
