// Reference L2_NORMALIZATION int8: 1/sqrt of the integer sum of squares as
// a quantized multiplier (TFLite's GetInvSqrtQuantizedMultiplierExp), output
// in units of 1/128.
#include "dsp/fixed_point.h"
#include "ops/common/activation_fixed_point.h"
#include "ops/l2_normalization/l2_normalization.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void l2_normalization_int8(int32_t input_zero_point, int32_t rows, int32_t depth, const int8_t* input, int8_t* output) {
  constexpr int kOutputScale = 7;
  constexpr int kReverseShift = -1;
  for (int32_t r = 0; r < rows; ++r) {
    const int8_t* in = input + int64_t{r} * depth;
    int8_t* out = output + int64_t{r} * depth;
    int32_t acc = 0;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t x = int32_t{in[c]} - input_zero_point;
      acc += x * x;
    }
    int32_t multiplier = 0;
    int shift = 0;
    act::inv_sqrt_quantized_multiplier(acc, kReverseShift, &multiplier, &shift);
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t x = int32_t{in[c]} - input_zero_point;
      int32_t v = quant::multiply_by_quantized_multiplier(x, multiplier, shift + kOutputScale);
      v = v > 127 ? 127 : (v < -128 ? -128 : v);
      out[c] = static_cast<int8_t>(v);
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(l2_normalization_int8,
                      {&kL2NormalizationOp, "l2_normalization_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::L2NormalizationInt8Fn, kernels::reference::l2_normalization_int8>(),
                       nullptr});

}  // namespace tinyinfer
