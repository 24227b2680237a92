#include "convert/calibration.h"

#include <cstring>

#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"
#include "tinyinfer/profiler.h"

namespace tinyinfer::quant::internal {
namespace {

using format::ModelBytes;

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

}  // namespace

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

}  // namespace tinyinfer::quant::internal
