#include <algorithm>
#include <cmath>
#include <limits>

#include "dsp/softmax_fixed_point.h"
#include "ops/softmax/softmax.h"

namespace tinyinfer::quant {

void prepare_softmax_int8(double beta, double input_scale, kernels::SoftmaxInt8Params* params) {
  constexpr int kIntegerBits = kSoftmaxScaledDiffIntegerBits;
  // beta * scale as a Q5.26 multiplier of the raw int8 difference, capped so
  // that it stays an int32 (larger products only make exp() underflow sooner).
  const double input_beta_real_multiplier =
      std::min(beta * input_scale * static_cast<double>(int64_t{1} << (31 - kIntegerBits)),
               static_cast<double>((int64_t{1} << 31) - 1));
  int left_shift = 0;
  quantize_multiplier(input_beta_real_multiplier, &params->input_multiplier, &left_shift);
  params->input_left_shift = left_shift;
  // Largest |difference| whose rescaled value still fits in Q5.26 (below
  // -32 exp() is 0 anyway): floor((2^5 - 1) * 2^26 / 2^left_shift).
  const double max_input_rescaled =
      std::ldexp(static_cast<double>((1 << kIntegerBits) - 1), 31 - kIntegerBits - left_shift);
  const double radius = std::floor(max_input_rescaled);
  const double int32_max = static_cast<double>(std::numeric_limits<int32_t>::max());
  params->diff_min = -static_cast<int32_t>(std::min(radius, int32_max));
}

}  // namespace tinyinfer::quant
