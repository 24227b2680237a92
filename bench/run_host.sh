#!/usr/bin/env bash
# Host nanoseconds per inference of every model, reference vs optimized
# kernels: `tinyinfer run MODEL --repeat N --kernels K --json` (median invoke).
#
#   bench/run_host.sh [--head] [REPEAT]   -> bench/results/host_ns.{json,md}
#     --head: measure a pristine snapshot of HEAD (git archive), not the working tree
#     REPEAT: invokes per model and kernel set (default 50)
#
# Host timings are noisy (shared machines); the markdown says so. They are
# never test thresholds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${TINYINFER_SHARED_DIR:-$root/../shared}
out=$here/results
mkdir -p "$out"
head_flag=
if [[ ${1:-} == --head ]]; then head_flag=--head; shift; fi
repeat=${1:-50}

source "$here/build_tools.sh"
bench_build_tools "$head_flag"

models=()
[[ -d $shared/models ]] && models+=("$shared"/models/*.tflite)
compgen -G "$root/models/*.tflite" >/dev/null && models+=("$root"/models/*.tflite)
if ((${#models[@]} == 0)); then
  echo "run_host.sh: no models in $shared/models or $root/models" >&2
  exit 1
fi

raw=$root/build/bench-raw/host
rm -rf "$raw" && mkdir -p "$raw"
for model in "${models[@]}"; do
  name=$(basename "$model" .tflite)
  for kernels in reference optimized; do
    echo "run $name ($kernels, $repeat invokes)" >&2
    "$cli" run "$model" --repeat "$repeat" --kernels "$kernels" --json \
      >"$raw/$name.$kernels.json" 2>"$raw/$name.$kernels.err" || true
  done
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
python3 "$here/bench_report.py" host --raw "$raw" --repeat "$repeat" --cpu "${cpu:-unknown CPU}, $(nproc) threads" \
  --commit "$commit" --json "$out/host_ns.json" --md "$out/host_ns.md"
echo "wrote $out/host_ns.json and $out/host_ns.md" >&2
