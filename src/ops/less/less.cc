// LESS with TFLite broadcasting, bool output; inputs float32, int32, int64, int8 (TFLite Micro's
// types), int8 compared after the rescale TFLite applies.
#include "ops/less/less.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_less(PrepareContext& ctx) { return prepare_comparison(ctx); }

}  // namespace

const OpRegistration kLessOp = {58, "LESS", 3, prepare_less, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
