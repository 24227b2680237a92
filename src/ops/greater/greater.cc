// GREATER with TFLite broadcasting, bool output; inputs float32, int32, int64, int8, int16 (TFLite Micro's
// types), int8/int16 compared after the rescale TFLite applies.
// int16: TFLite Micro fills the rescale parameters for int8 only (its int16
// path reads parameters it never set); int16 gets the same rescale as int8
// here, TFLite's rule for quantized comparisons.
#include "ops/greater/greater.h"

#include "ops/common/binary_ops.h"

namespace tinyinfer {
namespace {

Status prepare_greater(PrepareContext& ctx) { return prepare_comparison(ctx); }

}  // namespace

const OpRegistration kGreaterOp = {61, "GREATER", 3, prepare_greater, eval_binary_op, nullptr, describe_binary_op};

}  // namespace tinyinfer
