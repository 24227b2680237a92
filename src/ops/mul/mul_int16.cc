// Reference MUL int16 with broadcasting (zero points 0): the product of the
// two values requantized to the output scale, clamped.
#include "dsp/fixed_point.h"
#include "ops/mul/mul.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mul_int16(const BinaryParams& p, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output) {
  binary_broadcast(shape, input1, input2, output, [&](int16_t a, int16_t b) {
    // |a * b| <= 2^30: inside int32.
    const int32_t product = int32_t{a} * int32_t{b};
    const int32_t raw = quant::multiply_by_quantized_multiplier(product, p.output_multiplier, p.output_shift);
    return static_cast<int16_t>(clamp_to(raw, p.act_min, p.act_max));
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mul_int16, {&kMulOp, "mul_int16", KernelChoice::kReference, signature({kI16, kI16}, kI16),
                                  kernel_entry<kernels::BinaryFn<int16_t>, kernels::reference::mul_int16>(), nullptr});

}  // namespace tinyinfer
