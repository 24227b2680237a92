// Prepare steps shared by the spatial ops (DEPTH_TO_SPACE, SPACE_TO_DEPTH,
// BATCH_TO_SPACE_ND, SPACE_TO_BATCH_ND, RESIZE_*).
#pragma once

#include <cstdint>

#include "ops/common/space_kernels.h"
#include "runtime/node.h"

namespace tinyinfer {

// DEPTH_TO_SPACE (to_space) or SPACE_TO_DEPTH on a 4-D NHWC input with
// `block` from the options: checks the shapes, picks the kernel and keeps
// the op's strided view as op data.
Status space_prepare_block_view(PrepareContext& ctx, int32_t block, bool to_space);

// BATCH_TO_SPACE_ND (to_space: the amounts are crops) or SPACE_TO_BATCH_ND
// (paddings): inputs (input, block_shape, crops or paddings) with constant
// parameters, a rank-3 or rank-4 input; keeps the geometry as op data.
Status space_prepare_batch(PrepareContext& ctx, bool to_space);

// RESIZE_*: inputs (input, size), a 4-D input and a constant int32 size of
// two entries; keeps the geometry as op data.
Status space_prepare_resize(PrepareContext& ctx, bool align_corners, bool half_pixel_centers);

}  // namespace tinyinfer
