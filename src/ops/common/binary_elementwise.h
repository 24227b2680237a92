// What the elementwise binary ops (ADD, MUL, ...) check and derive alike at
// prepare: two inputs and one output, the kernel for their types, the
// broadcast, and the fused activation's range for float or int8.
#pragma once

#include <cstdint>

#include "ops/common/broadcast.h"
#include "ops/common/op_params.h"

namespace tinyinfer {

struct BinaryElementwise {
  kernels::BroadcastShape shape;
  ActivationFunctionType activation = ActivationFunctionType::NONE;
  bool is_int8 = false;
  kernels::FloatClamp clamp;         // float32
  int32_t act_min = 0, act_max = 0;  // int8, in the output's quantization
};

// Fills `op` for the node in `ctx` with fused activation `act`. For int8 the
// three tensors must be per-tensor quantized int8 (the op derives its own
// multipliers from their scales).
Status prepare_binary_elementwise(PrepareContext& ctx, ActivationFunctionType act, BinaryElementwise* op);

}  // namespace tinyinfer
