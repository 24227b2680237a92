// MEAN: the average over the given axes; int8/int16 rescaled from the input's to the output's quantization with 1/count
// folded in (TFLite's QuantizedMeanOrSum).
#pragma once

#include "ops/common/reduce_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kMeanOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using MeanFn = ReduceFn;

namespace reference {
void mean_float32(const ReduceParams& p, const void* input, void* output, void* scratch);
void mean_int8(const ReduceParams& p, const void* input, void* output, void* scratch);
void mean_int16(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace reference

// Cortex-M7 variants (cortex_m7/), bit-exact with the reference: the
// per-channel average over a middle run of dimensions (global average
// pooling, MEAN over {1, 2} of NHWC) summed a block of channels at a time in
// registers; every other geometry runs the reference.
namespace cortex_m7 {
void mean_float32(const ReduceParams& p, const void* input, void* output, void* scratch);
void mean_int8(const ReduceParams& p, const void* input, void* output, void* scratch);
void mean_int16(const ReduceParams& p, const void* input, void* output, void* scratch);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
