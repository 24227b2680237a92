// `tinyinfer eval MODEL --mnist DIR [--limit N] [--kernels reference|optimized] [--json]`
// Top-1 accuracy of a 10-class image model on the MNIST test set, with the
// confusion matrix and per-class accuracy. Inputs are pixel/255 for float
// models and quantized with the input tensor's scale and zero point for int8
// models (the same conversion as `tinyinfer run --input image.pgm`).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "image_input.h"
#include "json_output.h"
#include "mnist_idx.h"
#include "model_file.h"
#include "progress_bar.h"

namespace tinyinfer::cli {
namespace {

constexpr int kClasses = 10;

// The model's score of class c (dequantized for int8 outputs).
double output_score(const Tensor& t, int c) {
  switch (t.type) {
    case DataType::kFloat32:
      return t.data_as<const float>()[c];
    case DataType::kInt8:
      return t.quant.is_quantized() ? t.quant.scale() * (t.data_as<const int8_t>()[c] - t.quant.zero_point())
                                    : t.data_as<const int8_t>()[c];
    case DataType::kUInt8:
      return t.quant.is_quantized() ? t.quant.scale() * (t.data_as<const uint8_t>()[c] - t.quant.zero_point())
                                    : t.data_as<const uint8_t>()[c];
    default:
      return 0;
  }
}

struct EvalResult {
  int32_t total = 0, correct = 0;
  int64_t confusion[kClasses][kClasses] = {};  // [label][predicted]
  double seconds = 0;
  double accuracy() const { return total > 0 ? 100.0 * correct / total : 0.0; }
  int64_t class_total(int c) const {
    int64_t n = 0;
    for (int p = 0; p < kClasses; ++p) n += confusion[c][p];
    return n;
  }
  double class_accuracy(int c) const {
    const int64_t n = class_total(c);
    return n > 0 ? 100.0 * static_cast<double>(confusion[c][c]) / static_cast<double>(n) : 0.0;
  }
};

void print_text(const std::string& model_path, const MnistSet& set, const char* kernels, const std::string& input_text,
                const EvalResult& r) {
  std::printf("Model: %s\n", model_path.c_str());
  std::printf("Data:  %s (%d of %u images), %s kernels\n", set.images_path.c_str(), r.total, set.images.file_count,
              kernels);
  std::printf("Input: %s\n\n", input_text.c_str());
  std::printf("Top-1 accuracy: %.2f %% (%d / %d correct)\n\n", r.accuracy(), r.correct, r.total);
  std::printf("Confusion matrix (rows: true digit, columns: predicted):\n      ");
  for (int p = 0; p < kClasses; ++p) std::printf("%6d", p);
  std::printf("\n");
  for (int c = 0; c < kClasses; ++c) {
    std::printf("  %d | ", c);
    for (int p = 0; p < kClasses; ++p) std::printf("%6lld", static_cast<long long>(r.confusion[c][p]));
    std::printf("\n");
  }
  std::printf("\nPer-class accuracy:\n");
  for (int c = 0; c < kClasses; ++c)
    std::printf("  %d: %6.2f %% (%lld / %lld)\n", c, r.class_accuracy(c), static_cast<long long>(r.confusion[c][c]),
                static_cast<long long>(r.class_total(c)));
  std::printf("\nHost time: %.2f s (%.3f ms per image)\n", r.seconds, r.total > 0 ? 1000.0 * r.seconds / r.total : 0.0);
}

void print_eval_json(const std::string& model_path, const MnistSet& set, const char* kernels,
                     const std::string& input_text, const EvalResult& r) {
  Json per_class = Json::array(), confusion = Json::array();
  for (int c = 0; c < kClasses; ++c) {
    per_class.push_back({{"digit", c},
                         {"total", r.class_total(c)},
                         {"correct", r.confusion[c][c]},
                         {"accuracy_percent", json_real(r.class_accuracy(c))}});
    confusion.push_back(Json(std::vector<int64_t>(r.confusion[c], r.confusion[c] + kClasses)));
  }
  const Json doc = {{"model", model_path},
                    {"images", set.images_path},
                    {"labels", set.labels_path},
                    {"kernels", kernels},
                    {"input", input_text},
                    {"evaluated", r.total},
                    {"available", set.images.file_count},
                    {"correct", r.correct},
                    {"accuracy_percent", json_real(r.accuracy())},
                    {"per_class", std::move(per_class)},
                    {"confusion", std::move(confusion)},
                    {"host_seconds", json_real(r.seconds)}};
  print_json(doc);
}

}  // namespace

int cmd_eval(int argc, char** argv) {
  CLI::App app{
      "Top-1 accuracy of a 10-class image model on the MNIST test set, with the confusion matrix\n"
      "and per-class accuracy. Inputs: pixel/255 for float inputs; quantized with the input's\n"
      "scale and zero point for int8.",
      "tinyinfer eval"};
  std::string model, mnist_dir, kernel_name = "reference";
  int64_t limit = 0;
  bool json = false;
  app.add_option("MODEL", model, "the .tflite model")->required()->check(non_empty());
  app.add_option("--mnist", mnist_dir,
                 "folder with t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]\n"
                 "(the MNIST test set; gzip or plain IDX)")
      ->type_name("DIR")
      ->required()
      ->check(non_empty());
  app.add_option("--limit", limit, "evaluate only the first N test images (1..1000000)")
      ->type_name("N")
      ->transform(integer_in_range(1, 1000000));
  add_kernels_option(app, &kernel_name);
  add_switch(app, "--json", &json, "machine-readable output");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  KernelChoice kernels = KernelChoice::kReference;
  parse_kernel_choice(kernel_name.c_str(), &kernels);  // IsMember checked the name
  std::string error;

  // The data first: a missing or malformed IDX file is the likelier mistake.
  MnistSet set;
  if (!load_mnist(mnist_dir, "t10k", static_cast<int32_t>(limit), &set, &error)) {
    std::fprintf(stderr, "tinyinfer eval: %s\n", error.c_str());
    return 1;
  }

  OpenedModel m;
  if (!load_model_file(model, &m, &error) || !init_interpreter(&m, kernels, &error)) {
    std::fprintf(stderr, "tinyinfer eval: %s\n", error.c_str());
    return 1;
  }
  Interpreter& it = m.interpreter;
  if (it.input_count() != 1 || it.output_count() < 1) {
    std::fprintf(stderr, "tinyinfer eval: model '%s' has %d inputs; an MNIST classifier has one image input\n",
                 m.path.c_str(), it.input_count());
    return 1;
  }
  Tensor* input = it.input(0);
  ImageGeometry geometry;
  if (!image_geometry(*input, &geometry, &error)) {
    std::fprintf(stderr, "tinyinfer eval: model '%s': %s\n", m.path.c_str(), error.c_str());
    return 1;
  }
  const Tensor* output = it.output(0);
  if (output->shape.elements() != kClasses ||
      (output->type != DataType::kFloat32 && output->type != DataType::kInt8 && output->type != DataType::kUInt8)) {
    std::fprintf(stderr, "tinyinfer eval: model '%s': output 0 is %s with %lld values; MNIST needs 10 class scores\n",
                 m.path.c_str(), data_type_name(output->type), static_cast<long long>(output->shape.elements()));
    return 1;
  }

  std::string input_text;
  {
    char text[160];
    if (input->type == DataType::kFloat32)
      std::snprintf(text, sizeof(text), "float32 pixel/255");
    else
      std::snprintf(text, sizeof(text), "%s quantized pixel/255 (scale %g, zero point %d)", data_type_name(input->type),
                    static_cast<double>(input->quant.scale()), input->quant.zero_point());
    input_text = text;
    if (geometry.height != set.images.rows || geometry.width != set.images.cols)
      input_text += ", images scaled from " + std::to_string(set.images.rows) + "x" + std::to_string(set.images.cols);
  }

  EvalResult r;
  ProgressBar progress(set.size());
  const auto start = std::chrono::steady_clock::now();
  Image image;
  image.width = set.images.cols;
  image.height = set.images.rows;
  image.channels = 1;
  image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
  for (int32_t i = 0; i < set.size(); ++i) {
    const uint8_t* pixels = set.images.image(i);
    for (std::size_t p = 0; p < image.pixels.size(); ++p) image.pixels[p] = pixels[p];
    Image fitted = image;
    if (geometry.height != image.height || geometry.width != image.width) {
      std::string method;
      fitted = resize_image(image, geometry.width, geometry.height, &method);
    }
    if (geometry.channels != 1) fitted = convert_channels(fitted, geometry.channels);
    if (!image_to_tensor(fitted, *input, input->data, &error)) {
      std::fprintf(stderr, "tinyinfer eval: model '%s': %s\n", m.path.c_str(), error.c_str());
      return 1;
    }
    const Status status = it.invoke();
    if (!status.is_ok()) {
      std::fprintf(stderr, "tinyinfer eval: image %d: %s\n", i, status.message());
      return 1;
    }
    int best = 0;
    double best_score = output_score(*output, 0);
    for (int c = 1; c < kClasses; ++c) {
      const double s = output_score(*output, c);
      if (s > best_score || std::isnan(best_score)) best = c, best_score = s;
    }
    const int label = set.labels.labels[static_cast<std::size_t>(i)];
    ++r.confusion[label][best];
    r.correct += best == label ? 1 : 0;
    ++r.total;
    progress.update(i + 1);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (json)
    print_eval_json(m.path, set, kernel_choice_name(kernels), input_text, r);
  else
    print_text(m.path, set, kernel_choice_name(kernels), input_text, r);
  return 0;
}

}  // namespace tinyinfer::cli
