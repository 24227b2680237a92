// DEPTHWISE_CONV_2D (TFLite op versions 1-7): the op; its checks and
// dispatch are shared with CONV_2D (common/conv_family.cc).
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"

#include "ops/common/conv_family.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_depthwise_conv_2d(PrepareContext& ctx) { return prepare_conv_family(ctx, true); }

}  // namespace

const OpRegistration kDepthwiseConv2dOp = {
    4, "DEPTHWISE_CONV_2D", 7, prepare_depthwise_conv_2d, eval_conv_family, conv_macs, describe_conv, &kConvRowFusion};

}  // namespace tinyinfer
