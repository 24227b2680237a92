// EQUAL: a bool per element, input 1 == input 2 with TFLite broadcasting;
// int8 inputs compare after TFLite's rescale to real value * 2^8
// (BinaryParams left_shift, input offsets, multipliers and shifts).
#pragma once

#include "ops/common/binary_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kEqualOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels::reference {

void equal_bool(const BinaryParams& params, const BroadcastShape& shape, const bool* input1, const bool* input2,
                bool* output);
void equal_float(const BinaryParams& params, const BroadcastShape& shape, const float* input1, const float* input2,
                 bool* output);
void equal_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
                 bool* output);
void equal_int64(const BinaryParams& params, const BroadcastShape& shape, const int64_t* input1, const int64_t* input2,
                 bool* output);
void equal_int8(const BinaryParams& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
                bool* output);

}  // namespace tinyinfer::kernels::reference
