// Reference ADD int16 with broadcasting: TFLite Micro's general rescale of
// both inputs to a common scale (left shift 15), sum, requantize, clamp.
#include "ops/add/add.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void add_int16(const BinaryParams& p, const BroadcastShape& shape, const int16_t* input1, const int16_t* input2,
               int16_t* output) {
  // |q - zp| < 2^16, shifted by 15: inside int32.
  binary_broadcast(shape, input1, input2, output, [&](int16_t a, int16_t b) {
    const int32_t scaled1 = rescale_input(a, p.input1_offset, p.left_shift, p.input1_multiplier, p.input1_shift);
    const int32_t scaled2 = rescale_input(b, p.input2_offset, p.left_shift, p.input2_multiplier, p.input2_shift);
    const int32_t raw =
        quant::multiply_by_quantized_multiplier(scaled1 + scaled2, p.output_multiplier, p.output_shift) +
        p.output_offset;
    return static_cast<int16_t>(clamp_to(raw, p.act_min, p.act_max));
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_int16, {&kAddOp, "add_int16", KernelChoice::kReference, signature({kI16, kI16}, kI16),
                                  kernel_entry<kernels::BinaryFn<int16_t>, kernels::reference::add_int16>(), nullptr});

}  // namespace tinyinfer
