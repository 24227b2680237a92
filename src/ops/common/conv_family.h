// The op layer CONV_2D and DEPTHWISE_CONV_2D share (conv_family.cc): their
// checks, parameters, scratch request, dispatch and conv + pool fusion rows.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tinyinfer/status.h"

namespace tinyinfer {

class PrepareContext;
struct EvalContext;
struct Node;
struct RowFusion;
struct TensorSlot;

Status prepare_conv_family(PrepareContext& ctx, bool depthwise);
void eval_conv_family(const EvalContext& ctx);
int64_t conv_macs(const Node& node, const TensorSlot* tensors);
void describe_conv(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);
// Conv + pool fusion: a conv computes its output by rows.
extern const RowFusion kConvRowFusion;

}  // namespace tinyinfer
