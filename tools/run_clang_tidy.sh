#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over every source under src/, using the compile
# commands of an existing build (default build/host), so nothing is compiled
# twice. Fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/host}
jobs=$(nproc 2>/dev/null || echo 2)
[ -f "$build/compile_commands.json" ] || { echo "run_clang_tidy: $build/compile_commands.json missing (configure $build first)" >&2; exit 2; }
files=$(python3 -c '
import json, os, sys
root = os.getcwd() + "/src/"
entries = json.load(open(sys.argv[1]))
print("\n".join(sorted({e["file"] for e in entries if e["file"].startswith(root)})))' "$build/compile_commands.json")
[ -n "$files" ] || { echo "run_clang_tidy: no src/ files in $build/compile_commands.json" >&2; exit 2; }
echo "$files" | xargs -P "$jobs" -n 4 clang-tidy -p "$build" --quiet 2>/dev/null
echo "clang-tidy: $(echo "$files" | wc -l) files under src/ clean"
