#!/bin/sh
# ctest wrapper: `tinyinfer check` over ../shared/conformance, or a skip (exit
# 77) with the reason when that third-party data is absent.
# Usage: run_check.sh TINYINFER CONFORMANCE_DIR EXPECTED_FAILURES [--models-only] [check options]
#   --models-only: the model folders, not ops/ (its single-op models have
#   nothing for --fuse to fuse: a fused run of them repeats the unfused one).
cli=$1 dir=$2 expected=$3
shift 3
if [ ! -d "$dir" ]; then
  echo "skipped: $dir is absent (conformance cases are third-party data read from ../shared at test time;"
  echo "set TINYINFER_SHARED_DIR to point elsewhere)"
  exit 77
fi
if [ "$1" = "--models-only" ]; then
  shift
  set -- "$@" --
  for folder in "$dir"/*/; do
    [ "$(basename "$folder")" = ops ] || set -- "$@" "${folder%/}"
  done
  # "$@" is now: check options, --, folders; tinyinfer check takes the folders first.
  options=
  while [ "$1" != "--" ]; do options="$options $1"; shift; done
  shift
  # shellcheck disable=SC2086 # the options are single words
  exec "$cli" check "$@" --expected-failures "$expected" $options
fi
exec "$cli" check "$dir" --expected-failures "$expected" "$@"
