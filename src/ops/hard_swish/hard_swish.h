// HARD_SWISH: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kHardSwishOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// int8 HARD_SWISH in TFLite's int16 fixed-point steps: the input on a
// "hires" scale (input_scale / 128), a ReLU6-ish factor (x + 3) / 6 in Q15
// from its own multiplier, their product rescaled to the output.
struct HardSwishInt8Params {
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
  int16_t output_multiplier = 0;           // Q15
  int32_t output_multiplier_exponent = 0;  // <= 0
  int16_t reluish_multiplier = 0;          // Q15
  int32_t reluish_multiplier_exponent = 0;
};
using HardSwishFloatFn = void (*)(int64_t count, const float* input, float* output);
using HardSwishInt8Fn = void (*)(const HardSwishInt8Params& params, int64_t count, const int8_t* input, int8_t* output);

namespace reference {
void hard_swish_float(int64_t count, const float* input, float* output);
void hard_swish_int8(const HardSwishInt8Params& params, int64_t count, const int8_t* input, int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
