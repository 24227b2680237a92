#!/usr/bin/env bash
# Every test of tinyinfer, as CI runs it (.ci/run calls this):
#   0. formatting (clang-format --dry-run --Werror on every C++ file);
#   1. sanitizer build (ASan + UBSan): unit, conformance and CLI tests;
#   2. the model-loader fuzzer for a bounded time on a seed corpus of the
#      shared models (skipped with a message when ../shared is absent);
#   3. the Cortex-M7 engine library build with its size report;
#   4. the main build, clang-tidy on src/ with its compile commands (nothing
#      compiled twice), then unit, conformance, CLI and QEMU end-to-end
#      firmware tests - last, so the output ends with ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${TINYINFER_FUZZ_SECONDS:-60}
shared=${TINYINFER_SHARED_DIR:-$root/../shared}

bash tools/install_deps.sh

echo "== 0/4 formatting"
bash tools/check_format.sh

echo "== 1/4 sanitizers (ASan + UBSan)"
cmake --preset host-asan -DTINYINFER_FIRMWARE_TESTS=OFF -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build build/host-asan -j "$jobs"
(cd build/host-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs")

echo "== 2/4 fuzzing the model loader for ${fuzz_seconds}s"
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

echo "== 3/4 engine library for Cortex-M7 (arm-none-eabi-g++)"
cmake -S . -B build/m7-engine -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
  -DTINYINFER_ENGINE_ONLY=ON >/dev/null
cmake --build build/m7-engine -j "$jobs" --target tinyinfer
arm-none-eabi-size -t build/m7-engine/src/libtinyinfer.a | tail -n 1 | \
  awk '{printf "   libtinyinfer.a for cortex-m7: text %s, data %s, bss %s bytes\n", $1, $2, $3}'

echo "== 4/4 main build: unit, conformance, CLI and QEMU firmware tests"
cmake --preset host -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build build/host -j "$jobs"
bash tools/run_clang_tidy.sh build/host
cd build/host
ctest --output-on-failure -j "$jobs"
