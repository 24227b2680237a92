// DEQUANTIZE: its kernel type and kernels.
#pragma once

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kDequantizeOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- DEQUANTIZE int8 -> float32, per tensor ----
using DequantizeFn = void (*)(float scale, int32_t zero_point, int64_t count, const int8_t* input, float* output);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void dequantize(float scale, int32_t zero_point, int64_t count, const int8_t* input, float* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
