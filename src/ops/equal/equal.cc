// EQUAL with TFLite broadcasting, bool output; inputs bool, float32, int32, int64, int8 (TFLite Micro's
// types), int8 compared after the rescale TFLite applies.
#include "ops/equal/equal.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_equal(PrepareContext& ctx) { return prepare_comparison(ctx); }

}  // namespace

const OpRegistration kEqualOp = {71, "EQUAL", 4, prepare_equal, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
