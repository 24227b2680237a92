// Reference QUANTIZE float32 -> int8, per tensor.
#include <cmath>
#include <cstdint>

#include "ops/quantize/quantize.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void quantize(float scale, int32_t zero_point, int64_t count, const float* input, int8_t* output) {
  for (int64_t i = 0; i < count; ++i) {
    // Divide (not multiply by 1/scale) in float and round half away from
    // zero, as TFLite's AffineQuantize does.
    const float rounded = std::round(input[i] / scale);
    // Saturate in float first: casting an out-of-range float to int is
    // undefined. NaN maps to the zero point.
    int64_t q;
    if (rounded != rounded) {
      q = 0;
    } else if (rounded > 1e9f) {
      q = 1000000000;
    } else if (rounded < -1e9f) {
      q = -1000000000;
    } else {
      q = static_cast<int64_t>(rounded);
    }
    q += zero_point;
    q = q < -128 ? -128 : (q > 127 ? 127 : q);
    output[i] = static_cast<int8_t>(q);
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(quantize_float32_to_int8,
                      {&kQuantizeOp, "quantize_float32_to_int8", KernelChoice::kReference, signature({kF32}, kI8),
                       kernel_entry<kernels::QuantizeFn, kernels::reference::quantize>(), nullptr});

}  // namespace tinyinfer
