// LOGISTIC (sigmoid): float32; int8 with output scale 1/256, zero point -128
// (gemmlowp fixed point); int16 symmetric with output scale 2^-15 (TFLite
// Micro's interpolated lookup table).
#include "ops/logistic/logistic.h"

#include "ops/common/activation_common.h"

namespace tinyinfer {
namespace {

Status prepare_logistic(PrepareContext& ctx) { return prepare_sigmoid_family(ctx, SigmoidFamilySpec{256, -128, 0}); }

void eval_logistic(const EvalContext& ctx) {
  eval_sigmoid_family<kernels::LogisticFloatFn, kernels::LogisticInt8Fn, kernels::LogisticInt16Fn>(ctx);
}

}  // namespace

const OpRegistration kLogisticOp = {
    14, "LOGISTIC", 3, prepare_logistic, eval_logistic, nullptr, describe_sigmoid_family};

}  // namespace tinyinfer
