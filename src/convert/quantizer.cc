#include "convert/quantizer.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>

#include "convert/model_writer.h"
#include "format/tflite_schema_generated.h"
#include "tinyinfer/model.h"
#include "tinyinfer/profiler.h"

namespace tinyinfer::quant {

namespace fb = ::tinyinfer::tflite;
using format::ModelBytes;

namespace {

constexpr int32_t kInt8Min = -128;
constexpr int32_t kInt8Max = 127;
constexpr int32_t kWeightMax = 127;  // symmetric weights use [-127, 127]
constexpr double kInt32Limit = 2147483647.0;
constexpr int32_t kHistogramBins = 4096;

std::string format_text(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string format_text(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  return buffer;
}

int32_t effective_code(const fb::OperatorCodeT& code) {
  return std::max(static_cast<int32_t>(code.builtin_code), static_cast<int32_t>(code.deprecated_builtin_code));
}

// ---- Access to the unpacked model ----

class Graph {
 public:
  explicit Graph(fb::ModelT* model) : model_(*model), graph_(*model->subgraphs[0]) {}

  fb::ModelT& model() { return model_; }
  fb::SubGraphT& graph() { return graph_; }
  int32_t tensor_count() const { return static_cast<int32_t>(graph_.tensors.size()); }
  fb::TensorT& tensor(int32_t i) { return *graph_.tensors[static_cast<std::size_t>(i)]; }
  const char* name(int32_t i) { return tensor(i).name.c_str(); }

  int32_t code_of(const fb::OperatorT& op) const { return effective_code(*model_.operator_codes[op.opcode_index]); }
  int32_t version_of(const fb::OperatorT& op) const { return model_.operator_codes[op.opcode_index]->version; }

  bool is_constant(int32_t i) {
    const fb::TensorT& t = tensor(i);
    return t.buffer != 0 && t.buffer < model_.buffers.size() && model_.buffers[t.buffer] &&
           !model_.buffers[t.buffer]->data.empty();
  }
  const std::vector<uint8_t>& data(int32_t i) { return model_.buffers[tensor(i).buffer]->data; }

  // The tensor's buffer, copied first when other tensors share it, so
  // rewriting it changes only this tensor.
  std::vector<uint8_t>& writable_data(int32_t i) {
    fb::TensorT& t = tensor(i);
    int32_t users = 0;
    for (const auto& other : graph_.tensors) users += other->buffer == t.buffer ? 1 : 0;
    if (users > 1) {
      auto copy = std::make_unique<fb::BufferT>();
      copy->data = model_.buffers[t.buffer]->data;
      model_.buffers.push_back(std::move(copy));
      t.buffer = static_cast<uint32_t>(model_.buffers.size() - 1);
    }
    return model_.buffers[t.buffer]->data;
  }

  int64_t elements(int32_t i) {
    int64_t n = 1;
    for (int32_t d : tensor(i).shape) n *= d;
    return n;
  }

 private:
  fb::ModelT& model_;
  fb::SubGraphT& graph_;
};

void set_quantization(fb::TensorT* t, const std::vector<float>& scales, const std::vector<int64_t>& zero_points,
                      int32_t quantized_dimension) {
  t->quantization = std::make_unique<fb::QuantizationParametersT>();
  t->quantization->scale = scales;
  t->quantization->zero_point = zero_points;
  t->quantization->quantized_dimension = quantized_dimension;
}

// Float values of a constant: float32 as is, int8 with scales dequantized
// (a hybrid model's weights, so int8 mode accepts the study's compressed model).
Status constant_as_float(Graph& g, int32_t index, std::vector<float>* out) {
  const fb::TensorT& t = g.tensor(index);
  const std::vector<uint8_t>& bytes = g.data(index);
  const int64_t n = g.elements(index);
  if (t.type == fb::TensorType::FLOAT32) {
    out->resize(static_cast<std::size_t>(n));
    std::memcpy(out->data(), bytes.data(), out->size() * sizeof(float));
    return Status::ok();
  }
  if (t.type == fb::TensorType::INT8 && t.quantization && !t.quantization->scale.empty()) {
    const auto& q = *t.quantization;
    const int32_t dim = q.scale.size() > 1 ? q.quantized_dimension : 0;
    int64_t inner = 1;
    for (std::size_t d = static_cast<std::size_t>(dim) + 1; d < t.shape.size(); ++d) inner *= t.shape[d];
    out->resize(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
      const std::size_t c = q.scale.size() > 1 ? static_cast<std::size_t>((i / inner) % t.shape[dim]) : 0;
      const int64_t zp = c < q.zero_point.size() ? q.zero_point[c] : 0;
      (*out)[static_cast<std::size_t>(i)] =
          q.scale[c] * static_cast<float>(static_cast<int8_t>(bytes[static_cast<std::size_t>(i)]) - zp);
    }
    return Status::ok();
  }
  return Status::error(StatusCode::kUnsupported, "tensor %d '%s': constant of this type cannot be requantized", index,
                       t.name.c_str());
}

void store_int8(Graph& g, int32_t index, const SymmetricWeights& w, int32_t channel_dim) {
  std::vector<uint8_t>& bytes = g.writable_data(index);
  bytes.resize(w.values.size());
  std::memcpy(bytes.data(), w.values.data(), w.values.size());
  fb::TensorT& t = g.tensor(index);
  t.type = fb::TensorType::INT8;
  set_quantization(&t, w.scales, std::vector<int64_t>(w.scales.size(), 0), w.scales.size() > 1 ? channel_dim : 0);
}

// Refuses ops whose options our schema subset does not declare: unpacking
// would silently drop them and change what the op computes.
Status check_options_known(Graph& g) {
  for (std::size_t i = 0; i < g.graph().operators.size(); ++i) {
    const fb::OperatorT& op = *g.graph().operators[i];
    if (op.builtin_options.type != fb::BuiltinOptions::NONE && op.builtin_options.value == nullptr) {
      return Status::error(StatusCode::kUnsupported,
                           "op %zu (%s): builtin options type %d is outside tinyinfer's schema subset; "
                           "refusing to drop them",
                           i, op_code_name(g.code_of(op)).text, static_cast<int>(op.builtin_options.type));
    }
    if (!op.custom_options.empty())
      return Status::error(StatusCode::kUnsupported, "op %zu (%s): custom options", i,
                           op_code_name(g.code_of(op)).text);
  }
  return Status::ok();
}

// Rebuilds operator_codes from (code, version) per op, so ops of one code
// that now need different versions get separate entries and unused ones go.
void assign_opcodes(Graph& g, const std::vector<int32_t>& op_codes, const std::vector<int32_t>& versions) {
  std::vector<std::unique_ptr<fb::OperatorCodeT>> codes;
  auto& ops = g.graph().operators;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const int32_t code = op_codes[i];
    int32_t index = -1;
    for (std::size_t c = 0; c < codes.size(); ++c)
      if (effective_code(*codes[c]) == code && codes[c]->version == versions[i]) index = static_cast<int32_t>(c);
    if (index < 0) {
      auto entry = std::make_unique<fb::OperatorCodeT>();
      entry->builtin_code = static_cast<fb::BuiltinOperator>(code);
      entry->deprecated_builtin_code = static_cast<int8_t>(std::min(code, 127));
      entry->version = versions[i];
      codes.push_back(std::move(entry));
      index = static_cast<int32_t>(codes.size() - 1);
    }
    ops[i]->opcode_index = static_cast<uint32_t>(index);
  }
  g.model().operator_codes = std::move(codes);
}

bool is_weighted_op(int32_t code) {
  return code == static_cast<int32_t>(OpCode::kConv2d) || code == static_cast<int32_t>(OpCode::kDepthwiseConv2d) ||
         code == static_cast<int32_t>(OpCode::kFullyConnected);
}

int32_t weight_channel_dim(int32_t code) { return code == static_cast<int32_t>(OpCode::kDepthwiseConv2d) ? 3 : 0; }

// ---- Hybrid ----

// TFLite's op versions for float input x int8 weights (the rules of
// TFLite's tools/versioning/op_version.cc, checked in the same order).
// FULLY_CONNECTED: per-channel hybrid 12; otherwise a missing bias (exactly
// two inputs; an omitted bias written as -1 still counts as an input) 6,
// keep_num_dims 5, asymmetric_quantize_inputs 9, else 3.
int32_t hybrid_version(int32_t code, bool per_channel, const fb::OperatorT& op) {
  switch (static_cast<OpCode>(code)) {
    case OpCode::kConv2d:
      return per_channel ? 5 : 2;
    case OpCode::kDepthwiseConv2d:
      return per_channel ? 6 : 4;
    case OpCode::kFullyConnected: {
      if (per_channel) return 12;
      if (op.inputs.size() == 2) return 6;
      const auto* o = op.builtin_options.AsFullyConnectedOptions();
      if (o != nullptr && o->keep_num_dims) return 5;
      if (o != nullptr && o->asymmetric_quantize_inputs) return 9;
      return 3;
    }
    default:
      return 1;
  }
}

Status quantize_hybrid(Graph& g, const QuantizeOptions& options, QuantizeSummary* summary) {
  auto& ops = g.graph().operators;
  std::vector<int32_t> versions(ops.size()), codes(ops.size());
  std::vector<bool> done(static_cast<std::size_t>(g.tensor_count()), false);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    fb::OperatorT& op = *ops[i];
    const int32_t code = g.code_of(op);
    codes[i] = code;
    versions[i] = g.version_of(op);
    if (!is_weighted_op(code) || op.inputs.size() < 2 || op.inputs[1] < 0) continue;
    const int32_t w = op.inputs[1];
    if (!g.is_constant(w)) continue;
    if (op.inputs[0] < 0 || g.tensor(op.inputs[0]).type != fb::TensorType::FLOAT32) continue;
    // Per-channel hybrid FULLY_CONNECTED is TFLite op version 12, past what the
    // engine (max 9) and most runtimes read, so FC weights get one scale.
    const bool per_channel = options.per_channel && code != static_cast<int32_t>(OpCode::kFullyConnected);
    fb::TensorT& wt = g.tensor(w);
    if (wt.type == fb::TensorType::INT8) {
      const bool pc = wt.quantization && wt.quantization->scale.size() > 1;
      versions[i] = std::max(versions[i], hybrid_version(code, pc, op));
      continue;  // already hybrid
    }
    if (wt.type != fb::TensorType::FLOAT32) continue;
    if (!done[static_cast<std::size_t>(w)]) {
      std::vector<float> values;
      TI_RETURN_IF_ERROR(constant_as_float(g, w, &values));
      const int32_t dim = weight_channel_dim(code);
      if (static_cast<std::size_t>(dim) >= wt.shape.size())
        return Status::error(StatusCode::kInvalidModel, "op %zu: weights '%s' have rank %zu", i, wt.name.c_str(),
                             wt.shape.size());
      const SymmetricWeights q = quantize_weights_symmetric(values, wt.shape, dim, per_channel);
      store_int8(g, w, q, dim);
      done[static_cast<std::size_t>(w)] = true;
      ++summary->weight_tensors;
      summary->notes.push_back(
          format_text("op %zu %s: weights '%s' -> int8, %s (%zu scale%s)", i, op_code_name(code).text, wt.name.c_str(),
                      per_channel ? "per channel" : "per tensor", q.scales.size(), q.scales.size() == 1 ? "" : "s"));
    }
    versions[i] = hybrid_version(code, per_channel, op);
  }
  // A weight tensor shared with a non-weight use would now feed int8 data to
  // an op expecting float: refuse rather than write a broken model.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const fb::OperatorT& op = *ops[i];
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0 || !done[static_cast<std::size_t>(t)]) continue;
      if (!(is_weighted_op(g.code_of(op)) && k == 1))
        return Status::error(StatusCode::kUnsupported, "op %zu (%s) also reads weights '%s' as a float input", i,
                             op_code_name(g.code_of(op)).text, g.name(t));
    }
  }
  assign_opcodes(g, codes, versions);
  return Status::ok();
}

// ---- Calibration ----

struct TensorStats {
  bool seen = false;
  float min = std::numeric_limits<float>::infinity();
  float max = -std::numeric_limits<float>::infinity();
  bool non_finite = false;
  std::vector<uint64_t> histogram;  // second pass (percentile)
  uint64_t count = 0;

  void observe_range(const float* v, int64_t n) {
    seen = true;
    for (int64_t i = 0; i < n; ++i) {
      if (!std::isfinite(v[i])) {
        non_finite = true;
        continue;
      }
      min = std::min(min, v[i]);
      max = std::max(max, v[i]);
    }
  }
  void observe_histogram(const float* v, int64_t n) {
    if (histogram.empty()) histogram.assign(kHistogramBins, 0);
    const double width = (static_cast<double>(max) - min) / kHistogramBins;
    for (int64_t i = 0; i < n; ++i) {
      if (!std::isfinite(v[i])) continue;
      int64_t bin = width > 0 ? static_cast<int64_t>((v[i] - static_cast<double>(min)) / width) : 0;
      bin = std::clamp<int64_t>(bin, 0, kHistogramBins - 1);
      ++histogram[static_cast<std::size_t>(bin)];
      ++count;
    }
  }
  // [lower, upper] holding `percentile` percent at each tail's side.
  void percentile_range(double percentile, float* lower, float* upper) const {
    *lower = min;
    *upper = max;
    if (histogram.empty() || count == 0) return;
    const double width = (static_cast<double>(max) - min) / kHistogramBins;
    const double tail = (100.0 - percentile) / 100.0 * static_cast<double>(count);
    double cumulative = 0;
    for (int32_t b = 0; b < kHistogramBins; ++b) {
      cumulative += static_cast<double>(histogram[static_cast<std::size_t>(b)]);
      if (cumulative > tail) {
        *lower = static_cast<float>(min + width * b);
        break;
      }
    }
    cumulative = 0;
    for (int32_t b = kHistogramBins - 1; b >= 0; --b) {
      cumulative += static_cast<double>(histogram[static_cast<std::size_t>(b)]);
      if (cumulative > tail) {
        *upper = static_cast<float>(min + width * (b + 1));
        break;
      }
    }
    *upper = std::min(*upper, max);
  }
};

// Reads every float op output right after the op ran (the arena reuses the
// bytes later).
class CalibrationRecorder : public Profiler {
 public:
  CalibrationRecorder(const Interpreter& interpreter, std::vector<TensorStats>* stats, bool histogram_pass)
      : interpreter_(interpreter), stats_(*stats), histogram_pass_(histogram_pass) {}
  const char* unit() const override { return "calls"; }
  uint64_t now() override { return 0; }
  void record(int32_t op_index, const char*, uint64_t) override {
    const OpInfo info = interpreter_.op_info(op_index);
    for (int32_t k = 0; k < info.output_count; ++k) observe(info.outputs[k]);
  }
  void observe(int32_t index) {
    if (index < 0 || index >= interpreter_.tensor_count()) return;
    const Tensor& t = interpreter_.tensor(index);
    if (t.type != DataType::kFloat32 || t.data == nullptr) return;
    TensorStats& s = stats_[static_cast<std::size_t>(index)];
    if (histogram_pass_)
      s.observe_histogram(t.data_as<const float>(), t.shape.elements());
    else
      s.observe_range(t.data_as<const float>(), t.shape.elements());
  }

 private:
  const Interpreter& interpreter_;
  std::vector<TensorStats>& stats_;
  bool histogram_pass_;
};

Status init_calibration_interpreter(const Model& model, KernelChoice kernels, ModelBytes* arena,
                                    Interpreter* interpreter) {
  for (std::size_t bytes = std::size_t{1} << 20; bytes <= (std::size_t{1} << 30); bytes *= 4) {
    *arena = ModelBytes(bytes);
    const Status status = interpreter->init(model, kernels, arena->data(), arena->size());
    if (status.code() != StatusCode::kArenaTooSmall) return status;
  }
  return Status::error(StatusCode::kArenaTooSmall, "calibration: the float model needs more than 1 GiB of arena");
}

Status calibrate(const ModelBytes& float_model, const QuantizeOptions& options,
                 const std::vector<CalibrationSample>& samples, std::vector<TensorStats>* stats) {
  Model model;
  TI_RETURN_IF_ERROR(Model::load(float_model.data(), float_model.size(), &model));
  ModelBytes arena;
  Interpreter interpreter;
  TI_RETURN_IF_ERROR(init_calibration_interpreter(model, options.calibration_kernels, &arena, &interpreter));
  stats->assign(static_cast<std::size_t>(interpreter.tensor_count()), TensorStats());
  const int passes = options.range == RangeMethod::kPercentile ? 2 : 1;
  for (int pass = 0; pass < passes; ++pass) {
    CalibrationRecorder recorder(interpreter, stats, pass == 1);
    for (std::size_t s = 0; s < samples.size(); ++s) {
      if (static_cast<int32_t>(samples[s].size()) != interpreter.input_count())
        return Status::error(StatusCode::kInvalidArgument, "calibration sample %zu has %zu inputs, the model %d", s,
                             samples[s].size(), interpreter.input_count());
      for (int32_t k = 0; k < interpreter.input_count(); ++k) {
        Tensor* input = interpreter.input(k);
        const std::vector<float>& values = samples[s][static_cast<std::size_t>(k)];
        if (input->type != DataType::kFloat32 || static_cast<int64_t>(values.size()) != input->shape.elements())
          return Status::error(StatusCode::kInvalidArgument,
                               "calibration sample %zu: input %d needs %lld float values, got %zu", s, k,
                               static_cast<long long>(input->shape.elements()), values.size());
        std::memcpy(input->data, values.data(), values.size() * sizeof(float));
        recorder.observe(model.input_tensor_index(k));
      }
      TI_RETURN_IF_ERROR(interpreter.invoke(&recorder));
    }
  }
  return Status::ok();
}

// ---- Full integer ----

// TFLite's op versions for int8 inputs and outputs.
int32_t int8_version(int32_t code, const fb::OperatorT& op) {
  switch (static_cast<OpCode>(code)) {
    case OpCode::kConv2d:
    case OpCode::kDepthwiseConv2d:
      return 3;
    case OpCode::kFullyConnected: {
      if (op.inputs.size() == 2) return 6;
      const auto* o = op.builtin_options.AsFullyConnectedOptions();
      if (o != nullptr && o->keep_num_dims) return 5;
      return 4;
    }
    case OpCode::kMaxPool2d:
    case OpCode::kAveragePool2d:
    case OpCode::kSoftmax:
    case OpCode::kAdd:
    case OpCode::kDequantize:
      return 2;
    case OpCode::kReshape:
    case OpCode::kQuantize:
      return 1;
  }
  return 1;
}

bool int8_supported(int32_t code) {
  switch (static_cast<OpCode>(code)) {
    case OpCode::kConv2d:
    case OpCode::kDepthwiseConv2d:
    case OpCode::kFullyConnected:
    case OpCode::kMaxPool2d:
    case OpCode::kAveragePool2d:
    case OpCode::kSoftmax:
    case OpCode::kAdd:
    case OpCode::kReshape:
      return true;
    default:
      return false;
  }
}

bool shares_input_quantization(int32_t code) {
  return code == static_cast<int32_t>(OpCode::kMaxPool2d) || code == static_cast<int32_t>(OpCode::kAveragePool2d) ||
         code == static_cast<int32_t>(OpCode::kReshape);
}

void set_activation(fb::TensorT* t, const ActivationQuantization& q) {
  t->type = fb::TensorType::INT8;
  set_quantization(t, {q.scale}, {q.zero_point}, 0);
}

ActivationQuantization quantization_of(const fb::TensorT& t) {
  return {t.quantization->scale[0], static_cast<int32_t>(t.quantization->zero_point[0])};
}

// Weights (per channel for the convolutions, per tensor for FULLY_CONNECTED
// unless options.fc_per_channel) and int32 bias of one CONV/DEPTHWISE/FC. A
// bias too large for int32 at input_scale * weight_scale widens that
// channel's weight scale until it fits.
Status quantize_weights_and_bias(Graph& g, std::size_t op_index, const QuantizeOptions& options,
                                 std::vector<bool>* done, QuantizeSummary* summary) {
  fb::OperatorT& op = *g.graph().operators[op_index];
  const int32_t code = g.code_of(op);
  const int32_t w = op.inputs[1];
  const int32_t b = op.inputs.size() > 2 ? op.inputs[2] : -1;
  if (!g.is_constant(w))
    return Status::error(StatusCode::kUnsupported, "op %zu (%s): weights '%s' are not constant", op_index,
                         op_code_name(code).text, g.name(w));
  if ((*done)[static_cast<std::size_t>(w)] || (b >= 0 && (*done)[static_cast<std::size_t>(b)]))
    return Status::error(StatusCode::kUnsupported, "op %zu (%s): weights or bias shared with another op", op_index,
                         op_code_name(code).text);
  const int32_t dim = weight_channel_dim(code);
  fb::TensorT& wt = g.tensor(w);
  if (static_cast<std::size_t>(dim) >= wt.shape.size())
    return Status::error(StatusCode::kInvalidModel, "op %zu: weights '%s' have rank %zu", op_index, wt.name.c_str(),
                         wt.shape.size());
  std::vector<float> weights;
  TI_RETURN_IF_ERROR(constant_as_float(g, w, &weights));
  const bool per_channel =
      options.per_channel && (code != static_cast<int32_t>(OpCode::kFullyConnected) || options.fc_per_channel);
  SymmetricWeights q = quantize_weights_symmetric(weights, wt.shape, dim, per_channel);
  const float input_scale = g.tensor(op.inputs[0]).quantization->scale[0];

  std::vector<float> bias;
  if (b >= 0) {
    if (!g.is_constant(b) || g.tensor(b).type != fb::TensorType::FLOAT32)
      return Status::error(StatusCode::kUnsupported, "op %zu (%s): bias '%s' is not a float constant", op_index,
                           op_code_name(code).text, g.name(b));
    TI_RETURN_IF_ERROR(constant_as_float(g, b, &bias));
    const int32_t channels = wt.shape[static_cast<std::size_t>(dim)];
    if (static_cast<int32_t>(bias.size()) != channels)
      return Status::error(StatusCode::kInvalidModel, "op %zu: bias has %zu values for %d channels", op_index,
                           bias.size(), channels);
    // Bias overflow: only possible with tiny weights next to a large bias.
    bool widened = false;
    float max_bias = 0;
    for (float v : bias) max_bias = std::max(max_bias, std::fabs(v));
    if (max_bias / (static_cast<double>(input_scale) * *std::min_element(q.scales.begin(), q.scales.end())) >
        kInt32Limit / 2) {
      for (std::size_t c = 0; c < q.scales.size(); ++c) {
        const float need = static_cast<float>(max_bias / (static_cast<double>(input_scale) * kInt32Limit / 2));
        if (q.scales[c] < need) q.scales[c] = need, widened = true;
      }
    }
    if (widened) {
      // Requantize with the widened scales.
      int64_t inner = 1;
      for (std::size_t d = static_cast<std::size_t>(dim) + 1; d < wt.shape.size(); ++d) inner *= wt.shape[d];
      for (std::size_t i = 0; i < weights.size(); ++i) {
        const std::size_t c =
            q.scales.size() > 1
                ? static_cast<std::size_t>((static_cast<int64_t>(i) / inner) % wt.shape[static_cast<std::size_t>(dim)])
                : 0;
        const long r = std::lround(weights[i] / q.scales[c]);
        q.values[i] = static_cast<int8_t>(std::clamp<long>(r, -kWeightMax, kWeightMax));
      }
      summary->notes.push_back(
          format_text("op %zu %s: weight scales widened so the bias fits int32", op_index, op_code_name(code).text));
    }
  }
  store_int8(g, w, q, dim);
  (*done)[static_cast<std::size_t>(w)] = true;
  ++summary->weight_tensors;

  if (b >= 0) {
    fb::TensorT& bt = g.tensor(b);
    std::vector<int32_t> values(bias.size());
    std::vector<float> scales(bias.size());
    for (std::size_t c = 0; c < bias.size(); ++c) {
      // float product, as TFLite compares bias scale to input * filter scale
      scales[c] = input_scale * q.scales[q.scales.size() > 1 ? c : 0];
      const double r = std::round(static_cast<double>(bias[c]) / scales[c]);
      values[c] = static_cast<int32_t>(std::clamp(r, -kInt32Limit, kInt32Limit));
    }
    if (q.scales.size() == 1) scales.resize(1);
    std::vector<uint8_t>& bytes = g.writable_data(b);
    bytes.resize(values.size() * sizeof(int32_t));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    bt.type = fb::TensorType::INT32;
    set_quantization(&bt, scales, std::vector<int64_t>(scales.size(), 0), 0);
    (*done)[static_cast<std::size_t>(b)] = true;
    ++summary->bias_tensors;
  }
  summary->notes.push_back(format_text("op %zu %s: weights '%s' -> int8 %s, bias -> int32", op_index,
                                       op_code_name(code).text, wt.name.c_str(),
                                       q.scales.size() > 1 ? "per channel" : "per tensor"));
  return Status::ok();
}

Status quantize_int8(Graph& g, const ModelBytes& float_bytes, const QuantizeOptions& options,
                     const std::vector<CalibrationSample>& calibration, QuantizeSummary* summary) {
  auto& ops = g.graph().operators;
  // Refuse before the (slow) calibration.
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const int32_t code = g.code_of(*ops[i]);
    for (int32_t t : ops[i]->outputs) {
      if (t >= 0 && g.tensor(t).type != fb::TensorType::FLOAT32)
        return Status::error(StatusCode::kUnsupported,
                             "op %zu (%s): output '%s' is %s; the int8 quantizer needs a float model", i,
                             op_code_name(code).text, g.name(t), fb::EnumNameTensorType(g.tensor(t).type));
    }
    if (!int8_supported(code))
      return Status::error(StatusCode::kUnsupported, "op %zu (%s): not supported by the int8 quantizer", i,
                           op_code_name(code).text);
  }
  for (int32_t t : g.graph().inputs)
    if (g.tensor(t).type != fb::TensorType::FLOAT32)
      return Status::error(StatusCode::kUnsupported, "model input '%s' is %s; the int8 quantizer needs a float model",
                           g.name(t), fb::EnumNameTensorType(g.tensor(t).type));
  if (calibration.empty())
    return Status::error(StatusCode::kInvalidArgument, "int8 quantization needs calibration samples");

  std::vector<TensorStats> stats;
  TI_RETURN_IF_ERROR(calibrate(float_bytes, options, calibration, &stats));
  summary->calibration_samples = static_cast<int32_t>(calibration.size());

  auto range_of = [&](int32_t t, float* lo, float* hi) -> Status {
    const TensorStats& s = stats[static_cast<std::size_t>(t)];
    if (!s.seen || s.min > s.max)
      return Status::error(StatusCode::kInvalidArgument, "tensor %d '%s' was never computed during calibration", t,
                           g.name(t));
    if (s.non_finite)
      return Status::error(StatusCode::kInvalidArgument, "tensor %d '%s' held NaN or infinity during calibration", t,
                           g.name(t));
    if (options.range == RangeMethod::kPercentile)
      s.percentile_range(options.percentile, lo, hi);
    else
      *lo = s.min, *hi = s.max;
    return Status::ok();
  };

  std::vector<bool> activation_done(static_cast<std::size_t>(g.tensor_count()), false);
  auto assign_calibrated = [&](int32_t t) -> Status {
    float lo = 0, hi = 0;
    TI_RETURN_IF_ERROR(range_of(t, &lo, &hi));
    const ActivationQuantization q = int8_activation_quantization(lo, hi);
    set_activation(&g.tensor(t), q);
    activation_done[static_cast<std::size_t>(t)] = true;
    ++summary->activation_tensors;
    return Status::ok();
  };

  for (int32_t t : g.graph().inputs) TI_RETURN_IF_ERROR(assign_calibrated(t));

  std::vector<bool> constant_done(static_cast<std::size_t>(g.tensor_count()), false);
  std::vector<int32_t> versions(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    fb::OperatorT& op = *ops[i];
    const int32_t code = g.code_of(op);
    // Constant float inputs other than weights/bias (ADD with a constant):
    // asymmetric int8 over their own range.
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0 || !g.is_constant(t) || g.tensor(t).type != fb::TensorType::FLOAT32) continue;
      if (is_weighted_op(code) && k >= 1) continue;
      if (constant_done[static_cast<std::size_t>(t)]) continue;
      std::vector<float> values;
      TI_RETURN_IF_ERROR(constant_as_float(g, t, &values));
      float lo = 0, hi = 0;
      for (float v : values) lo = std::min(lo, v), hi = std::max(hi, v);
      const ActivationQuantization q = int8_activation_quantization(lo, hi);
      std::vector<uint8_t>& bytes = g.writable_data(t);
      bytes.resize(values.size());
      for (std::size_t e = 0; e < values.size(); ++e) {
        const long r = std::lround(values[e] / q.scale) + q.zero_point;
        bytes[e] = static_cast<uint8_t>(static_cast<int8_t>(std::clamp<long>(r, kInt8Min, kInt8Max)));
      }
      set_activation(&g.tensor(t), q);
      constant_done[static_cast<std::size_t>(t)] = true;
    }
    // Activation inputs must have been quantized by now (ops are in order).
    for (std::size_t k = 0; k < op.inputs.size(); ++k) {
      const int32_t t = op.inputs[k];
      if (t < 0 || g.is_constant(t)) continue;
      if (!activation_done[static_cast<std::size_t>(t)])
        return Status::error(StatusCode::kInvalidModel, "op %zu (%s): input '%s' is read before it is written", i,
                             op_code_name(code).text, g.name(t));
    }
    if (is_weighted_op(code)) {
      if (op.inputs.size() < 2 || op.inputs[0] < 0 || op.inputs[1] < 0)
        return Status::error(StatusCode::kInvalidModel, "op %zu (%s): missing input or weights", i,
                             op_code_name(code).text);
      TI_RETURN_IF_ERROR(quantize_weights_and_bias(g, i, options, &constant_done, summary));
    }
    for (int32_t t : op.outputs) {
      if (t < 0) continue;
      if (code == static_cast<int32_t>(OpCode::kSoftmax)) {
        set_activation(&g.tensor(t), {1.0f / 256.0f, -128});
        activation_done[static_cast<std::size_t>(t)] = true;
        ++summary->activation_tensors;
      } else if (shares_input_quantization(code)) {
        set_activation(&g.tensor(t), quantization_of(g.tensor(op.inputs[0])));
        activation_done[static_cast<std::size_t>(t)] = true;
        ++summary->activation_tensors;
      } else {
        TI_RETURN_IF_ERROR(assign_calibrated(t));
      }
    }
    versions[i] = int8_version(code, op);
  }

  // Model I/O: int8 as is, or float through QUANTIZE / DEQUANTIZE.
  std::vector<int32_t> codes(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) codes[i] = g.code_of(*ops[i]);
  if (!options.int8_io) {
    // The float tensor keeps the original name and index (what users and
    // signatures refer to); a new "<name>_int8" tensor carries the int8 side.
    auto split_off_int8 = [&](int32_t t) {
      fb::TensorT& original = g.tensor(t);
      auto q = std::make_unique<fb::TensorT>();
      q->shape = original.shape;
      q->shape_signature = original.shape_signature;
      q->type = fb::TensorType::INT8;
      q->buffer = 0;
      q->name = original.name + "_int8";
      q->quantization = std::move(original.quantization);
      original.type = fb::TensorType::FLOAT32;
      g.graph().tensors.push_back(std::move(q));
      return g.tensor_count() - 1;
    };
    auto redirect = [&](int32_t from, int32_t to, bool inputs, bool outputs) {
      for (auto& op : ops) {
        if (inputs)
          for (int32_t& t : op->inputs) t = t == from ? to : t;
        if (outputs)
          for (int32_t& t : op->outputs) t = t == from ? to : t;
      }
    };
    std::vector<std::unique_ptr<fb::OperatorT>> prologue, epilogue;
    for (int32_t in : g.graph().inputs) {
      const int32_t q = split_off_int8(in);
      redirect(in, q, true, false);
      auto op = std::make_unique<fb::OperatorT>();
      op->inputs = {in};
      op->outputs = {q};
      prologue.push_back(std::move(op));
    }
    for (int32_t out : g.graph().outputs) {
      const int32_t q = split_off_int8(out);
      redirect(out, q, true, true);
      auto op = std::make_unique<fb::OperatorT>();
      op->inputs = {q};
      op->outputs = {out};
      epilogue.push_back(std::move(op));
    }
    std::vector<int32_t> all_codes, all_versions;
    std::vector<std::unique_ptr<fb::OperatorT>> all_ops;
    for (auto& op : prologue) {
      all_ops.push_back(std::move(op));
      all_codes.push_back(static_cast<int32_t>(OpCode::kQuantize));
      all_versions.push_back(1);
    }
    for (std::size_t i = 0; i < ops.size(); ++i) {
      all_ops.push_back(std::move(ops[i]));
      all_codes.push_back(codes[i]);
      all_versions.push_back(versions[i]);
    }
    for (auto& op : epilogue) {
      all_ops.push_back(std::move(op));
      all_codes.push_back(static_cast<int32_t>(OpCode::kDequantize));
      all_versions.push_back(2);
    }
    ops = std::move(all_ops);
    codes = std::move(all_codes);
    versions = std::move(all_versions);
    summary->notes.push_back(format_text("float model I/O kept: %zu QUANTIZE and %zu DEQUANTIZE op(s) added",
                                         prologue.size(), epilogue.size()));
  }
  assign_opcodes(g, codes, versions);
  return Status::ok();
}

// ---- Signatures ----

// A signature's inputs and outputs as positions in the graph's input and
// output lists, taken before the rewrite. The quantizer may give model I/O new
// tensors (it keeps the indices today: --io float leaves the float tensors in
// place and adds "<name>_int8" ones, --io int8 retypes them), so entries are
// mapped by position, which every mode preserves, not by index.
struct SignaturePositions {
  std::vector<std::vector<std::size_t>> inputs, outputs;  // per signature, per entry
};

Status signature_positions(const fb::ModelT& model, SignaturePositions* out) {
  const fb::SubGraphT& graph = *model.subgraphs[0];
  for (std::size_t s = 0; s < model.signature_defs.size(); ++s) {
    const fb::SignatureDefT& def = *model.signature_defs[s];
    // The loader runs single-subgraph models only and checked subgraph_index.
    if (def.subgraph_index != 0) {
      return Status::error(StatusCode::kUnsupported,
                           "signature %zu '%s': subgraph_index %u, the quantizer rewrites "
                           "subgraph 0 only",
                           s, def.signature_key.c_str(), def.subgraph_index);
    }
    for (int l = 0; l < 2; ++l) {
      const auto& entries = l == 0 ? def.inputs : def.outputs;
      const std::vector<int32_t>& io = l == 0 ? graph.inputs : graph.outputs;
      std::vector<std::size_t> positions;
      for (std::size_t e = 0; e < entries.size(); ++e) {
        const uint32_t index = entries[e]->tensor_index;
        const auto it = std::find(io.begin(), io.end(), static_cast<int32_t>(index));
        if (it == io.end()) {
          return Status::error(StatusCode::kUnsupported,
                               "signature %zu '%s': %s '%s' names tensor %u, not a model %s; the quantizer keeps "
                               "only signatures over model inputs/outputs",
                               s, def.signature_key.c_str(), l == 0 ? "input" : "output", entries[e]->name.c_str(),
                               index, l == 0 ? "input" : "output");
        }
        positions.push_back(static_cast<std::size_t>(it - io.begin()));
      }
      (l == 0 ? out->inputs : out->outputs).push_back(std::move(positions));
    }
  }
  return Status::ok();
}

// Points every signature entry at the rewritten model's input/output in the
// same position, and says so in the notes.
Status remap_signatures(fb::ModelT* model, const SignaturePositions& positions, QuantizeSummary* summary) {
  const fb::SubGraphT& graph = *model->subgraphs[0];
  for (std::size_t s = 0; s < model->signature_defs.size(); ++s) {
    fb::SignatureDefT& def = *model->signature_defs[s];
    int32_t moved = 0;
    for (int l = 0; l < 2; ++l) {
      auto& entries = l == 0 ? def.inputs : def.outputs;
      const std::vector<int32_t>& io = l == 0 ? graph.inputs : graph.outputs;
      const std::vector<std::size_t>& where = (l == 0 ? positions.inputs : positions.outputs)[s];
      for (std::size_t e = 0; e < entries.size(); ++e) {
        if (where[e] >= io.size() || io[where[e]] < 0) {
          return Status::error(StatusCode::kUnsupported,
                               "signature %zu '%s': %s '%s' has no counterpart in the quantized model (%zu %ss)", s,
                               def.signature_key.c_str(), l == 0 ? "input" : "output", entries[e]->name.c_str(),
                               io.size(), l == 0 ? "input" : "output");
        }
        const auto index = static_cast<uint32_t>(io[where[e]]);
        moved += entries[e]->tensor_index != index ? 1 : 0;
        entries[e]->tensor_index = index;
      }
    }
    summary->notes.push_back(format_text("signature '%s' kept: %zu input(s), %zu output(s)%s",
                                         def.signature_key.c_str(), def.inputs.size(), def.outputs.size(),
                                         moved > 0 ? format_text(", %d entry(ies) re-pointed", moved).c_str() : ""));
  }
  return Status::ok();
}

}  // namespace

SymmetricWeights quantize_weights_symmetric(const std::vector<float>& weights, const std::vector<int32_t>& shape,
                                            int32_t channel_dim, bool per_channel) {
  SymmetricWeights out;
  int64_t channels = 1, inner = 1;
  if (per_channel && channel_dim >= 0 && static_cast<std::size_t>(channel_dim) < shape.size()) {
    channels = shape[static_cast<std::size_t>(channel_dim)];
    for (std::size_t d = static_cast<std::size_t>(channel_dim) + 1; d < shape.size(); ++d) inner *= shape[d];
  }
  if (channels < 1) channels = 1;
  auto channel_of = [&](std::size_t i) {
    return channels == 1 ? std::size_t{0} : static_cast<std::size_t>((static_cast<int64_t>(i) / inner) % channels);
  };
  std::vector<float> max_abs(static_cast<std::size_t>(channels), 0.0f);
  for (std::size_t i = 0; i < weights.size(); ++i)
    max_abs[channel_of(i)] = std::max(max_abs[channel_of(i)], std::fabs(weights[i]));
  out.scales.resize(max_abs.size());
  for (std::size_t c = 0; c < max_abs.size(); ++c)
    out.scales[c] = max_abs[c] > 0.0f ? max_abs[c] / static_cast<float>(kWeightMax) : 1.0f / kWeightMax;
  out.values.resize(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const long r = std::lround(weights[i] / out.scales[channel_of(i)]);
    out.values[i] = static_cast<int8_t>(std::clamp<long>(r, -kWeightMax, kWeightMax));
  }
  return out;
}

ActivationQuantization int8_activation_quantization(float min, float max) {
  double lo = std::min(0.0, static_cast<double>(min));
  double hi = std::max(0.0, static_cast<double>(max));
  if (hi - lo < 1e-8) hi = lo + 1e-3;  // a tensor that is always 0
  ActivationQuantization q;
  q.scale = static_cast<float>((hi - lo) / 255.0);
  const double zp = std::round(kInt8Min - lo / q.scale);
  q.zero_point = static_cast<int32_t>(std::clamp(zp, static_cast<double>(kInt8Min), static_cast<double>(kInt8Max)));
  return q;
}

Status quantize_model(const void* bytes, std::size_t size, const QuantizeOptions& options,
                      const std::vector<CalibrationSample>& calibration, ModelBytes* out, QuantizeSummary* summary) {
  *summary = QuantizeSummary();
  if (bytes == nullptr || size == 0) return Status::error(StatusCode::kInvalidArgument, "quantize: no model bytes");
  ModelBytes input(size);
  std::memcpy(input.data(), bytes, size);
  Model model;
  TI_RETURN_IF_ERROR(Model::load(input.data(), input.size(), &model));
  // Unpacking keeps only what our schema subset declares: refuse models
  // carrying more (sparsity, builtin_options_2, ...) rather than drop it.
  TI_RETURN_IF_ERROR(format::check_round_trip_preserves(input.data(), input.size()));
  if (options.range == RangeMethod::kPercentile && !(options.percentile > 50.0 && options.percentile <= 100.0))
    return Status::error(StatusCode::kInvalidArgument, "percentile %g must be in (50, 100]", options.percentile);

  // SignatureDef.deprecated_tag (field 3) is deprecated in the TFLite schema
  // and our subset declares it so: unpacking drops it, which is harmless, but say so.
  if (const auto* defs = fb::GetModel(input.data())->signature_defs()) {
    constexpr flatbuffers::voffset_t kDeprecatedTag = 4 + 2 * 3;
    for (uint32_t s = 0; s < defs->size(); ++s) {
      if (reinterpret_cast<const flatbuffers::Table*>(defs->Get(s))->GetOptionalFieldOffset(kDeprecatedTag) != 0) {
        summary->notes.push_back(
            format_text("signature %u: its deprecated_tag (deprecated in the TFLite schema) "
                        "is not written",
                        s));
      }
    }
  }

  fb::ModelT unpacked;
  fb::GetModel(input.data())->UnPackTo(&unpacked);
  SignaturePositions signatures;
  TI_RETURN_IF_ERROR(signature_positions(unpacked, &signatures));
  Graph g(&unpacked);
  TI_RETURN_IF_ERROR(check_options_known(g));
  if (options.mode == QuantizeMode::kHybrid)
    TI_RETURN_IF_ERROR(quantize_hybrid(g, options, summary));
  else
    TI_RETURN_IF_ERROR(quantize_int8(g, input, options, calibration, summary));
  // The converter's min_runtime_version was computed for the float ops; we do
  // not recompute it, and a stale value would be wrong, so it goes.
  auto& metadata = unpacked.metadata;
  for (auto it = metadata.begin(); it != metadata.end();) {
    if ((*it)->name == "min_runtime_version") {
      bool tensor_uses_buffer = false;
      for (const auto& t : g.graph().tensors) tensor_uses_buffer |= t->buffer == (*it)->buffer;
      if (!tensor_uses_buffer && (*it)->buffer < unpacked.buffers.size() && unpacked.buffers[(*it)->buffer])
        unpacked.buffers[(*it)->buffer]->data.clear();
      it = metadata.erase(it);
      summary->notes.push_back("metadata 'min_runtime_version' dropped (it described the float model)");
    } else {
      ++it;
    }
  }
  TI_RETURN_IF_ERROR(remap_signatures(&unpacked, signatures, summary));
  return format::write_and_verify_model(&unpacked, out);
}

}  // namespace tinyinfer::quant
