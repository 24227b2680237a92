// Prepare-time helpers of the data-movement ops (CONCATENATION, PACK, SPLIT,
// TRANSPOSE, SLICE, PAD, ...): axis resolution, constant index tensors,
// output shape checks and the reduction of a geometry to the forms the
// kernels of move_kernels.h walk.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/move_kernels.h"
#include "runtime/node.h"

namespace tinyinfer {

// Resolves a possibly negative axis against `rank` (valid: [-rank, rank)).
Status move_resolve_axis(const PrepareContext& ctx, int64_t axis, int32_t rank, const char* role, int32_t* resolved);

// Reads the constant scalar axis of input `axis_input` (one int32 or int64
// value) and resolves it against `rank` (ARG_MAX, CUMSUM, SPLIT, EXPAND_DIMS
// with rank + 1, ...).
Status move_read_axis(const PrepareContext& ctx, int32_t axis_input, int32_t rank, int32_t* axis);

// Reads a constant int32 or int64 tensor of at most `max_count` elements
// (the shape, axis or index parameters every one of these ops needs to know
// at prepare, since the output shapes are static), in row-major order;
// the caller checks the tensor's shape.
Status move_read_ints(const PrepareContext& ctx, const Tensor& t, const char* role, int32_t max_count, int64_t* values,
                      int32_t* count);

// Reads a PAD / PADV2 / MIRROR_PAD paddings tensor: constant, shape
// [rank, 2], (before, after) per dimension into pads[0 .. 2 * rank).
Status move_read_paddings(const PrepareContext& ctx, const Tensor& paddings, int32_t rank, int64_t* pads);

// The output's static shape must be `want`.
Status move_check_shape(const PrepareContext& ctx, const Tensor& output, const Shape& want, const char* role);

// A quantized input must carry the output's scale and zero point, where
// TFLite requires it: int8 CONCATENATION, an int8 PAD value, REDUCE_MAX/MIN.
// The other data-movement ops copy bytes whatever the parameters say (a
// per-channel tensor too), as TFLite Micro does.
Status move_check_same_quant(const PrepareContext& ctx, const Tensor& input, const Tensor& output, const char* role);

// Row-major element strides of a shape.
void move_strides(const Shape& shape, int64_t* strides);

// Drops size-1 dimensions and merges dimensions that stay contiguous in the
// input, so the kernel copies the longest runs it can.
void move_simplify(kernels::StridedCopy* p);

// Merges dimensions whose inner neighbour has no padding (constant pad).
void move_simplify_pad(kernels::PadGeometry* p);

// CONCATENATION and PACK (n inputs -> one output), SPLIT, SPLIT_V and UNPACK
// (one input -> n outputs) move, per outer row, one contiguous run per
// tensor of the many side.
struct RunsData {
  kernels::ConcatRuns runs;
  void** tensors;  // the many side's data, filled at eval
  int32_t axis;
};

// Stores the node's RunsData for `count` tensors along `axis` of `shape`
// (runs.outer: the product of the dims before it) and returns its run
// lengths for the caller to fill: elements per outer row of tensor i.
// Null when the arena is full.
int64_t* move_prepare_runs(PrepareContext& ctx, int32_t count, const Shape& shape, int32_t axis);
// SPLIT and UNPACK: checks that every output has the input's type,
// quantization and shape `want`, then stores RunsData for equal runs.
Status move_prepare_even_split(PrepareContext& ctx, const Tensor& input, int32_t axis, const Shape& want);
// Eval of CONCATENATION / PACK: the node's MoveConcatFn.
void move_eval_join(const EvalContext& ctx);
// Eval of SPLIT / SPLIT_V / UNPACK: the node's MoveSplitFn on input `source`.
void move_eval_split(const EvalContext& ctx, int32_t source);
// "3 inputs, axis 1" / "3 outputs, axis 1".
void move_describe_join(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);
void move_describe_split(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);

}  // namespace tinyinfer
