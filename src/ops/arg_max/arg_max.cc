// ARG_MAX (TFLite op versions 1-3): inputs (input, axis); the output type
// (int32 or int64) is the output tensor's, as TFLite Micro reads it.
#include "ops/arg_max/arg_max.h"

#include "runtime/node.h"

namespace tinyinfer {

const OpRegistration kArgMaxOp = {
    56, "ARG_MAX", 3, prepare_arg_min_max, eval_arg_min_max, arg_min_max_macs, describe_arg_min_max};

}  // namespace tinyinfer
