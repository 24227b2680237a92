#!/usr/bin/env bash
# Checks that every C++ source of the repository is formatted as .clang-format
# says (Debian's clang-format); with --fix, formats them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=(--dry-run --Werror)
[ "${1:-}" = "--fix" ] && mode=(-i)
git ls-files -z '*.cc' '*.h' | xargs -0 clang-format --style=file "${mode[@]}"
echo "clang-format: $(git ls-files '*.cc' '*.h' | wc -l) files checked"
