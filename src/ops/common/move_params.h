// Prepare-time helpers of the data-movement ops (CONCATENATION, PACK, SPLIT,
// TRANSPOSE, SLICE, PAD, ...): axis resolution, constant index tensors,
// output shape checks and the reduction of a geometry to the forms the
// kernels of move_kernels.h walk.
#pragma once

#include <cstdint>

#include "ops/common/move_kernels.h"
#include "runtime/node.h"

namespace tinyinfer {

// Resolves a possibly negative axis against `rank` (valid: [-rank, rank)).
Status move_resolve_axis(const PrepareContext& ctx, int64_t axis, int32_t rank, const char* role, int32_t* resolved);

// Reads a constant int32 or int64 tensor of at most `max_count` elements
// (the shape, axis or index parameters every one of these ops needs to know
// at prepare, since the output shapes are static), in row-major order;
// the caller checks the tensor's shape.
Status move_read_ints(const PrepareContext& ctx, const Tensor& t, const char* role, int32_t max_count, int64_t* values,
                      int32_t* count);

// The output's static shape must be `want`.
Status move_check_shape(const PrepareContext& ctx, const Tensor& output, const Shape& want, const char* role);

// A quantized input that the op copies unchanged must carry the output's
// scale and zero point (TFLite's restriction: no rescaling in these ops).
Status move_check_same_quant(const PrepareContext& ctx, const Tensor& input, const Tensor& output, const char* role);

// Row-major element strides of a shape.
void move_strides(const Shape& shape, int64_t* strides);

// Drops size-1 dimensions and merges dimensions that stay contiguous in the
// input, so the kernel copies the longest runs it can.
void move_simplify(kernels::StridedCopy* p);

// Merges dimensions whose inner neighbour has no padding (constant pad).
void move_simplify_pad(kernels::PadGeometry* p);

}  // namespace tinyinfer
