// MINIMUM: the smaller of the raw values per element, TFLite broadcasting
// (quantized types compare raw values, as TFLite does: no requantization).
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kMinimumOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void minimum_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                   float* output);
void minimum_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
                  int8_t* output);
void minimum_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1,
                   const int16_t* input2, int16_t* output);
void minimum_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1,
                   const int32_t* input2, int32_t* output);
void minimum_int64(const BinaryParams& params, const BroadcastShape& shape, const int64_t* input1,
                   const int64_t* input2, int64_t* output);

}  // namespace tinyinfer::kernels::reference
