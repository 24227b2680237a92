// Reference CONV_2D: direct convolution in TFLite's loop order (window_walk.h).
#include "kernels/reference/reference.h"
#include "kernels/reference/window_walk.h"

namespace tinyinfer::kernels::reference {

void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                  const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out,
                  float* output) {
  conv_walk<float>(window, in, input, filter, filter_data, out, output, FloatProduct{},
                   FloatFinish{bias, clamp});
}

void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                 const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                 int8_t* output) {
  conv_walk<int32_t>(window, in, input, filter, filter_data, out, output, Int8Product{rq.input_offset},
                     Int8Finish{bias, rq});
}

void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                   const Dims4& filter, const int8_t* filter_data, const float* filter_scales,
                   const float* bias, const Dims4& out, float* output) {
  conv_walk<float>(window, in, input, filter, filter_data, out, output, HybridProduct{},
                   HybridFinish{filter_scales, bias, clamp});
}

}  // namespace tinyinfer::kernels::reference
