// `tinyinfer quantize IN.tflite -o OUT.tflite --mode hybrid|int8 ...`
// Post-training quantization without TensorFlow (algorithms in
// src/convert/quantizer.h): hybrid = int8 weights with float activations (the
// study's "compressed" model); int8 = full integer, calibrated on images.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "convert/quantizer.h"
#include "image_input.h"
#include "mnist_idx.h"
#include "model_file.h"

namespace tinyinfer::cli {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kDefaultSamples = 500;

bool is_image_or_raw_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pgm" || ext == ".png" || ext == ".raw" || ext == ".bin";
}

// Files named by --calibration: a folder (its PGM/PNG/raw files, sorted) or a
// comma-separated list.
bool calibration_files(const std::string& spec, std::vector<std::string>* files, std::string* error) {
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    for (const auto& entry : fs::directory_iterator(spec, ec))
      if (entry.is_regular_file(ec) && is_image_or_raw_file(entry.path())) files->push_back(entry.path().string());
    std::sort(files->begin(), files->end());
    if (files->empty()) {
      *error = "calibration folder '" + spec + "' holds no .pgm, .png, .raw or .bin files";
      return false;
    }
    return true;
  }
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t comma = spec.find(',', start);
    const std::string item = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) files->push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (files->empty()) {
    *error = "--calibration names no files";
    return false;
  }
  return true;
}

// MNIST training images as float inputs of `input`, converted like `run` does.
bool mnist_calibration(const std::string& dir, int32_t samples, const Tensor& input,
                       std::vector<quant::CalibrationSample>* out, std::string* source, std::string* error) {
  std::string stem;
  if (!find_mnist_training_stem(dir, &stem, error)) return false;
  MnistSet set;
  if (!load_mnist(dir, stem, samples, &set, error)) return false;
  ImageGeometry geometry;
  if (!image_geometry(input, &geometry, error)) return false;
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
    std::vector<float> values(static_cast<std::size_t>(input.shape.elements()));
    if (!image_to_tensor(fitted, input, values.data(), error)) return false;
    out->push_back({std::move(values)});
  }
  *source = std::to_string(set.size()) + " MNIST training images from " + set.images_path;
  return true;
}

bool file_calibration(const std::string& spec, int32_t samples, const Tensor& input,
                      std::vector<quant::CalibrationSample>* out, std::string* source, std::string* error) {
  std::vector<std::string> files;
  if (!calibration_files(spec, &files, error)) return false;
  if (static_cast<int64_t>(files.size()) > samples) files.resize(static_cast<std::size_t>(samples));
  for (const std::string& file : files) {
    std::vector<float> values(static_cast<std::size_t>(input.shape.elements()));
    std::string description;
    if (!load_input_file(file, input, values.data(), &description, error)) return false;
    out->push_back({std::move(values)});
  }
  *source = std::to_string(files.size()) + " file(s) from " + spec;
  return true;
}

}  // namespace

int cmd_quantize(int argc, char** argv) {
  CLI::App app{
      "Post-training quantization without TensorFlow. --mode hybrid: CONV_2D / DEPTHWISE_CONV_2D /\n"
      "FULLY_CONNECTED weights to int8 (symmetric; per output channel for the convolutions),\n"
      "activations stay float. --mode int8: a full integer model per the TFLite int8 spec (weights\n"
      "per output channel for CONV_2D / DEPTHWISE_CONV_2D, per tensor for FULLY_CONNECTED),\n"
      "calibrated on --calibration or --mnist images.",
      "tinyinfer quantize"};
  std::string input_path, output_path, mode, calibration, mnist, range, io;
  int64_t samples = kDefaultSamples;
  bool per_tensor = false, fc_per_channel = false;
  app.add_option("IN", input_path, "the float .tflite model")->required()->check(non_empty());
  app.add_option("-o,--output", output_path, "the quantized model to write")
      ->type_name("OUT.tflite")
      ->required()
      ->check(non_empty());
  app.add_option("--mode", mode, "hybrid (int8 weights, float activations) or int8 (full integer)")
      ->type_name("MODE")
      ->required()
      ->check(CLI::IsMember({"hybrid", "int8"}));
  CLI::Option* calibration_option =
      app.add_option("--calibration", calibration,
                     "int8: a folder of PGM/PNG images (or raw input tensors), or a comma-separated list of\n"
                     "such files, fed like 'tinyinfer run --input' (float: pixel/255)")
          ->type_name("DIR_OR_FILES")
          ->check(non_empty());
  app.add_option("--mnist", mnist,
                 "int8: calibrate on MNIST training images: DIR/train-images-idx3-ubyte[.gz] or\n"
                 "DIR/train10k-images-idx3-ubyte[.gz] (never the test set)")
      ->type_name("DIR")
      ->check(non_empty())
      ->excludes(calibration_option);
  app.add_option("--samples", samples, "int8: calibration images to use (default 500, 1..100000)")
      ->type_name("N")
      ->transform(integer_in_range(1, 100000));
  app.add_option("--range", range,
                 "int8: activation range: minmax (default) or percentile[=P] (P in (50,100], default\n"
                 "99.99: clip the rarest values at both ends)")
      ->type_name("R");
  app.add_option("--io", io,
                 "int8: int8 makes the model's input and output int8; float (default) keeps them float,\n"
                 "with QUANTIZE/DEQUANTIZE ops at the ends")
      ->type_name("IO")
      ->check(CLI::IsMember({"int8", "float"}));
  CLI::Option* per_tensor_flag =
      add_switch(app, "--per-tensor", &per_tensor, "one scale per weight tensor for every op, convolutions included");
  add_switch(app, "--fc-per-channel", &fc_per_channel,
             "int8: FULLY_CONNECTED weights per output channel too (newer TFLite kernels run it;\n"
             "older TFLite / TFLite Micro accept only per tensor)")
      ->excludes(per_tensor_flag);
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;

  quant::QuantizeOptions options;
  options.mode = mode == "int8" ? quant::QuantizeMode::kInt8 : quant::QuantizeMode::kHybrid;
  const bool int8 = options.mode == quant::QuantizeMode::kInt8;
  options.per_channel = !per_tensor;
  options.fc_per_channel = fc_per_channel;
  // What CLI11 cannot say: these flags only make sense with --mode int8.
  for (const char* flag : {"--calibration", "--mnist", "--samples", "--range", "--io", "--fc-per-channel"})
    if (!int8 && app.count(flag) > 0) return usage_error(app, std::string(flag) + " applies to --mode int8 only");
  if (int8 && calibration.empty() && mnist.empty())
    return usage_error(app, "--mode int8 needs calibration data: --calibration DIR_OR_FILES or --mnist DIR");
  if (!range.empty()) {
    if (range == "minmax") {
      options.range = quant::RangeMethod::kMinMax;
    } else if (range == "percentile" || range.rfind("percentile=", 0) == 0) {
      options.range = quant::RangeMethod::kPercentile;
      if (range.size() > std::strlen("percentile")) {
        const std::string number = range.substr(std::strlen("percentile="));
        char* end = nullptr;
        options.percentile = std::strtod(number.c_str(), &end);
        if (number.empty() || end == nullptr || *end != '\0' || !(options.percentile > 50.0) ||
            !(options.percentile <= 100.0))
          return usage_error(app, "--range percentile=P needs P in (50, 100], got '" + number + "'");
      }
    } else {
      return usage_error(app, "--range must be 'minmax' or 'percentile[=P]', got '" + range + "'");
    }
  }
  options.int8_io = io == "int8";
  std::string error;

  OpenedModel m;
  if (!load_model_file(input_path, &m, &error)) {
    std::fprintf(stderr, "tinyinfer quantize: %s\n", error.c_str());
    return 1;
  }

  std::vector<quant::CalibrationSample> calibration_samples;
  std::string calibration_source;
  if (int8) {
    if (m.model.input_count() != 1) {
      std::fprintf(stderr, "tinyinfer quantize: model '%s' has %d inputs; calibration feeds single-input models\n",
                   m.path.c_str(), m.model.input_count());
      return 1;
    }
    const Tensor input = m.model.tensor(m.model.input_tensor_index(0));
    if (input.type != DataType::kFloat32) {
      std::fprintf(stderr, "tinyinfer quantize: model '%s' input is %s; --mode int8 needs a float model\n",
                   m.path.c_str(), data_type_name(input.type));
      return 1;
    }
    const bool ok = !mnist.empty() ? mnist_calibration(mnist, static_cast<int32_t>(samples), input,
                                                       &calibration_samples, &calibration_source, &error)
                                   : file_calibration(calibration, static_cast<int32_t>(samples), input,
                                                      &calibration_samples, &calibration_source, &error);
    if (!ok) {
      std::fprintf(stderr, "tinyinfer quantize: calibration: %s\n", error.c_str());
      return 1;
    }
  }

  format::ModelBytes out;
  quant::QuantizeSummary summary;
  const Status status =
      quant::quantize_model(m.bytes.data(), m.bytes.size(), options, calibration_samples, &out, &summary);
  if (!status.is_ok()) {
    std::fprintf(stderr, "tinyinfer quantize: %s: %s\n", m.path.c_str(), status.message());
    return 1;
  }
  if (!write_file(output_path, out.data(), out.size(), &error)) {
    std::fprintf(stderr, "tinyinfer quantize: %s\n", error.c_str());
    return 1;
  }

  std::printf("Quantized %s -> %s (%s)\n", m.path.c_str(), output_path.c_str(), mode.c_str());
  std::printf("  size: %zu -> %zu bytes\n", m.bytes.size(), out.size());
  const char* granularity = !options.per_channel     ? "per tensor"
                            : options.fc_per_channel ? "per channel"
                                                     : "per channel (FULLY_CONNECTED per tensor)";
  std::printf("  weights: %s, %d tensor(s) to int8", granularity, summary.weight_tensors);
  if (int8)
    std::printf(", %d bias(es) to int32, %d activation(s) to int8", summary.bias_tensors, summary.activation_tensors);
  std::printf("\n");
  if (int8) {
    std::printf("  calibration: %s, range %s", calibration_source.c_str(),
                options.range == quant::RangeMethod::kMinMax ? "min/max" : "percentile");
    if (options.range == quant::RangeMethod::kPercentile) std::printf(" %g", options.percentile);
    std::printf("\n  model I/O: %s\n", options.int8_io ? "int8" : "float (QUANTIZE/DEQUANTIZE at the ends)");
  }
  for (const std::string& note : summary.notes) std::printf("  %s\n", note.c_str());
  std::printf("  verified: the written model loads (see 'tinyinfer info %s')\n", output_path.c_str());
  return 0;
}

}  // namespace tinyinfer::cli
