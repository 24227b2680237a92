// LOGICAL_NOT (TFLite op version 1): bool -> bool; other types are refused by
// the kernel lookup with the signature that exists.
#include "ops/logical_not/logical_not.h"

#include "runtime/node.h"

namespace tinyinfer {
namespace {

Status prepare_logical_not(PrepareContext& ctx) { return prepare_unary(ctx, /*same_type=*/true); }

}  // namespace

const OpRegistration kLogicalNotOp = {87,      "LOGICAL_NOT", 1, prepare_logical_not, eval_unary_bool,
                                      nullptr, describe_unary};

}  // namespace tinyinfer
