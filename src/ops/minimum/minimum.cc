// MINIMUM with TFLite broadcasting: float32, int8, int16, int32, int64; the
// quantized types pick raw values (TFLite copies the quantization through).
#include "ops/minimum/minimum.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_minimum(PrepareContext& ctx) {
  BinaryOpData* data = nullptr;
  return prepare_binary_op(ctx, &data);
}

}  // namespace

const OpRegistration kMinimumOp = {57, "MINIMUM", 4, prepare_minimum, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
