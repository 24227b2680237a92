// CONCATENATION: joins its inputs along one axis (whole runs per outer row).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kConcatenationOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using ConcatenationFn = MoveConcatFn;

namespace reference {
void concatenation_float32(const ConcatRuns& p, const void* const* inputs, void* output);
void concatenation_int8(const ConcatRuns& p, const void* const* inputs, void* output);
void concatenation_int64(const ConcatRuns& p, const void* const* inputs, void* output);
void concatenation_bool(const ConcatRuns& p, const void* const* inputs, void* output);
void concatenation_int16(const ConcatRuns& p, const void* const* inputs, void* output);
void concatenation_int32(const ConcatRuns& p, const void* const* inputs, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
