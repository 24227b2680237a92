// Prepare and eval helpers shared by the indexing and spatial ops (GATHER,
// GATHER_ND, EMBEDDING_LOOKUP, DYNAMIC_UPDATE_SLICE, BROADCAST_TO,
// BROADCAST_ARGS, DEPTH_TO_SPACE, SPACE_TO_DEPTH, BATCH_TO_SPACE_ND,
// SPACE_TO_BATCH_ND, RESIZE_*).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/node.h"

namespace tinyinfer {

// `count` inputs (all present) and one output, else an error naming `roles`.
Status index_check_io(const PrepareContext& ctx, int32_t count, const char* roles);

// Index tensors (positions, indices, start indices, shapes) are int32 or
// int64: "indices of type int16 not supported (int32, int64)".
Status index_check_index_type(const PrepareContext& ctx, const Tensor& t, const char* role);

// Index values that arrive at run time were out of range: the kernel read
// and wrote nothing; the output is cleared to a defined value and invoke()
// fails with "op N (OP): <why>".
void index_fail(const EvalContext& ctx, const char* why);

// "1x4x6x3 -> 1x8x12x1" for tinyinfer info.

}  // namespace tinyinfer
