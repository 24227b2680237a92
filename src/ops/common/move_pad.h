// PAD and PADV2 share their whole prepare and eval: a constant [rank, 2]
// paddings tensor and a pad value (PADV2's scalar input, else zero or the
// quantized output's zero point). Each op's file keeps its registration and
// kernel type.
#pragma once

#include <cstdint>

#include "ops/common/move_kernels.h"
#include "runtime/node.h"

namespace tinyinfer {

struct MovePadData {
  kernels::PadGeometry geometry;
  alignas(8) uint8_t value[8];  // the pad element, when it is known at prepare
  int32_t value_input;          // else the input to read it from at eval (-1: none)
};

// `max_inputs`: 2 for PAD, 3 for PADV2 (input 2: the pad value).
Status move_prepare_pad(PrepareContext& ctx, int32_t max_inputs);
void move_eval_pad(const EvalContext& ctx, kernels::MovePadFn kernel);

}  // namespace tinyinfer
