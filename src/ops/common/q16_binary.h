// What ADD and MUL share for their int16 and int32 variants. Both keep their
// own op data for float32 and int8 (kernels with Cortex-M7 twins and their own
// parameter blocks) and use the generic binary op data of binary_ops.h
// (BinaryFn<T> kernels, eval_binary_op, describe_binary_op) for the rest.
#pragma once

#include "ops/common/binary_ops.h"

namespace tinyinfer {

// True when a node with this output type runs on the generic binary op data.
inline bool uses_generic_binary_data(DataType output_type) {
  return output_type == DataType::kInt16 || output_type == DataType::kInt32;
}

// The node's two inputs and output as TFLite's quantized binary kernels read
// them (require_binary_quantized on each); `zero_point_zero`: all three
// zero points must be 0.
Status require_quantized_binary_operands(const PrepareContext& ctx, bool zero_point_zero);

}  // namespace tinyinfer
