// FLOOR_MOD with TFLite broadcasting; float32 only, as in TFLite Micro (other
// types are refused by the kernel lookup).
#include "ops/floor_mod/floor_mod.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_floor_mod(PrepareContext& ctx) {
  BinaryOpData* data = nullptr;
  return prepare_binary_op(ctx, &data);
}

}  // namespace

const OpRegistration kFloorModOp = {95, "FLOOR_MOD", 2, prepare_floor_mod, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
