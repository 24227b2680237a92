#!/usr/bin/env bash
# Instruction counts of every model on the emulated Cortex-M7 (QEMU mps2-an500,
# -icount shift=0, second invoke), reference vs optimized kernels, unfused, with
# conv+pool fusion and with --small-arena, beside TensorFlow Lite Micro +
# CMSIS-NN (issue 4).
#
#   bench/run_m7.sh [--head]   -> bench/results/m7_instructions.{json,md}
#     --head: measure a pristine snapshot of HEAD (git archive), not the working tree
#
# Models: ../shared/models/*.tflite (when present) and models/*.tflite.
# Tools: $TINYINFER_CLI and $TINYINFER_BENCH_FIRMWARE when set, else this
# script builds both into build/bench or build/bench-head (bench/build_tools.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${TINYINFER_SHARED_DIR:-$root/../shared}
out=$here/results
mkdir -p "$out"

source "$here/build_tools.sh"
bench_build_tools "${1:-}" bench-firmware

models=()
[[ -d $shared/models ]] && models+=("$shared"/models/*.tflite)
compgen -G "$root/models/*.tflite" >/dev/null && models+=("$root"/models/*.tflite)
if ((${#models[@]} == 0)); then
  echo "run_m7.sh: no models in $shared/models or $root/models" >&2
  exit 1
fi

# Raw per-model JSON and stderr stay in the build tree (re-render with bench_report.py).
raw=$root/build/bench-raw/m7
rm -rf "$raw" && mkdir -p "$raw"
for model in "${models[@]}"; do
  name=$(basename "$model" .tflite)
  for mode in unfused fused small; do
    flags=(--kernels both --json)
    [[ $mode == fused ]] && flags+=(--fuse)
    [[ $mode == small ]] && flags+=(--small-arena)
    echo "bench-m7 $name ($mode)" >&2
    # A model the engine refuses still gets a row (its JSON carries the error).
    "$cli" bench-m7 "$model" "${flags[@]}" >"$raw/$name.$mode.json" 2>"$raw/$name.$mode.err" || true
  done
done

firmware=${TINYINFER_BENCH_FIRMWARE:-}
flash=0
if [[ -n $firmware && -f $firmware ]] && command -v arm-none-eabi-size >/dev/null; then
  flash=$(arm-none-eabi-size "$firmware" | awk 'NR == 2 { print $1 }')
fi

python3 "$here/bench_report.py" m7 --raw "$raw" --shared "$shared" --flash "$flash" \
  --qemu "$(qemu-system-arm --version | head -1)" \
  --commit "$commit" \
  --json "$out/m7_instructions.json" --md "$out/m7_instructions.md"
echo "wrote $out/m7_instructions.json and $out/m7_instructions.md" >&2
