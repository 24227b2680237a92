// L2_POOL_2D (TFLite op version 1): the op; its checks and dispatch are shared
// with the other pools (common/pool_family.cc).
#include "ops/l2_pool_2d/l2_pool_2d.h"

#include "runtime/node.h"

namespace tinyinfer {

const OpRegistration kL2Pool2dOp = {
    12, "L2_POOL_2D", 1, prepare_pool, eval_pool, nullptr, describe_pool, &kPoolRowFusion};

}  // namespace tinyinfer
