// PACK: stacks equal-shaped inputs along a new axis (a concatenation of runs).
#pragma once

#include <cstddef>

#include "ops/common/move_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kPackOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

using PackFn = MoveConcatFn;

namespace reference {
void pack_float32(const ConcatRuns& p, const void* const* inputs, void* output);
void pack_int8(const ConcatRuns& p, const void* const* inputs, void* output);
void pack_int64(const ConcatRuns& p, const void* const* inputs, void* output);
void pack_int16(const ConcatRuns& p, const void* const* inputs, void* output);
void pack_int32(const ConcatRuns& p, const void* const* inputs, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
