// `tinyinfer board [--port P] [--protocol link|study] [--json] COMMAND`:
// talks to the link firmware (firmware/link, docs/link-protocol.md) on a
// board, over TCP, or in a QEMU it starts (--port qemu[:ELF], the default).
//   info                      board, model, tensors, arena, upload slot, link counters
//   infer --image F | --idx F --index N | --input F
//                             one inference: outputs, predicted class, total count
//   load MODEL.tflite         upload a model into the board's RAM slot
//   eval --idx IMAGES --labels LABELS [--limit N]
//                             accuracy over the link, agreement with a host run
//   bench [--image F]         per-layer counts of one inference
// --protocol study speaks the study's unframed messages (info = GET_STATS,
// infer and eval = INFERENCE_INPUT with 784 floats).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <dirent.h>

#include "board_input.h"
#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "image_input.h"
#include "json_output.h"
#include "link/sha256.h"
#include "link_client.h"
#include "mnist_idx.h"
#include "model_file.h"
#include "progress_bar.h"
#include "report_format.h"

namespace tinyinfer::cli {
namespace {

using link_client::BoardInfo;
using link_client::InferReply;
using link_client::LinkClient;

constexpr const char* kName = "tinyinfer board";

int fail(const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", kName, message.c_str());
  return 1;
}

// ---- the host model that the board runs, for agreement ----------------------------

std::string file_sha256(const std::string& path) {
  AlignedBytes bytes;
  std::string ignored;
  if (!read_file_aligned(path, "model", kMaxFileBytes, &bytes, &ignored)) return "";
  uint8_t digest[link::kSha256Bytes];
  link::sha256(bytes.data(), bytes.size(), digest);
  return link_client::hex_bytes(digest, sizeof digest);
}

// --model, else a .tflite in the source tree's models/ with the board's
// sha256. Empty when none is found (agreement is then not checked).
std::string find_host_model(const BoardInfo& info, const std::string& given, std::string* error) {
  if (!given.empty()) {
    if (file_sha256(given) != info.model_sha256) {
      *error = given + " is not the model the board runs (sha256 differs): no agreement check";
      return "";
    }
    return given;
  }
  const std::string dir = std::string(TINYINFER_SOURCE_DIR) + "/models";
  DIR* folder = opendir(dir.c_str());
  if (folder == nullptr) return "";
  std::string found;
  while (dirent* entry = readdir(folder)) {
    const std::string name = entry->d_name;
    if (name.size() > 7 && name.compare(name.size() - 7, 7, ".tflite") == 0 &&
        file_sha256(dir + "/" + name) == info.model_sha256) {
      found = dir + "/" + name;
      break;
    }
  }
  closedir(folder);
  return found;
}

// The host run of the same model and kernel set on the same input bytes.
struct HostRun {
  OpenedModel model;
  bool ready = false;
  bool open(const std::string& path, const BoardInfo& info, std::string* error) {
    KernelChoice kernels = KernelChoice::kReference;
    parse_kernel_choice(info.kernel_set.c_str(), &kernels);
    ready = load_model_file(path, &model, error) && init_interpreter(&model, kernels, error);
    return ready;
  }
  bool run(const std::vector<uint8_t>& input, std::vector<uint8_t>* output, std::string* error) {
    Interpreter& it = model.interpreter;
    std::size_t at = 0;
    for (int32_t i = 0; i < it.input_count(); ++i) {
      Tensor* t = it.input(i);
      if (at + t->bytes > input.size()) return *error = "input smaller than the host model's", false;
      std::memcpy(t->data, input.data() + at, t->bytes);
      at += t->bytes;
    }
    const Status status = it.invoke();
    if (!status.is_ok()) return *error = status.message(), false;
    output->clear();
    for (int32_t i = 0; i < it.output_count(); ++i) {
      const Tensor* t = it.output(i);
      output->insert(output->end(), static_cast<const uint8_t*>(t->data),
                     static_cast<const uint8_t*>(t->data) + t->bytes);
    }
    return true;
  }
};

// ---- commands ----------------------------------------------------------------------

struct Common {
  std::string port = "qemu";
  std::string protocol = "link";
  int64_t baud = 115200;
  double timeout = 60.0;
  bool json = false;
};

std::unique_ptr<LinkClient> connect(const Common& common, std::string* error) {
  link_client::ClientOptions options;
  options.baud = static_cast<int>(common.baud);
  options.reply_timeout_s = common.timeout;
  return LinkClient::open(common.port, options, error);
}

Json tensor_json(const link_client::TensorDetails& t) {
  Json j;
  j["name"] = t.name;
  j["dtype"] = t.dtype;
  j["shape"] = t.shape;
  j["scale"] = json_real(t.scale);
  j["zero_point"] = t.zero_point;
  j["bytes"] = t.bytes;
  return j;
}

std::string tensor_text(const link_client::TensorDetails& t) {
  std::string text = t.name + " " + t.dtype + " [";
  for (std::size_t i = 0; i < t.shape.size(); ++i) text += (i ? "," : "") + std::to_string(t.shape[i]);
  text += "]";
  if (t.scale > 0.0f) {
    char q[64];
    std::snprintf(q, sizeof q, " scale %.9g zero point %d", static_cast<double>(t.scale),
                  static_cast<int>(t.zero_point));
    text += q;
  }
  return text + " (" + std::to_string(t.bytes) + " bytes)";
}

int run_info(LinkClient& client, const Common& common) {
  std::string error;
  if (common.protocol == "study") {
    link_client::StudyStats stats;
    if (!client.study_stats(&stats, &error)) return fail(error);
    if (common.json) {
      Json j;
      j["protocol"] = "study";
      j["version"] = stats.version;
      j["freq_hz"] = stats.freq;
      j["mode"] = stats.cmsis_nn ? "ACCELERATION_CMSIS_NN" : "ACCELERATION_NONE";
      j["reply_bytes"] = stats.reply_bytes;
      print_json(j);
    } else {
      std::printf("Study protocol GET_STATS: version %u, freq %u Hz, mode %s (%zu-byte reply)\n", stats.version,
                  stats.freq, stats.cmsis_nn ? "ACCELERATION_CMSIS_NN" : "ACCELERATION_NONE", stats.reply_bytes);
    }
    return 0;
  }
  BoardInfo info;
  if (!client.info(&info, &error)) return fail(error);
  if (common.json) {
    Json j;
    j["transport"] = client.transport().describe();
    j["firmware_version"] = info.firmware_version;
    j["board"] = info.board;
    j["clock_hz"] = info.clock_hz;
    j["counter_unit"] = info.counter_unit;
    j["counter_hz"] = info.counter_hz;
    j["kernel_set"] = info.kernel_set;
    j["model"] = {{"name", info.model_name},
                  {"bytes", info.model_bytes},
                  {"sha256", info.model_sha256},
                  {"uploaded", info.model_uploaded}};
    j["inputs"] = Json::array();
    for (const auto& t : info.inputs) j["inputs"].push_back(tensor_json(t));
    j["outputs"] = Json::array();
    for (const auto& t : info.outputs) j["outputs"].push_back(tensor_json(t));
    j["arena_used"] = info.arena_used;
    j["arena_size"] = info.arena_size;
    j["slot_bytes"] = info.slot_bytes;
    j["ops"] = Json::array();
    for (const auto& op : info.ops) j["ops"].push_back({{"op", op.name}, {"kernel", op.kernel}});
    const auto& c = info.counters;
    j["link"] = {{"frames", c.frames},
                 {"cobs_invalid", c.cobs_invalid},
                 {"too_short", c.too_short},
                 {"bad_crc", c.bad_crc},
                 {"oversized", c.oversized},
                 {"study_requests", c.study_requests},
                 {"study_dropped", c.study_dropped},
                 {"max_payload", info.max_payload}};
    print_json(j);
    return 0;
  }
  std::printf("Board: %s, tinyinfer %s link firmware, core clock %s Hz\n", info.board.c_str(),
              info.firmware_version.c_str(), with_commas(static_cast<int64_t>(info.clock_hz)).c_str());
  std::printf("Link: %s\n", client.transport().describe().c_str());
  std::printf("Counter: %s\n", info.counter_unit.c_str());
  std::printf("Model: %s (%s, %s bytes, sha256 %s)\n", info.model_name.c_str(),
              info.model_uploaded ? "uploaded" : "built in", with_commas(info.model_bytes).c_str(),
              info.model_sha256.c_str());
  std::printf("Kernels: %s\n", info.kernel_set.c_str());
  for (std::size_t i = 0; i < info.inputs.size(); ++i)
    std::printf("Input %zu: %s\n", i, tensor_text(info.inputs[i]).c_str());
  for (std::size_t i = 0; i < info.outputs.size(); ++i)
    std::printf("Output %zu: %s\n", i, tensor_text(info.outputs[i]).c_str());
  std::printf("Arena: %s of %s bytes used\n", with_commas(info.arena_used).c_str(),
              with_commas(info.arena_size).c_str());
  std::printf("Upload slot: %s bytes (the largest model `load` accepts)\n", with_commas(info.slot_bytes).c_str());
  std::printf("Ops (%zu listed):", info.ops.size());
  for (const auto& op : info.ops) std::printf(" %s", op.name.c_str());
  std::printf("\n");
  const auto& c = info.counters;
  std::printf(
      "Link counters: %u frames; dropped %u COBS-invalid, %u too short, %u bad CRC, %u oversized; "
      "study: %u answered, %u dropped\n",
      c.frames, c.cobs_invalid, c.too_short, c.bad_crc, c.oversized, c.study_requests, c.study_dropped);
  return 0;
}

int run_infer(LinkClient& client, const Common& common, const InputChoice& choice, const std::string& host_model,
              bool bench) {
  std::string error, description;
  if (common.protocol == "study") {
    if (!choice.input.empty()) return fail("--protocol study takes an image (--image or --idx), not --input");
    Image image;
    if (!read_input_image(choice, &image, &description, &error)) return fail(error);
    std::vector<float> digit;
    if (!image_to_study_digit(image, &digit, &error)) return fail(error);
    link_client::StudyInference result;
    if (!client.study_infer(digit, &result, &error)) return fail(error);
    int best = 0;
    for (std::size_t i = 1; i < result.outputs.size(); ++i)
      if (result.outputs[i] > result.outputs[best]) best = static_cast<int>(i);
    if (common.json) {
      Json j;
      j["protocol"] = "study";
      j["input"] = description;
      j["outputs"] = Json::array();
      for (float v : result.outputs) j["outputs"].push_back(json_real(v));
      j["predicted"] = best;
      j["output_n"] = result.output_n;
      j["timer_ms"] = json_real(result.timer_ms);
      j["reply_bytes"] = result.reply_bytes;
      print_json(j);
    } else {
      std::printf("Input: %s, as 784 floats pixel/255\n", description.c_str());
      for (std::size_t i = 0; i < result.outputs.size(); ++i)
        std::printf("Out[%zu]: %.6f\n", i, static_cast<double>(result.outputs[i]));
      std::printf("Predicted: %d\n", best);
      std::printf("timer_ms: %.3f (output_n %u, %zu-byte reply)\n", static_cast<double>(result.timer_ms),
                  result.output_n, result.reply_bytes);
    }
    return 0;
  }

  BoardInfo info;
  if (!client.info(&info, &error)) return fail(error);
  if (info.inputs.empty() || info.outputs.empty()) return fail("the board reports no model inputs/outputs");
  BoardTensor input(info.inputs[0]);
  std::vector<uint8_t> bytes;
  if (!choice.input.empty()) {
    if (info.inputs.size() != 1)
      return fail("--input fills one input; the model has " + std::to_string(info.inputs.size()));
    bytes.assign(input.tensor.bytes, 0);
    if (!load_input_file(choice.input, input.tensor, bytes.data(), &description, &error)) return fail(error);
    description = choice.input + ": " + description;
  } else if (!choice.image.empty() || !choice.idx.empty()) {
    Image image;
    if (!read_input_image(choice, &image, &description, &error)) return fail(error);
    if (!image_to_input(image, input.tensor, &bytes, &error)) return fail(error);
  } else {
    return fail("give the input: --image FILE, --idx FILE --index N or --input FILE");
  }
  InferReply reply;
  if (!client.infer(bytes, &reply, &error)) return fail(error);

  // Agreement with the host when the same model is at hand.
  std::string agreement = "not checked (no host copy of the board's model; --model FILE)";
  std::string host_error;
  const std::string host_path = find_host_model(info, host_model, &host_error);
  bool same = false;
  if (!host_path.empty()) {
    HostRun host;
    std::vector<uint8_t> host_output;
    if (host.open(host_path, info, &host_error) && host.run(bytes, &host_output, &host_error)) {
      same = host_output == reply.output;
      agreement = (same ? "same outputs, bit for bit (" : "DIFFERENT outputs (") + host_path + ", " + info.kernel_set +
                  " kernels)";
    } else {
      agreement = "host run failed: " + host_error;
    }
  } else if (!host_error.empty()) {
    agreement = host_error;
  }

  BoardTensor output(info.outputs[0]);
  // Only what the reply holds: a short or damaged reply prints fewer values.
  const int64_t count = std::min<int64_t>(output.elements_in(reply.output), 1000);
  if (common.json) {
    Json j;
    j["input"] = description;
    j["outputs"] = Json::array();
    for (int64_t i = 0; i < count; ++i) j["outputs"].push_back(json_real(output.real_value_in(reply.output, i)));
    j["output_bytes"] = reply.output;
    j["predicted"] = reply.argmax;
    j["unit"] = reply.unit;
    j["total"] = reply.total;
    j["microseconds"] = reply.microseconds < 0 ? Json(nullptr) : json_real(reply.microseconds);
    j["layers"] = Json::array();
    for (std::size_t i = 0; i < reply.layer_counts.size(); ++i)
      j["layers"].push_back({{"op", op_code_name(reply.layer_codes[i]).text}, {"count", reply.layer_counts[i]}});
    j["host_agreement"] = host_path.empty() ? Json(nullptr) : Json(same);
    j["host"] = agreement;
    print_json(j);
    return host_path.empty() || same ? 0 : 1;
  }
  std::printf("Input: %s\n", description.c_str());
  if (bench) {
    std::printf("%-4s %-22s %16s %7s\n", "#", "op", reply.unit.c_str(), "share");
    for (std::size_t i = 0; i < reply.layer_counts.size(); ++i) {
      const double share = reply.total ? 100.0 * static_cast<double>(reply.layer_counts[i]) / reply.total : 0.0;
      std::printf("%-4zu %-22s %16s %6.1f%%\n", i, op_code_name(reply.layer_codes[i]).text,
                  with_commas(static_cast<int64_t>(reply.layer_counts[i])).c_str(), share);
    }
  } else {
    for (int64_t i = 0; i < count; ++i)
      std::printf("Out[%lld]: %.6f\n", static_cast<long long>(i), output.real_value_in(reply.output, i));
  }
  std::printf("Predicted: %d\n", reply.argmax);
  std::printf("Total: %s %s", with_commas(static_cast<int64_t>(reply.total)).c_str(), reply.unit.c_str());
  if (reply.microseconds >= 0) std::printf(" (%.1f us)", reply.microseconds);
  std::printf("\nHost: %s\n", agreement.c_str());
  return host_path.empty() || same ? 0 : 1;
}

int run_load(LinkClient& client, const Common& common, const std::string& path, std::string name) {
  AlignedBytes bytes;
  std::string error;
  if (!read_file_aligned(path, "model", kMaxFileBytes, &bytes, &error)) return fail(error);
  if (name.empty()) {
    name = path.substr(path.find_last_of('/') + 1);
    if (name.size() > 7 && name.compare(name.size() - 7, 7, ".tflite") == 0) name.resize(name.size() - 7);
  }
  const std::vector<uint8_t> model(bytes.data(), bytes.data() + bytes.size());
  ProgressBar progress(static_cast<int32_t>(model.size()));
  if (!client.load(model, name, &error,
                   [&](std::size_t sent, std::size_t) { progress.update(static_cast<int32_t>(sent)); })) {
    return fail(path + ": " + error);
  }
  BoardInfo info;
  if (!client.info(&info, &error)) return fail(error);
  if (common.json) {
    Json j;
    j["loaded"] = path;
    j["name"] = info.model_name;
    j["bytes"] = info.model_bytes;
    j["sha256"] = info.model_sha256;
    j["arena_used"] = info.arena_used;
    print_json(j);
  } else {
    std::printf("Loaded %s as %s: %s bytes, sha256 %s, arena %s bytes\n", path.c_str(), info.model_name.c_str(),
                with_commas(info.model_bytes).c_str(), info.model_sha256.c_str(), with_commas(info.arena_used).c_str());
  }
  return 0;
}

int run_eval(LinkClient& client, const Common& common, const std::string& images_path, const std::string& labels_path,
             int64_t limit, const std::string& host_model) {
  std::string error;
  IdxImages images;
  IdxLabels labels;
  if (!read_idx_images(images_path, static_cast<int32_t>(limit), &images, &error)) return fail(error);
  if (!read_idx_labels(labels_path, static_cast<int32_t>(limit), &labels, &error)) return fail(error);
  if (labels.labels.size() < static_cast<std::size_t>(images.count))
    return fail(labels_path + ": fewer labels than images");
  const bool study = common.protocol == "study";
  BoardInfo info;
  std::unique_ptr<BoardTensor> input;
  std::unique_ptr<HostRun> host;
  std::string host_path;
  if (!study) {
    if (!client.info(&info, &error)) return fail(error);
    if (info.inputs.empty()) return fail("the board reports no model inputs");
    input = std::make_unique<BoardTensor>(info.inputs[0]);
    std::string host_error;
    host_path = find_host_model(info, host_model, &host_error);
    if (!host_path.empty()) {
      host = std::make_unique<HostRun>();
      if (!host->open(host_path, info, &host_error)) host.reset();
    }
  }
  int32_t correct = 0, agree = 0;
  ProgressBar progress(images.count);
  for (int32_t i = 0; i < images.count; ++i) {
    const Image image = idx_image(images, i);
    int predicted = -1;
    if (study) {
      std::vector<float> digit;
      link_client::StudyInference result;
      if (!image_to_study_digit(image, &digit, &error) || !client.study_infer(digit, &result, &error))
        return fail("image " + std::to_string(i) + ": " + error);
      predicted =
          static_cast<int>(std::max_element(result.outputs.begin(), result.outputs.end()) - result.outputs.begin());
    } else {
      std::vector<uint8_t> bytes;
      InferReply reply;
      if (!image_to_input(image, input->tensor, &bytes, &error) || !client.infer(bytes, &reply, &error))
        return fail("image " + std::to_string(i) + ": " + error);
      predicted = reply.argmax;
      std::vector<uint8_t> host_output;
      if (host && host->run(bytes, &host_output, &error) && host_output == reply.output) ++agree;
    }
    correct += predicted == labels.labels[static_cast<std::size_t>(i)];
    progress.update(i + 1);
  }
  const double accuracy = images.count ? 100.0 * correct / images.count : 0.0;
  if (common.json) {
    Json j;
    j["images"] = images.count;
    j["correct"] = correct;
    j["accuracy_percent"] = json_real(accuracy);
    j["host_model"] = host ? Json(host_path) : Json(nullptr);
    j["host_agreement"] = host ? Json(agree) : Json(nullptr);
    print_json(j);
  } else {
    std::printf("Accuracy over the link: %d of %d (%.2f %%)\n", correct, images.count, accuracy);
    if (host) {
      std::printf("Host agreement: %d of %d outputs bit for bit (%s)\n", agree, images.count, host_path.c_str());
    } else if (!study) {
      std::printf("Host agreement: not checked (no host copy of the board's model; --model FILE)\n");
    }
  }
  return host && agree != images.count ? 1 : 0;
}

}  // namespace

int cmd_board(int argc, char** argv) {
  CLI::App app{
      "Talk to the link firmware (firmware/link) on a board, over TCP, or in QEMU:\n"
      "--port /dev/ttyUSB0 (115200 8N1 unless --baud), --port tcp:HOST:PORT, --port qemu[:FIRMWARE.elf]\n"
      "(the default: starts QEMU with the build's link firmware and stops it after).",
      kName};
  Common common;
  app.add_option("--port", common.port, "serial device, tcp:HOST:PORT or qemu[:FIRMWARE.elf] (default qemu)")
      ->check(non_empty());
  app.add_option("--protocol", common.protocol, "link (ours, default) or study (the study's messages)")
      ->check(CLI::IsMember({"link", "study"}));
  app.add_option("--baud", common.baud, "serial ports: baud rate (default 115200)")
      ->transform(integer_in_range(9600, 921600));
  app.add_option("--timeout", common.timeout, "seconds to wait for each reply (default 60)");
  add_switch(app, "--json", &common.json, "machine-readable output");
  app.require_subcommand(1, 1);

  app.add_subcommand("info", "board, model, tensors, arena, upload slot, link counters (study: GET_STATS)");
  InputChoice choice;
  std::string host_model;
  CLI::App* infer = app.add_subcommand("infer", "one inference: outputs, predicted class, total count, host agreement");
  CLI::App* bench =
      app.add_subcommand("bench", "per-layer counts of one inference (default input: models/digit_8.pgm)");
  for (CLI::App* sub : {infer, bench}) {
    sub->add_option("--image", choice.image, "PNG or PGM image")->check(non_empty());
    sub->add_option("--idx", choice.idx, "MNIST IDX images file (with --index)")->check(non_empty());
    sub->add_option("--index", choice.index, "image index in --idx")->transform(integer_in_range(0, 100000000));
    sub->add_option("--input", choice.input, "raw tensor bytes or .npy for the model's input")->check(non_empty());
    sub->add_option("--model", host_model, "host copy of the board's model for the agreement check");
  }
  std::string load_path, load_name;
  CLI::App* load = app.add_subcommand("load", "upload a .tflite into the board's RAM slot");
  load->add_option("MODEL", load_path, "the .tflite to upload")->required()->check(non_empty());
  load->add_option("--name", load_name, "name the board reports (default: the file name)");
  std::string idx_images, idx_labels;
  int64_t limit = 0;
  CLI::App* eval = app.add_subcommand("eval", "accuracy over the link on MNIST IDX files, agreement with the host");
  eval->add_option("--idx", idx_images, "IDX images (e.g. t10k-images-idx3-ubyte.gz)")->required()->check(non_empty());
  eval->add_option("--labels", idx_labels, "IDX labels")->required()->check(non_empty());
  eval->add_option("--limit", limit, "only the first N images")->transform(integer_in_range(1, 1000000));
  eval->add_option("--model", host_model, "host copy of the board's model for the agreement check");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;

  const std::string command = app.get_subcommands().front()->get_name();
  if (command == "infer" || command == "bench") {
    const int given = !choice.image.empty() + !choice.idx.empty() + !choice.input.empty();
    if (command == "bench" && given == 0)
      choice.image = std::string(TINYINFER_SOURCE_DIR) + "/models/digit_8.pgm";
    else if (given != 1)
      return usage_error(app, "give exactly one input: --image FILE, --idx FILE --index N or --input FILE");
    if (!choice.idx.empty() && choice.index < 0) return usage_error(app, "--idx needs --index N");
  }
  if (common.protocol == "study" && (command == "load" || command == "bench"))
    return usage_error(app, command + " needs the link protocol: the study's has no such message");

  std::string error;
  std::unique_ptr<LinkClient> client = connect(common, &error);
  if (!client) return fail(error);
  if (command == "info") return run_info(*client, common);
  if (command == "infer") return run_infer(*client, common, choice, host_model, false);
  if (command == "bench") return run_infer(*client, common, choice, host_model, true);
  if (command == "load") return run_load(*client, common, load_path, load_name);
  return run_eval(*client, common, idx_images, idx_labels, limit, host_model);
}

}  // namespace tinyinfer::cli
