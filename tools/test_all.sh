#!/usr/bin/env bash
# Every test of tinyinfer, as CI runs it (.ci/run calls this). The engine is
# compiled once per toolchain: one clang tree (preset `ci`) builds the engine,
# CLI, tests and fuzz targets with ASan + UBSan (and libFuzzer's coverage), and
# its firmware tree compiles the engine once for the Cortex-M7 and links every
# image from it.
#   0. formatting (clang-format --dry-run --Werror on every C++ file);
#   1. the build, with the M7 engine's size;
#   2. every libFuzzer target for a bounded time on its seed corpus (the
#      shared models when ../shared is present);
#   3. clang-tidy on src/ with the build's compile commands (nothing compiled
#      twice), then every test - unit, conformance (tinyinfer check),
#      CLI, QEMU and board-image tests - under the sanitizers; last, so the
#      output ends with ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${TINYINFER_FUZZ_SECONDS:-15}
shared=${TINYINFER_SHARED_DIR:-$root/../shared}
build=build/ci

bash tools/install_deps.sh

echo "== 0/3 formatting"
bash tools/check_format.sh

echo "== 1/3 build: engine, CLI, tests and fuzz targets (clang, ASan + UBSan), and the Cortex-M7 firmware tree"
cmake --preset ci -DTINYINFER_SHARED_DIR="$shared" >/dev/null
cmake --build "$build" -j "$jobs"
# Every firmware image links from this one Cortex-M7 library build.
arm-none-eabi-size -t "$build"/firmware-m7/src/libtinyinfer.a | tail -n 1 |
  awk '{printf "   libtinyinfer.a for cortex-m7: text %s, data %s, bss %s bytes\n", $1, $2, $3}'

echo "== 2/3 fuzzing, ${fuzz_seconds}s per target"
corpus=$build/corpus/model_loader
mkdir -p "$corpus"
if [ -d "$shared/models" ]; then
  cp "$shared"/models/*.tflite "$corpus"/
else
  echo "   ($shared/models is absent: fuzzing the model loader from an empty corpus)"
fi
for target in "$build"/tests/fuzz/*_fuzz; do
  name=$(basename "$target")
  seeds=$build/corpus/${name%_fuzz}
  mkdir -p "$seeds"
  echo "-- $name"
  "$target" -seed=20261124 -max_total_time="$fuzz_seconds" -rss_limit_mb=4096 -max_len=400000 \
    -print_final_stats=1 "$seeds" 2>&1 | tail -n 12
done

echo "== 3/3 clang-tidy, then every test under ASan + UBSan"
bash tools/run_clang_tidy.sh "$build" --changed
cd "$build"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$jobs"
