// AVERAGE_POOL_2D: its kernels (kernel types: common/pooling.h).
#pragma once

#include "ops/common/pooling.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kAveragePool2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void average_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                        const Dims4& out, float* output);
void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output);
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                       const Dims4& out, int8_t* output);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
