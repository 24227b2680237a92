// ADD: its kernel types and kernels.
#pragma once

#include "ops/common/binary_kernels.h"
#include "ops/common/broadcast.h"
#include "ops/common/kernel_types.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kAddOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// ---- Elementwise ADD with TFLite broadcasting (ops/common/broadcast.h) ----
struct AddInt8Params {
  int32_t input1_offset = 0, input2_offset = 0, output_offset = 0;  // offsets = -zero point (output: +zp)
  int32_t input1_multiplier = 0, input2_multiplier = 0, output_multiplier = 0;
  int32_t input1_shift = 0, input2_shift = 0, output_shift = 0;  // powers of two (negative: right)
  int32_t left_shift = 20;
  int32_t act_min = -128, act_max = 127;
};
using AddFloatFn = void (*)(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1,
                            const float* input2, float* output);
using AddInt8Fn = void (*)(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1,
                           const int8_t* input2, int8_t* output, void* scratch);

// Reference kernels: TFLite's reference semantics (same accumulation order
// and rounding for integers).
namespace reference {
void add_float(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
               float* output);
void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output);
// int16 (TFLite Micro's general rescale with left shift 15 and any zero
// points; its power-of-two shortcut is never taken) and int32 (wrapping sum,
// no activation: TFLite Micro clamps int32 ADD to the whole int32 range).
// Kernel type BinaryFn<T>, parameters in BinaryParams (ops/common/binary_kernels.h).
void add_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output);
void add_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output);
}  // namespace reference

// ARMv7E-M DSP variants (cortex_m7/), bit-exact with the reference; `scratch`:
// at least the *_scratch_bytes(...) of the same geometry, 8-byte aligned.
namespace cortex_m7 {
void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output, void* scratch);
std::size_t add_int8_scratch_bytes(int64_t input1_elements, int64_t input2_elements, int64_t output_elements);
// int16: kernel type BinaryFn<int16_t>, parameters as reference::add_int16.
void add_int16(const BinaryParams& params, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output);
}  // namespace cortex_m7

}  // namespace tinyinfer::kernels
