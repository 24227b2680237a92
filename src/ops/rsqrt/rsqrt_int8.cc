// Reference RSQRT int8, quantized per tensor (rsqrt.h: TFLite Micro's
// RsqrtEvalQuantized, bit for bit).
#include <cstdint>

#include "dsp/fixed_point.h"
#include "ops/common/unary_inv_sqrt.h"
#include "ops/rsqrt/rsqrt.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void rsqrt_int8(const UnaryQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  constexpr int kShift = 20;  // fraction bits of the intermediate 1/sqrt(v)
  for (int64_t i = 0; i < count; ++i) {
    const int32_t value = int32_t{input[i]} - params.input_zero_point;
    if (value == 0) {
      output[i] = 127;  // 1/sqrt(0): the largest output, as TFLite
      continue;
    }
    int32_t inv_sqrt_multiplier = 0;
    int inv_sqrt_shift = 0;
    quant::inv_sqrt_quantized_multiplier_exp(value, quant::kInvSqrtReverseShift, &inv_sqrt_multiplier, &inv_sqrt_shift);
    const int32_t fixed = quant::multiply_by_quantized_multiplier(1, inv_sqrt_multiplier, inv_sqrt_shift + kShift);
    const int32_t scaled = quant::multiply_by_quantized_multiplier(fixed, params.multiplier, params.shift - kShift);
    // The int32 sum wraps as TFLite's does (reached only by extreme scales).
    const int32_t q =
        static_cast<int32_t>(static_cast<uint32_t>(scaled) + static_cast<uint32_t>(params.output_zero_point));
    output[i] = static_cast<int8_t>(q < -128 ? -128 : (q > 127 ? 127 : q));
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(rsqrt_int8, {&kRsqrtOp, "rsqrt_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                   kernel_entry<kernels::UnaryInt8Fn, kernels::reference::rsqrt_int8>(), nullptr});

}  // namespace tinyinfer
