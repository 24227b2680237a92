#!/bin/sh
# ctest wrapper: `tinyinfer check` over ../shared/conformance, or a skip (exit
# 77) with the reason when that third-party data is absent.
# Usage: run_check.sh TINYINFER CONFORMANCE_DIR EXPECTED_FAILURES [check options]
cli=$1 dir=$2 expected=$3
shift 3
if [ ! -d "$dir" ]; then
  echo "skipped: $dir is absent (conformance cases are third-party data read from ../shared at test time;"
  echo "set TINYINFER_SHARED_DIR to point elsewhere)"
  exit 77
fi
exec "$cli" check "$dir" --expected-failures "$expected" "$@"
