// ARG_MIN (TFLite op versions 1-3): inputs (input, axis); the output type
// (int32 or int64) is the output tensor's, as TFLite Micro reads it.
#include "ops/arg_min/arg_min.h"

#include "runtime/node.h"

namespace tinyinfer {

const OpRegistration kArgMinOp = {
    79, "ARG_MIN", 3, prepare_arg_min_max, eval_arg_min_max, arg_min_max_macs, describe_arg_min_max};

}  // namespace tinyinfer
