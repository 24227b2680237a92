#include "study_host.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>

#include "image_input.h"
#include "model_file.h"
#include "tinyinfer/profiler.h"

namespace tinyinfer::cli {
namespace {

uint64_t host_now_ns() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

HostResult run_host(const std::string& model_path, const char* kernels_name, const std::string& digit, int runs) {
  HostResult result;
  auto opened = std::make_unique<OpenedModel>();
  KernelChoice kernels = KernelChoice::kReference;
  parse_kernel_choice(kernels_name, &kernels);
  if (!load_model_file(model_path, opened.get(), &result.error) ||
      !init_interpreter(opened.get(), kernels, &result.error)) {
    return result;
  }
  Interpreter& interpreter = opened->interpreter;
  if (interpreter.input_count() != 1 || interpreter.output_count() < 1) {
    result.error = "model '" + model_path + "' has " + std::to_string(interpreter.input_count()) +
                   " inputs; the study's digit classifier has one image input";
    return result;
  }
  Tensor* input = interpreter.input(0);
  std::string description;
  if (!load_input_file(digit, *input, input->data, &description, &result.error)) return result;

  const int32_t ops = interpreter.op_count();
  std::vector<std::vector<double>> per_op(static_cast<std::size_t>(ops));
  std::vector<double> totals;
  OpTimeTable profile(&host_now_ns, "ns");
  // invoke() consumes its input, so every run starts from this copy.
  const std::vector<uint8_t> saved(static_cast<const uint8_t*>(input->data),
                                   static_cast<const uint8_t*>(input->data) + input->bytes);
  for (int run = -1; run < runs; ++run) {  // run -1 warms caches, not recorded
    std::memcpy(input->data, saved.data(), saved.size());
    profile.reset();
    const Status status = interpreter.invoke(&profile);
    if (!status.is_ok()) {
      result.error = status.message();
      return result;
    }
    if (run < 0) continue;
    for (int32_t i = 0; i < ops && i < profile.count(); ++i)
      per_op[static_cast<std::size_t>(i)].push_back(static_cast<double>(profile.elapsed(i)));
    totals.push_back(static_cast<double>(profile.total()));
  }
  for (int32_t i = 0; i < ops; ++i) {
    result.ops.push_back(interpreter.op_name(i));
    result.op_median_ns.push_back(median(per_op[static_cast<std::size_t>(i)]));
  }
  result.total_median_ns = median(totals);
  const Tensor* output = interpreter.output(0);
  if (output->type == DataType::kFloat32) {
    const float* v = output->data_as<const float>();
    const int64_t n = output->shape.elements();
    result.predicted = static_cast<int>(std::max_element(v, v + n) - v);
  }
  result.runs = runs;
  result.ok = true;
  return result;
}

}  // namespace tinyinfer::cli
