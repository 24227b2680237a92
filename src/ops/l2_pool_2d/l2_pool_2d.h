// L2_POOL_2D: its kernels (kernel types: common/pooling.h). float32 only, as
// TFLite (Micro) has no quantized L2 pool.
#pragma once

#include "ops/common/pooling.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kL2Pool2dOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

// sqrt(mean of the squares of the real (unpadded) cells), clamped.
void l2_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input, const Dims4& out,
                   float* output);

}  // namespace tinyinfer::kernels::reference
