// Prepare-time parameters of the int8 ADD (TFLite's scheme).
#pragma once

#include <cstdint>

#include "ops/add/add.h"

namespace tinyinfer::quant {

// TFLite's real multipliers of the quantized ADD: each input to
// 2 * max(in1_scale, in2_scale) / 2^left_shift (so each is <= 1/2), the sum to
// the output scale. In double, as TFLite computes them.
struct AddRealMultipliers {
  double input1, input2, output;
};
AddRealMultipliers add_real_multipliers(double in1_scale, double in2_scale, double out_scale, int32_t left_shift);

// Both inputs are shifted left by 20 bits and rescaled to a common scale of
// 2 * max(in1_scale, in2_scale) / 2^20 (so each input multiplier is <= 1/2),
// the sum is then rescaled to the output scale. act_min/act_max are the int8
// bounds of the fused activation.
void prepare_add_int8(double in1_scale, int32_t in1_zp, double in2_scale, int32_t in2_zp, double out_scale,
                      int32_t out_zp, int32_t act_min, int32_t act_max, kernels::AddInt8Params* p);

}  // namespace tinyinfer::quant
