// Prepare and eval side of the elementwise binary ops beyond ADD and MUL
// (SUB, DIV, MAXIMUM, SQUARED_DIFFERENCE, the comparisons, the logical ops,
// ...): the node's checks, broadcast and kernel choice, the fused activation
// range of every output type, the quantization checks, and one eval that
// calls the node's kernel with the types of its signature.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/binary_kernels.h"
#include "ops/common/op_params.h"

namespace tinyinfer {

struct BinaryOpData {
  kernels::BroadcastShape shape;
  kernels::BinaryParams params;
  DataType input_type = DataType::kFloat32;
  DataType output_type = DataType::kFloat32;
  ActivationFunctionType activation = ActivationFunctionType::NONE;
};

// Two inputs and one output, the kernel registered for
// (input 1 type, input 2 type) -> output type, and the broadcast of the
// inputs to the output. The op data is allocated, stored in the node and
// returned in *data; the op fills its parameters next.
Status prepare_binary_op(PrepareContext& ctx, BinaryOpData** data);

// The fused activation's range for the output's type (TFLite's
// CalculateActivationRange for float and int32, ...Quantized for int8 and
// int16); activations TFLite does not fuse here are refused.
Status prepare_binary_activation(PrepareContext& ctx, ActivationFunctionType act, BinaryOpData* data);

// An int8 or int16 tensor the quantized kernels read as one (scale, zero
// point) pair: quantized, per tensor, a positive finite scale, the zero point
// inside the type (0 when `zero_point_zero`, TFLite's int16 rule).
Status require_binary_quantized(const PrepareContext& ctx, const Tensor& t, const char* role, bool zero_point_zero);

// TFLite's QuantizeMultiplierSmallerThanOneExp: `real` must lie in (0, 1)
// and give a non-positive shift; otherwise an error naming `what`.
Status quantize_multiplier_below_one(const PrepareContext& ctx, double real, const char* what, int32_t* multiplier,
                                     int32_t* shift);

// The whole prepare of a comparison (EQUAL, LESS, ...): prepare_binary_op
// plus, for int8 and int16 inputs, TFLite's rescale of both inputs to
// real value * 2^8 (ComparisonWithScaling).
Status prepare_comparison(PrepareContext& ctx);

// Calls the node's BinaryFn<T> (or CompareFn<T> for a bool output) with T
// the input type.
void eval_binary_op(const EvalContext& ctx);
void describe_binary_op(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer
