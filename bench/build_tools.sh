# Sourced by bench/run_*.sh: sets $cli (the tinyinfer host CLI) and, with
# $2 = bench-firmware, exports TINYINFER_BENCH_FIRMWARE, building them unless
# $TINYINFER_CLI is given.
#   $1 = --head: build from a pristine `git archive HEAD` snapshot instead of
#        the working tree (others' uncommitted edits do not leak into results);
#        the results then name exactly the commit they measured.
# Needs: $root (repository root).
bench_build_tools() {
  local source=$root build=$root/build/bench
  commit=$(git -C "$root" rev-parse --short HEAD)
  if [[ ${1:-} == --head ]]; then
    source=$root/build/bench-head-src
    build=$root/build/bench-head
    rm -rf "$source" && mkdir -p "$source"
    git -C "$root" archive HEAD | tar -x -C "$source"
  elif [[ -n $(git -C "$root" status --porcelain -- src include firmware tools cmake) ]]; then
    commit="$commit+uncommitted"
  fi
  cli=${TINYINFER_CLI:-}
  if [[ -n $cli ]]; then
    commit="$commit (prebuilt CLI $cli)"
    return
  fi
  echo "building the CLI in $build" >&2
  cmake -S "$source" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTINYINFER_FIRMWARE_TESTS=OFF \
        -DTINYINFER_SHARED_DIR="$shared" >/dev/null
  cmake --build "$build" --target tinyinfer_cli >/dev/null
  cli=$build/tools/cli/tinyinfer
  if [[ ${2:-} == bench-firmware ]]; then
    # The benchmark firmware from a QEMU cross tree (firmware/bench).
    echo "building the M7 bench firmware in $build-m7" >&2
    cmake -S "$source" -B "$build-m7" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$source/cmake/arm-none-eabi.cmake" \
          -DCMAKE_BUILD_TYPE=Release -DTINYINFER_BOARD=qemu-mps2-an500 -DTINYINFER_FIRMWARE_BENCH=ON \
          -DTINYINFER_HOST_CLI="$cli" -DTINYINFER_SHARED_DIR="$shared" >/dev/null
    cmake --build "$build-m7" --target tinyinfer_bench_m7 >/dev/null
    export TINYINFER_BENCH_FIRMWARE=${TINYINFER_BENCH_FIRMWARE:-$build-m7/firmware/bench/tinyinfer-bench-m7.elf}
  fi
}
