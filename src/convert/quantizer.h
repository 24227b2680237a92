// Post-training quantization of float .tflite models, following the TFLite
// int8 quantization spec:
//   - hybrid: CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED weights become
//     symmetric int8 (zero point 0, scale = max|w| / 127), per output channel
//     for the convolutions; biases and activations stay float. The engine's
//     hybrid kernels dequantize the weights on the fly.
//   - int8: full integer. Activations are asymmetric int8 with ranges taken
//     from running the float model on calibration inputs (the range always
//     contains 0, so 0.0 is exact); weights symmetric int8, per output channel
//     for CONV_2D / DEPTHWISE_CONV_2D and per tensor for FULLY_CONNECTED (the
//     spec's table; older TFLite and TFLite Micro kernels accept only that);
//     biases int32 with scale input_scale * weight_scale[c] and zero point 0;
//     SOFTMAX output fixed at scale 1/256, zero point -128; pooling and
//     RESHAPE outputs share their input's quantization.
//
// Host-only (library tinyinfer_convert, never in firmware): it works on the
// flatc object API and std::vector, and the engine must stay heap-free.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "convert/model_writer.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/status.h"

namespace tinyinfer::quant {

enum class QuantizeMode { kHybrid, kInt8 };
enum class RangeMethod { kMinMax, kPercentile };

struct QuantizeOptions {
  QuantizeMode mode = QuantizeMode::kHybrid;
  // CONV_2D / DEPTHWISE_CONV_2D weights: one scale per output channel (the
  // default) or one per weight tensor. false makes every op per tensor.
  bool per_channel = true;
  // int8 mode, FULLY_CONNECTED weights: one scale per tensor (false, the TFLite
  // int8 spec) or per output channel (true, when per_channel is also true;
  // newer TFLite kernels and ours run it, the op version stays the same).
  // Hybrid FULLY_CONNECTED is always per tensor: per channel would be op
  // version 12, which our engine and most runtimes refuse.
  bool fc_per_channel = false;
  // int8 mode: model input/output tensors become int8 (true), or stay float
  // with a QUANTIZE op at the start and a DEQUANTIZE op at the end (false).
  bool int8_io = false;
  RangeMethod range = RangeMethod::kMinMax;
  // kPercentile: the range keeps the central values between the
  // (100 - percentile)-th and the percentile-th percentile of each tensor.
  double percentile = 99.99;
  // Kernels that run the float model during calibration.
  KernelChoice calibration_kernels = KernelChoice::kReference;
};

// One calibration example: for each model input (in order) its float values,
// exactly as many as the input tensor has elements.
using CalibrationSample = std::vector<std::vector<float>>;

struct QuantizeSummary {
  int32_t weight_tensors = 0;      // constant tensors converted to int8
  int32_t bias_tensors = 0;        // float biases converted to int32 (int8 mode)
  int32_t activation_tensors = 0;  // activations given int8 quantization (int8 mode)
  int32_t calibration_samples = 0;
  std::vector<std::string> notes;  // one line per decision worth telling the user
};

// Quantizes the model in `bytes` (any alignment; it is copied). int8 mode
// needs at least one calibration sample; hybrid ignores them. The result has
// been written with format::write_model and loaded back with Model::load.
// Refuses (kUnsupported, naming the op) models it cannot convert faithfully:
// ops outside the supported set in int8 mode, builtin options our schema
// subset does not declare, inputs that are already integer, and any field a
// rewrite through our schema subset would drop (format::check_round_trip_preserves:
// sparsity, builtin_options_2, ...). Metadata is kept, except
// "min_runtime_version", which described the float model (a summary note says so).
// signature_defs are kept, each entry pointed at the quantized model's input or
// output in the same position (with --io int8 that tensor is now int8); a
// signature naming a tensor that is not a model input/output is refused.
Status quantize_model(const void* bytes, std::size_t size, const QuantizeOptions& options,
                      const std::vector<CalibrationSample>& calibration, format::ModelBytes* out,
                      QuantizeSummary* summary);

// ---- Building blocks (exposed for tests) ----

// Symmetric int8 weights: q = round(w / scale) clamped to [-127, 127];
// per channel along `channel_dim` of `shape` (row-major) or one scale for the
// whole tensor. A channel of zeros gets scale 1/127 (any positive scale is
// exact for it; the loader requires scale > 0).
struct SymmetricWeights {
  std::vector<int8_t> values;
  std::vector<float> scales;
};
SymmetricWeights quantize_weights_symmetric(const std::vector<float>& weights, const std::vector<int32_t>& shape,
                                            int32_t channel_dim, bool per_channel);

// Asymmetric int8 activation parameters for a calibrated [min, max]: the range
// is widened to contain 0, scale = (max - min) / 255, zero point =
// round(-128 - min / scale) clamped to [-128, 127].
struct ActivationQuantization {
  float scale = 1.0f;
  int32_t zero_point = 0;
};
ActivationQuantization int8_activation_quantization(float min, float max);

}  // namespace tinyinfer::quant
