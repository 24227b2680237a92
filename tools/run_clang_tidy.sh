#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the sources under src/, using the compile
# commands of an existing build (default build/host), so nothing is compiled
# twice. Fails on any finding.
#
#   tools/run_clang_tidy.sh [BUILD]          every file under src/
#   tools/run_clang_tidy.sh [BUILD] --changed
#       only the .cc files changed since the commit named in
#       .ci/clang-tidy-clean, plus one .cc including each changed header (its
#       findings show through it: HeaderFilterRegex). CI runs this: clang-tidy
#       over all ~470 files is ~25 CPU-minutes. The mark names a commit at
#       which every file was clean: one after a full run, or after a clean
#       --changed run (the checks are local to the file checked and the
#       headers it includes). Falls back to every file when the mark is
#       missing or not in this clone's history.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/host}
mode=${2:-all}
jobs=$(nproc 2>/dev/null || echo 2)
[ -f "$build/compile_commands.json" ] || { echo "run_clang_tidy: $build/compile_commands.json missing (configure $build first)" >&2; exit 2; }
files=$(python3 -c '
import json, os, sys
root = os.getcwd() + "/src/"
entries = json.load(open(sys.argv[1]))
print("\n".join(sorted({e["file"] for e in entries if e["file"].startswith(root)})))' "$build/compile_commands.json")
[ -n "$files" ] || { echo "run_clang_tidy: no src/ files in $build/compile_commands.json" >&2; exit 2; }
what="files under src/"
if [ "$mode" = "--changed" ]; then
  mark=$(cat .ci/clang-tidy-clean 2>/dev/null || true)
  if [ -n "$mark" ] && git merge-base --is-ancestor "$mark" HEAD 2>/dev/null; then
    # Changed .cc files, plus for every changed header one .cc that includes
    # it, so that the header's own findings show (HeaderFilterRegex).
    wanted=$( { git diff --name-only "$mark" -- 'src/*.cc'; git ls-files --others --exclude-standard -- 'src/*.cc';
                { git diff --name-only "$mark" -- 'src/*.h'; git ls-files --others --exclude-standard -- 'src/*.h'; } |
                  while read -r h; do
                    [ -f "$h" ] || continue
                    # sed reads to the end: head would close the pipe early, and with
                    # pipefail grep's SIGPIPE (141) ended the script when many files include h.
                    { grep -rlF "#include \"${h#src/}\"" src --include='*.cc' || true; } | sed -n 1p
                  done; } |
      while read -r f; do [ -f "$f" ] && echo "$PWD/$f"; done | sort -u)
    files=$(comm -12 <(echo "$files") <(echo "$wanted"))
    what="files under src/ changed since ${mark:0:10} (.ci/clang-tidy-clean)"
  else
    echo "run_clang_tidy: .ci/clang-tidy-clean missing or not in this history: checking every file"
  fi
fi
if [ -z "$files" ]; then
  echo "clang-tidy: no $what"
  exit 0
fi
echo "$files" | xargs -P "$jobs" -n 4 clang-tidy -p "$build" --quiet 2>/dev/null
echo "clang-tidy: $(echo "$files" | wc -l) $what clean"
