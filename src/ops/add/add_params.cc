#include "ops/add/add_params.h"

#include "dsp/fixed_point.h"

namespace tinyinfer::quant {

AddRealMultipliers add_real_multipliers(double in1_scale, double in2_scale, double out_scale, int32_t left_shift) {
  const double twice_max_input_scale = 2.0 * (in1_scale > in2_scale ? in1_scale : in2_scale);
  AddRealMultipliers r;
  r.input1 = in1_scale / twice_max_input_scale;
  r.input2 = in2_scale / twice_max_input_scale;
  r.output = twice_max_input_scale / (static_cast<double>(int32_t{1} << left_shift) * out_scale);
  return r;
}

void prepare_add_int8(double in1_scale, int32_t in1_zp, double in2_scale, int32_t in2_zp, double out_scale,
                      int32_t out_zp, int32_t act_min, int32_t act_max, kernels::AddInt8Params* p) {
  p->left_shift = 20;  // headroom: (q - zp) needs 9 bits, leaving 22 for precision
  p->input1_offset = -in1_zp;
  p->input2_offset = -in2_zp;
  p->output_offset = out_zp;
  const AddRealMultipliers real = add_real_multipliers(in1_scale, in2_scale, out_scale, p->left_shift);
  int shift = 0;
  quantize_multiplier(real.input1, &p->input1_multiplier, &shift);
  p->input1_shift = shift;
  quantize_multiplier(real.input2, &p->input2_multiplier, &shift);
  p->input2_shift = shift;
  quantize_multiplier(real.output, &p->output_multiplier, &shift);
  p->output_shift = shift;
  p->act_min = act_min;
  p->act_max = act_max;
}

}  // namespace tinyinfer::quant
