// A small model two of whose four ops cannot run (for the interpreter's
// per-op status and `tinyinfer info`): RELU (runs) -> GATHER with int16
// positions (refused at prepare) -> LSH_PROJECTION (no such op here) -> RELU.
#pragma once

#include "support/model_builder.h"

namespace tinyinfer::testing {

inline ModelBuilder model_with_two_refused_ops() {
  namespace fb = ::tinyinfer::tflite;
  ModelBuilder b;
  const int32_t in = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t relu_out = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t positions = b.tensor(fb::TensorType::INT16, {2});
  const int32_t gathered = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t projected = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  const int32_t out = b.tensor(fb::TensorType::FLOAT32, {2, 3});
  b.op(b.opcode(fb::BuiltinOperator::RELU), {in}, {relu_out});
  fb::OperatorT& gather = b.op(b.opcode(fb::BuiltinOperator::GATHER), {relu_out, positions}, {gathered});
  gather.builtin_options.Set(fb::GatherOptionsT());
  b.op(b.opcode(fb::BuiltinOperator::LSH_PROJECTION), {gathered}, {projected});
  b.op(b.opcode(fb::BuiltinOperator::RELU), {projected}, {out});
  b.io({in, positions}, {out});
  return b;
}

}  // namespace tinyinfer::testing
