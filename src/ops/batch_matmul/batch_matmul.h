// BATCH_MATMUL: its kernel types and kernels.
#pragma once

#include "ops/common/mm16_matmul.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kBatchMatMulOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using BatchMatMulFloatFn = void (*)(const MatMulGeometry& g, const float* lhs, const float* rhs, float* output,
                                    void* scratch);
using BatchMatMulInt8Fn = void (*)(const MatMulGeometry& g, const MatMulQuant& q, const int8_t* lhs, const int8_t* rhs,
                                   int8_t* output, void* scratch);
using BatchMatMulInt16Fn = void (*)(const MatMulGeometry& g, const MatMulQuant& q, const int16_t* lhs,
                                    const int16_t* rhs, int16_t* output, void* scratch);

// Reference kernels: TFLite's reference semantics (int8: int32 accumulator
// and 32-bit rescale; int16: int64 accumulator and 64-bit rescale).
namespace reference {
void batch_matmul_float(const MatMulGeometry& g, const float* lhs, const float* rhs, float* output);
void batch_matmul_int8(const MatMulGeometry& g, const MatMulQuant& q, const int8_t* lhs, const int8_t* rhs,
                       int8_t* output);
void batch_matmul_int16(const MatMulGeometry& g, const MatMulQuant& q, const int16_t* lhs, const int16_t* rhs,
                        int16_t* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
