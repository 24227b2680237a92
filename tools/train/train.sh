#!/usr/bin/env bash
# Makes the project's MNIST models in one command:
#   configure + build the trainer and the CLI (-DTINYINFER_BUILD_TRAINER=ON),
#   train -> models/mnist_float.tflite,
#   quantize -> models/mnist_hybrid.tflite, models/mnist_int8.tflite,
#   evaluate all three on the 10,000 MNIST test images, classify models/digit_8.pgm,
#   and print the table that models/README.md shows.
#
#   tools/train/train.sh [train_mnist options...]
#   env: MNIST (default ../shared/data/mnist), BUILD (default build/train), JOBS (default 2),
#        TRAIN=0 to keep the existing float model and only quantize + evaluate.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MNIST=${MNIST:-$ROOT/../shared/data/mnist}
BUILD=${BUILD:-$ROOT/build/train}
JOBS=${JOBS:-2}
TRAIN=${TRAIN:-1}
MODELS=$ROOT/models

if [[ ! -d $MNIST ]]; then
  echo "train.sh: MNIST directory '$MNIST' not found (set MNIST=DIR; see models/README.md)" >&2
  exit 1
fi

mkdir -p "$BUILD"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DTINYINFER_BUILD_TRAINER=ON \
  -DTINYINFER_BUILD_TESTS=OFF > "$BUILD/configure.log" 2>&1 ||
  { cat "$BUILD/configure.log" >&2; exit 1; }
cmake --build "$BUILD" -j "$JOBS" --target train_mnist tinyinfer_cli
CLI=$BUILD/tools/cli/tinyinfer

if [[ $TRAIN != 0 ]]; then
  # The committed models: seed 1, 18 epochs over all 10,000 training digits.
  "$BUILD/tools/train/train_mnist" --mnist "$MNIST" --out "$MODELS/mnist_float.tflite" \
    --epochs 18 --seed 1 --threads 2 "$@" | tee "$BUILD/train.log"
fi

"$CLI" quantize "$MODELS/mnist_float.tflite" -o "$MODELS/mnist_hybrid.tflite" --mode hybrid
"$CLI" quantize "$MODELS/mnist_float.tflite" -o "$MODELS/mnist_int8.tflite" --mode int8 \
  --mnist "$MNIST" --samples 1000 --range minmax --io float

echo
echo "| model | bytes | accuracy (10,000 test images) | arena bytes | digit_8.pgm |"
echo "|---|---:|---:|---:|---:|"
for name in float hybrid int8; do
  model=$MODELS/mnist_$name.tflite
  # Optimized kernels: int8 is bit-exact with the reference, float/hybrid agree
  # to rounding; the reference set gives the same accuracy, only slower.
  accuracy=$("$CLI" eval "$model" --mnist "$MNIST" --kernels optimized --json |
    grep -o '"accuracy_percent": [0-9.]*' | head -n 1 | awk '{printf "%.2f %%", $2}')
  arena=$("$CLI" info "$model" | sed -n 's/^ *arena bytes: *\([0-9,]*\) planned.*/\1/p')
  digit=$("$CLI" run "$model" --input "$MODELS/digit_8.pgm" | sed -n 's/^Top class: \([0-9]*\).*/\1/p')
  bytes=$(stat -c %s "$model")
  echo "| models/mnist_$name.tflite | $bytes | $accuracy | $arena | class $digit |"
done
