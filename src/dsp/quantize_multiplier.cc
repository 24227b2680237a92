#include <cmath>

#include "dsp/fixed_point.h"

namespace tinyinfer::quant {

void quantize_multiplier(double real_multiplier, int32_t* quantized_multiplier, int* shift) {
  if (!(real_multiplier > 0.0) || !std::isfinite(real_multiplier)) {
    *quantized_multiplier = 0;
    *shift = 0;
    return;
  }
  const double fraction = std::frexp(real_multiplier, shift);  // in [0.5, 1)
  int64_t q = static_cast<int64_t>(std::round(fraction * static_cast<double>(int64_t{1} << 31)));
  if (q == (int64_t{1} << 31)) {  // rounding carried into the next power
    q /= 2;
    ++*shift;
  }
  if (*shift < -31) {  // too small to represent: flush to zero as TFLite does
    *shift = 0;
    q = 0;
  }
  if (*shift > 30) {  // too large: saturate as TFLite does
    *shift = 30;
    q = (int64_t{1} << 31) - 1;
  }
  *quantized_multiplier = static_cast<int32_t>(q);
}

}  // namespace tinyinfer::quant
