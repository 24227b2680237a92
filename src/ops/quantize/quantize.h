// QUANTIZE: its kernel type and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kQuantizeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- QUANTIZE float32 -> int8, per tensor ----
using QuantizeFn = void (*)(float scale, int32_t zero_point, int64_t count, const float* input, int8_t* output);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void quantize(float scale, int32_t zero_point, int64_t count, const float* input, int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
