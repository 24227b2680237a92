// AVERAGE_POOL_2D (TFLite op versions 1-3): the op; its checks and dispatch are shared
// with the other pool (common/pool_family.cc).
#include "ops/average_pool_2d/average_pool_2d.h"

#include "runtime/node.h"

namespace tinyinfer {

const OpRegistration kAveragePool2dOp = {
    1, "AVERAGE_POOL_2D", 3, prepare_pool, eval_pool, nullptr, describe_pool, &kPoolRowFusion};

}  // namespace tinyinfer
