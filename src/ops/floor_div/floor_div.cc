// FLOOR_DIV with TFLite broadcasting; float32 only, as in TFLite Micro (other
// types are refused by the kernel lookup).
#include "ops/floor_div/floor_div.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_floor_div(PrepareContext& ctx) {
  BinaryOpData* data = nullptr;
  return prepare_binary_op(ctx, &data);
}

}  // namespace

const OpRegistration kFloorDivOp = {90, "FLOOR_DIV", 3, prepare_floor_div, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
