// GREATER_EQUAL with TFLite broadcasting, bool output; inputs float32, int32, int64, int8 (TFLite Micro's
// types), int8 compared after the rescale TFLite applies.
#include "ops/greater_equal/greater_equal.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_greater_equal(PrepareContext& ctx) { return prepare_comparison(ctx); }

}  // namespace

const OpRegistration kGreaterEqualOp = {62,      "GREATER_EQUAL",   3, prepare_greater_equal, eval_binary_op,
                                        nullptr, describe_binary_op};

}  // namespace tinyinfer
