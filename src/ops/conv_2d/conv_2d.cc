// CONV_2D (TFLite op versions 1-8): the op; its checks and dispatch are
// shared with DEPTHWISE_CONV_2D (common/conv_family.cc).
#include "ops/conv_2d/conv_2d.h"

#include "ops/common/conv_family.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_conv_2d(PrepareContext& ctx) { return prepare_conv_family(ctx, false); }

}  // namespace

const OpRegistration kConv2dOp = {
    3, "CONV_2D", 8, prepare_conv_2d, eval_conv_family, conv_macs, describe_conv, &kConvRowFusion};

}  // namespace tinyinfer
