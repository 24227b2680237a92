#include "app/benchmark.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "app/assets.h"
#include "app/console.h"
#include "boards/board.h"
#include "tinyinfer/profiler.h"
#include "tinyinfer/tensor.h"

// Build configuration (firmware/CMakeLists.txt).
#ifndef TINYINFER_FW_MODEL_LABEL
#error "TINYINFER_FW_MODEL_LABEL must name the model configuration"
#endif
#ifndef TINYINFER_FW_KERNELS_OPTIMIZED
#error "TINYINFER_FW_KERNELS_OPTIMIZED must be 0 or 1"
#endif
#ifndef TINYINFER_FW_ARENA_BYTES
#error "TINYINFER_FW_ARENA_BYTES must give the arena size"
#endif
#ifndef TINYINFER_FW_VERSION
#define TINYINFER_FW_VERSION "unknown"
#endif
#ifndef TINYINFER_FW_GOLDEN_CASE
#define TINYINFER_FW_GOLDEN_CASE 0
#endif

#if TINYINFER_FW_GOLDEN_CASE
// Case 0 of the model's golden folder (firmware/CMakeLists.txt): input 0's
// and output 0's raw bytes as TFLite Micro's reference kernels produced them.
namespace tinyinfer::assets {
extern const uint8_t g_golden_input[];
extern const std::size_t g_golden_input_size;
extern const uint8_t g_golden_output[];
extern const std::size_t g_golden_output_size;
}  // namespace tinyinfer::assets
#endif

namespace tinyinfer::app {
namespace {

constexpr KernelChoice kKernels = TINYINFER_FW_KERNELS_OPTIMIZED ? KernelChoice::kOptimized : KernelChoice::kReference;
constexpr std::size_t kArenaBytes = TINYINFER_FW_ARENA_BYTES;

// The arena: static, in RAM (.bss), aligned for any tensor type.
alignas(16) uint8_t g_arena[kArenaBytes];

// Output values printed for key '2' (the study's model has 10).
constexpr int64_t kMaxPrintedOutputs = 100;

void print_counter(uint64_t value) {
  print("%llu %s", static_cast<unsigned long long>(value), board::counter_unit());
  const uint64_t hz = board::counter_hz();
  if (hz != 0) {
    // Only a counter that measures time (cycles at a known clock) gets ms.
    print(" (%.3f ms)", static_cast<double>(value) * 1000.0 / static_cast<double>(hz));
  }
}

void print_tensor_details(const char* title, const char* role, const Tensor& tensor) {
  print("%s:\n", title);
  print("dims->size: %d\n", static_cast<int>(tensor.shape.rank));
  for (int32_t i = 0; i < tensor.shape.rank; ++i)
    print("dims->data[%d]: %d\n", static_cast<int>(i), static_cast<int>(tensor.shape.dims[i]));
  print("%s->type: %s\n", role, data_type_name(tensor.type));
  if (tensor.quant.is_quantized())
    print("%s->params: scale %.9f zero_point %d\n", role, static_cast<double>(tensor.quant.scale()),
          static_cast<int>(tensor.quant.zero_point()));
}

}  // namespace

void Benchmark::setup() {
#if TINYINFER_FW_MODEL_VERIFIED_AT_BUILD
  // The build loaded these exact bytes with the host's full verifier
  // (cmake/embed_model.cmake): the flatbuffers verifier stays out of flash.
  setup_status_ = Model::load_verified_at_build(assets::g_model, assets::g_model_size, &model_);
#else
  setup_status_ = Model::load(assets::g_model, assets::g_model_size, &model_);
#endif
  if (!setup_status_.is_ok()) return;
  setup_status_ = interpreter_.init(model_, kKernels, g_arena, kArenaBytes);
  if (!setup_status_.is_ok()) return;
  if (interpreter_.input_count() < 1 || interpreter_.output_count() < 1) {
    setup_status_ = Status::error(StatusCode::kUnsupported, "the model needs an input and an output");
    return;
  }
  ready_ = true;
}

void Benchmark::print_banner() const {
  print("\ntinyinfer %s benchmark firmware\n", TINYINFER_FW_VERSION);
  print("Board: %s\n", board::name());
  print("Model: %s (%s.tflite, %zu bytes)\n", TINYINFER_FW_MODEL_LABEL, assets::g_model_name, assets::g_model_size);
  print("Kernels: %s\n", kernel_choice_name(kKernels));
  print("Counter: %s\n", board::counter_unit());
  if (ready_) {
    print("Arena: %zu of %zu bytes used\n", interpreter_.arena_used_bytes(), kArenaBytes);
  } else {
    print("error: model not ready: %s\n", setup_status_.message());
  }
  print("Keys: 1 = model details, 2 = inference on %s, h = help\n",
        uses_golden_case() ? "golden case 0 (TFLite Micro's output beside ours)" : "the built-in handwritten 8");
}

void Benchmark::print_model_details() const {
  if (!ready_) {
    print("error: model not ready: %s\n", setup_status_.message());
    return;
  }
  Interpreter& interpreter = const_cast<Interpreter&>(interpreter_);
  print_tensor_details("Model input", "input", *interpreter.input(0));
  print("\n");
  print_tensor_details("Model output", "output", *interpreter.output(0));
  print("\n");
  print("Model: %s (%s.tflite, %zu bytes), %d ops, kernels: %s\n", TINYINFER_FW_MODEL_LABEL, assets::g_model_name,
        assets::g_model_size, static_cast<int>(interpreter.op_count()), interpreter.kernel_set_name());
  print("Arena: %zu of %zu bytes used\n", interpreter.arena_used_bytes(), kArenaBytes);
  print("Counter: %s\n", board::counter_unit());
}

bool Benchmark::uses_golden_case() const {
  if (!TINYINFER_FW_GOLDEN_CASE || !ready_) return false;
  const int64_t pixels = static_cast<int64_t>(assets::g_digit_width) * assets::g_digit_height;
  return const_cast<Interpreter&>(interpreter_).input(0)->shape.elements() != pixels;
}

Status Benchmark::fill_input_from_golden_case() {
#if TINYINFER_FW_GOLDEN_CASE
  if (interpreter_.input_count() != 1)
    return Status::error(StatusCode::kUnsupported, "the golden case feeds one input, the model has %d",
                         static_cast<int>(interpreter_.input_count()));
  Tensor& input = *interpreter_.input(0);
  if (input.bytes != assets::g_golden_input_size)
    return Status::error(StatusCode::kUnsupported, "input 0 has %zu bytes, the golden case %zu", input.bytes,
                         assets::g_golden_input_size);
  std::memcpy(input.data, assets::g_golden_input, input.bytes);
  return Status::ok();
#else
  return Status::error(StatusCode::kUnsupported, "this image has no golden case");
#endif
}

// Output 0 against TFLite Micro's: float within the folder's tolerance
// (|got - want| <= atol + rtol * |want|), every other type byte for byte.
void Benchmark::print_golden_comparison() const {
#if TINYINFER_FW_GOLDEN_CASE
  const Tensor& output = *interpreter_.output(0);
  if (output.bytes != assets::g_golden_output_size) {
    print("Golden case 0: output 0 has %zu bytes, TFLite Micro's %zu: differs\n", output.bytes,
          assets::g_golden_output_size);
    return;
  }
  const int64_t count = output.shape.elements();
  const bool is_float = output.type == DataType::kFloat32;
  const std::size_t element = output.bytes / (count > 0 ? static_cast<std::size_t>(count) : 1);
  for (int64_t i = 0; i < count; ++i) {
    bool same;
    if (is_float) {
      float got, want;
      std::memcpy(&got, static_cast<const uint8_t*>(output.data) + i * 4, 4);
      std::memcpy(&want, assets::g_golden_output + i * 4, 4);
      const float atol = TINYINFER_FW_GOLDEN_ATOL, rtol = TINYINFER_FW_GOLDEN_RTOL;
      same = std::fabs(got - want) <= atol + rtol * std::fabs(want);
    } else {
      same = std::memcmp(static_cast<const uint8_t*>(output.data) + i * element, assets::g_golden_output + i * element,
                         element) == 0;
    }
    if (!same) {
      print("Golden case 0: output 0 differs from TFLite Micro's first at element %ld\n", static_cast<long>(i));
      return;
    }
  }
  print("Golden case 0: output 0 matches TFLite Micro's (%ld values, %s)\n", static_cast<long>(count),
        is_float ? "within the folder's tolerance" : "byte for byte");
#endif
}

Status Benchmark::fill_input_from_digit() {
  Tensor& input = *interpreter_.input(0);
  const int64_t pixels = static_cast<int64_t>(assets::g_digit_width) * assets::g_digit_height;
  if (input.shape.elements() != pixels) {
    return Status::error(StatusCode::kUnsupported, "input tensor has %ld elements, the built-in digit %ld pixels",
                         static_cast<long>(input.shape.elements()), static_cast<long>(pixels));
  }
  for (int64_t i = 0; i < pixels; ++i) {
    const float x = static_cast<float>(assets::g_digit[i]) / 255.0f;  // MNIST scaling
    switch (input.type) {
      case DataType::kFloat32:
        input.data_as<float>()[i] = x;
        break;
      case DataType::kInt8:
      case DataType::kUInt8: {
        const float scale = input.quant.scale();
        if (!(scale > 0.0f)) {
          return Status::error(StatusCode::kUnsupported, "quantized input without a scale");
        }
        const long q = std::lround(x / scale) + input.quant.zero_point();
        if (input.type == DataType::kInt8) {
          input.data_as<int8_t>()[i] = static_cast<int8_t>(q < -128 ? -128 : q > 127 ? 127 : q);
        } else {
          input.data_as<uint8_t>()[i] = static_cast<uint8_t>(q < 0 ? 0 : q > 255 ? 255 : q);
        }
        break;
      }
      default:
        return Status::error(StatusCode::kUnsupported, "input type %s is not supported here",
                             data_type_name(input.type));
    }
  }
  return Status::ok();
}

void Benchmark::run_inference() {
  if (!ready_) {
    print("error: model not ready: %s\n", setup_status_.message());
    return;
  }
  // Stateful models (LSTM, SVDF) start every run from their initial state,
  // as TFLite Micro's golden runs do, so key 2 always prints the same.
  Status status = interpreter_.reset_state();
  const bool golden = uses_golden_case();
  if (status.is_ok()) status = golden ? fill_input_from_golden_case() : fill_input_from_digit();
  if (!status.is_ok()) {
    print("error: input: %s\n", status.message());
    return;
  }

  print("Running inference...\n");
  OpTimeTable profile(&board::counter, board::counter_unit());
  status = interpreter_.invoke(&profile);
  if (!status.is_ok()) {
    print("error: inference failed: %s\n", status.message());
    return;
  }

  // Per layer as the study printed it; the total is the sum of the layers,
  // so the table adds up exactly.
  for (int32_t i = 0; i < profile.count(); ++i) {
    print("%s: ", profile.name(i));
    print_counter(profile.elapsed(i));
    print("\n");
  }
  print("Done in ");
  print_counter(profile.total());
  print("\n");

  const Tensor& output = *interpreter_.output(0);
  const int64_t count = output.shape.elements();
  int64_t best = -1;
  float best_value = 0.0f;
  for (int64_t i = 0; i < count; ++i) {
    float value = 0.0f;
    if (!real_value(output, i, &value)) {
      print("error: output type %s is not supported here\n", data_type_name(output.type));
      return;
    }
    if (i < kMaxPrintedOutputs) print("Out[%ld]: %f\n", static_cast<long>(i), static_cast<double>(value));
    if (best < 0 || value > best_value) best = i, best_value = value;
  }
  print("Predicted: %ld\n", static_cast<long>(best));
  if (golden) print_golden_comparison();
}

}  // namespace tinyinfer::app
