// TANH: float32; int8 with output scale 1/128, zero point 0 (gemmlowp fixed
// point); int16 symmetric with output scale 2^-15 (TFLite Micro's
// interpolated lookup table).
#include "ops/tanh/tanh.h"

#include "ops/common/activation_common.h"

namespace tinyinfer {
namespace {

Status prepare_tanh(PrepareContext& ctx) { return prepare_sigmoid_family(ctx, SigmoidFamilySpec{128, 0, 1}); }

void eval_tanh(const EvalContext& ctx) {
  eval_sigmoid_family<kernels::TanhFloatFn, kernels::TanhInt8Fn, kernels::TanhInt16Fn>(ctx);
}

}  // namespace

const OpRegistration kTanhOp = {28, "TANH", 3, prepare_tanh, eval_tanh, nullptr, describe_sigmoid_family};

}  // namespace tinyinfer
