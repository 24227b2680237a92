// LOG_SOFTMAX: its kernel types and kernels.
#pragma once

#include <cstdint>

#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kLogSoftmaxOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// int8 LOG_SOFTMAX over the last dimension (TFLite's LogSoftmaxQuantized):
// differences to the row max scaled to Q5.26, exp summed in Q12.19, log of
// the sum in Q5.26, output q = (x - log sum) in units of 16/256 + 127.
struct LogSoftmaxInt8Params {
  int32_t input_multiplier = 0;  // input scale in Q5.26 per unit difference
  int32_t input_left_shift = 0;
  int32_t reverse_scaling_divisor = 0;  // its inverse, to map log sums back to input units
  int32_t reverse_scaling_shift = 0;    // <= 0
  int32_t diff_min = 0;                 // differences below this contribute nothing
};
using LogSoftmaxFloatFn = void (*)(int32_t rows, int32_t depth, const float* input, float* output);
using LogSoftmaxInt8Fn = void (*)(const LogSoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input,
                                  int8_t* output);

namespace reference {
void log_softmax_float(int32_t rows, int32_t depth, const float* input, float* output);
// Output scale 16/256, zero point 127.
void log_softmax_int8(const LogSoftmaxInt8Params& params, int32_t rows, int32_t depth, const int8_t* input,
                      int8_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
