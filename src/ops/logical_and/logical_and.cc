// LOGICAL_AND with TFLite broadcasting, bool only (the type TFLite defines it for).
#include "ops/logical_and/logical_and.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_logical_and(PrepareContext& ctx) {
  BinaryOpData* data = nullptr;
  return prepare_binary_op(ctx, &data);
}

}  // namespace

const OpRegistration kLogicalAndOp = {86,      "LOGICAL_AND",     1, prepare_logical_and, eval_binary_op,
                                      nullptr, describe_binary_op};

}  // namespace tinyinfer
