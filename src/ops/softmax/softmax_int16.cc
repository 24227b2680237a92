// Reference SOFTMAX int16 (zero points 0, output scale 1/32768): TFLite's
// table softmax.
#include <cstdint>

#include "ops/common/q16_int16_lut.h"
#include "ops/softmax/softmax.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

namespace {

int16_t saturate_int16(int32_t x) { return static_cast<int16_t>(x < -32768 ? -32768 : (x > 32767 ? 32767 : x)); }

// Leading zero bits of a positive 32-bit value.
int leading_zeros(uint32_t x) {
  int n = 0;
  for (uint32_t bit = uint32_t{1} << 31; bit != 0 && (x & bit) == 0; bit >>= 1) ++n;
  return n;
}

}  // namespace

void softmax_int16(const SoftmaxInt16Params& params, int32_t rows, int32_t depth, const int16_t* input,
                   int16_t* output) {
  for (int32_t row = 0; row < rows; ++row) {
    const int16_t* in = input + int64_t{row} * depth;
    int16_t* out = output + int64_t{row} * depth;
    int32_t max_in_row = -32768;
    for (int32_t c = 0; c < depth; ++c) max_in_row = in[c] > max_in_row ? in[c] : max_in_row;

    // exp(x - max) in Q0.15, kept in the output until the sum is known; the
    // sum in Q16.15 (the op bounds depth so that it stays inside int32).
    int32_t sum_of_exps = 0;
    for (int32_t c = 0; c < depth; ++c) {
      // [-65535, 0] scaled onto [-10, 0], re-centred onto the table's int16 range.
      const int32_t scaled =
          quant::multiply_by_quantized_multiplier(in[c] - max_in_row, params.input_multiplier, params.input_shift);
      out[c] = quant::int16_lut_lookup(saturate_int16(scaled + 32767), params.exp_lut);
      sum_of_exps += out[c];
    }

    // 1 / sum through the 1/(1 + x) table: the sum normalised to [1, 2) in
    // Q1.15, minus 1, re-centred onto the table's int16 range.
    const int headroom_plus_one = leading_zeros(static_cast<uint32_t>(sum_of_exps));
    const auto shifted_sum = static_cast<int32_t>(
        ((static_cast<int64_t>(sum_of_exps) << (headroom_plus_one - 1)) + (int64_t{1} << 13)) >> 14);
    const int16_t reciprocal =
        quant::int16_lut_lookup(saturate_int16(shifted_sum - (1 << 15) - (1 << 16)), params.one_over_one_plus_x_lut);

    const int right_shift = 31 - headroom_plus_one;
    const int64_t round = int64_t{1} << (right_shift - 1);
    for (int32_t c = 0; c < depth; ++c) {
      const auto result = static_cast<int32_t>((int64_t{out[c]} * reciprocal + round) >> right_shift);
      out[c] = static_cast<int16_t>(result < 0 ? 0 : (result > 32767 ? 32767 : result));
    }
  }
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(softmax_int16,
                      {&kSoftmaxOp, "softmax_int16", KernelChoice::kReference, signature({kI16}, kI16),
                       kernel_entry<kernels::SoftmaxInt16Fn, kernels::reference::softmax_int16>(), nullptr});

}  // namespace tinyinfer
