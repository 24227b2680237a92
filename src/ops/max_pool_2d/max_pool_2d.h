// MAX_POOL_2D: its kernels (kernel types: common/pooling.h).
#pragma once

#include "ops/common/pooling.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kMaxPool2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                    const Dims4& out, float* output);
void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output);
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in, const int8_t* input,
                   const Dims4& out, int8_t* output);
}  // namespace cortex_m7

// FPv5 float/hybrid variants (cortex_m7/), equal to the reference within float
// rounding; `scratch` as above (none where there is no size function).
namespace cortex_m7 {
void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                    const Dims4& out, float* output);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
