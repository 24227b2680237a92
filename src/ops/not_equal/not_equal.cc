// NOT_EQUAL with TFLite broadcasting, bool output; inputs bool, float32, int32, int64, int8 (TFLite Micro's
// types), int8 compared after the rescale TFLite applies.
#include "ops/not_equal/not_equal.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_not_equal(PrepareContext& ctx) { return prepare_comparison(ctx); }

}  // namespace

const OpRegistration kNotEqualOp = {72, "NOT_EQUAL", 3, prepare_not_equal, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
