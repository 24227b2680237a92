// LOGICAL_OR with TFLite broadcasting, bool only (the type TFLite defines it for).
#include "ops/logical_or/logical_or.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_logical_or(PrepareContext& ctx) {
  BinaryOpData* data = nullptr;
  return prepare_binary_op(ctx, &data);
}

}  // namespace

const OpRegistration kLogicalOrOp = {84,      "LOGICAL_OR",      1, prepare_logical_or, eval_binary_op,
                                     nullptr, describe_binary_op};

}  // namespace tinyinfer
