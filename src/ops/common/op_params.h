// Parameter derivation shared by the op implementations: fused activation
// ranges, TFLite padding, NHWC dims, quantization checks.
#pragma once

#include <cstdint>

#include "format/tflite_access.h"
#include "ops/common/kernel_types.h"
#include "runtime/node.h"

namespace tinyinfer {

using format::fb::ActivationFunctionType;
using format::fb::Padding;

// Float clamp for a fused activation. TANH and SIGN_BIT clamp nothing, as in
// TFLite's CalculateActivationRange (which computes such a node without
// them); false only for a value outside the schema's enum.
bool float_activation(ActivationFunctionType act, kernels::FloatClamp* clamp);
// Range of a fused activation in [qmin, qmax] given the output quantization
// (TFLite's CalculateActivationRangeQuantized: the real bounds quantized in
// float, division and round half away from zero; TANH and SIGN_BIT: the whole
// range, as there).
bool quantized_activation_range(ActivationFunctionType act, float scale, int32_t zero_point, int32_t qmin, int32_t qmax,
                                int32_t* act_min, int32_t* act_max);
// The same in int8's range.
inline bool int8_activation(ActivationFunctionType act, float output_scale, int32_t output_zero_point, int32_t* act_min,
                            int32_t* act_max) {
  return quantized_activation_range(act, output_scale, output_zero_point, -128, 127, act_min, act_max);
}
const char* activation_name(ActivationFunctionType act);

// int8 products are at most 255 * 128 in magnitude; beyond this many per
// output the int32 accumulator (as in TFLite) could overflow.
constexpr int64_t kMaxInt8AccumulationDepth = 65000;

// The accumulator plus the int32 bias must stay inside int32 too (a hostile
// bias of -2^31 would otherwise overflow): false when some bias is too large
// for `depth` products.
bool int8_bias_fits(const Tensor* bias, int64_t depth);
// A requantization multiplier above 1 (input_scale * weight_scale above the
// output scale) shifts the accumulator left first, as TFLite does (wrapping
// like its int32 multiply). TFLite's 64-bit int16x8 rescale keeps 15 - shift
// bits and is defined only up to a left shift of 14, so ratios of 2^14 and
// more are refused for every type.
constexpr int kMaxRequantLeftShift = 14;
inline bool requant_shift_supported(int shift) { return shift <= kMaxRequantLeftShift; }

// Where a per-channel requantization table comes from. Kept in the arena for
// every layer, 8 bytes per channel add up (kws_ref_model: 4.6 KB, a fifth of
// its arena); so only the scales are kept (the filter's stay in the model)
// and requant_table_in_scratch() rebuilds the table into the op's scratch, which
// the planner shares between ops, at each invoke: one QuantizeMultiplier per
// channel. Per-tensor requantization keeps its single pair persistent.
struct RequantSource {
  float input_scale = 0.0f, output_scale = 0.0f;
  const float* filter_scales = nullptr;  // into the model
  int32_t channels = 0;                  // 0: the pair is persistent, nothing to derive
  // Scratch bytes of the derived table (a multiple of the arena alignment).
  std::size_t table_bytes() const;
};

// The requantization multipliers and shifts of an int8 conv, depthwise conv
// or fully connected op (input x filter scale / output scale, TFLite's
// QuantizeMultiplier), one per output channel when the filter is quantized
// per channel, else a single pair (rq->per_channel false). Refuses scales
// that would make the multiplier exceed 1. A per-tensor pair is stored in
// `rq`; a per-channel table is checked here and described in `source`.
Status prepare_requant_multipliers(PrepareContext& ctx, const Tensor& input, const Tensor& filter, const Tensor& output,
                                   int32_t channels, kernels::Requant* rq, RequantSource* source);

// At invoke: the per-channel table of `source` sits at the start of the op's
// scratch; writes it there when `derive` (the first kernel call of an
// invoke; later bands of a fused conv reuse it), points `rq` at it and
// returns the kernel's own scratch after it. Without a table (per-tensor
// pair, or not an int8 op) returns `scratch` and leaves `rq` alone.
void* requant_table_in_scratch(const RequantSource& source, void* scratch, bool derive, kernels::Requant* rq);

// Output size of a windowed op along one axis.
int32_t window_output_size(Padding padding, int32_t in, int32_t filter, int32_t stride, int32_t dilation);
// Leading (top/left) padding TFLite applies for the given output size.
int32_t window_leading_padding(int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t out);

inline kernels::Dims4 nhwc(const Shape& s) { return kernels::Dims4{s.dims[0], s.dims[1], s.dims[2], s.dims[3]}; }
inline kernels::Dims4 nhwc(const TensorSlot& t) { return kernels::Dims4{t.dims[0], t.dims[1], t.dims[2], t.dims[3]}; }

// Checks shared by every quantized tensor the int8 kernels read as a single
// (scale, zero point) pair.
Status require_per_tensor_int8(const PrepareContext& ctx, const Tensor& t, const char* role);

// snprintf for the ops' describe() texts, with the engine's format checking
// (TI_PRINTF_FORMAT: int32_t arguments print with %d on every target).
// "2x3x4 -> 6x4": the input's shape and the output's (data movement ops).
void describe_shape_change(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);
void describe_text(char* buffer, std::size_t size, const char* format, ...) TI_PRINTF_FORMAT(3, 4);

// Writes "1x28x28x1" into buffer.
void format_shape(const Shape& shape, char* buffer, std::size_t size);

}  // namespace tinyinfer
