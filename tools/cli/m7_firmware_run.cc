#include "m7_firmware_run.h"

#include <cstdio>

#include "report_format.h"

namespace tinyinfer::cli::m7 {
namespace {

Json inference_json(const InferenceResult& r) {
  Json layers = Json::array();
  for (const LayerRecord& layer : r.layers) layers.push_back({{"op", layer.op}, {"count", layer.count}});
  Json outputs = Json::array();
  for (double v : r.outputs) outputs.push_back(json_real(v));
  return {{"unit", r.unit}, {"layers", layers}, {"total", r.total}, {"outputs", outputs}, {"predicted", r.predicted}};
}

Json tensor_json(const TensorDetails& t) { return {{"dims", t.dims}, {"type", t.type}}; }

}  // namespace

std::string key_name(char key) {
  if (key >= 0x20 && key < 0x7F) return std::string(1, key);
  char text[8];
  std::snprintf(text, sizeof(text), "0x%02x", static_cast<unsigned char>(key));
  return text;
}

bool run_firmware(const std::string& elf, const std::string& keys, double timeout_s, FirmwareRun* run,
                  std::string* error) {
  QemuOptions options;
  options.command_timeout_s = timeout_s;
  QemuSession session;
  run->firmware = elf;
  if (!session.start(elf, options, error)) return false;
  if (!parse_banner(session.banner(), &run->banner, error)) return false;
  for (char key : keys) {
    std::string reply;
    if (!session.command(std::string(1, key), &reply, error)) {
      *error = "key '" + key_name(key) + "': " + *error;
      return false;
    }
    if (key == '1') {
      if (!parse_model_details(reply, &run->details, error)) return false;
      run->has_details = true;
    } else if (key == '2') {
      InferenceResult result;
      if (!parse_inference(reply, &result, error)) return false;
      if (run->has_inference && result.outputs != run->inference.outputs) run->inference_outputs_differ = true;
      run->inference = result;
      run->has_inference = true;
      ++run->inference_runs;
    } else {
      run->replies.push_back({key, reply});
    }
  }
  session.stop();
  return true;
}

std::string unit_label(const std::string& unit) { return unit == "instructions" ? "QEMU instructions" : unit; }

void print_run_text(const FirmwareRun& run) {
  const BannerInfo& b = run.banner;
  std::printf("Firmware: %s\n", run.firmware.c_str());
  std::printf("Board: %s   model: %s (%s, %s bytes)   kernels: %s   counter: %s\n", b.board.c_str(), b.model.c_str(),
              b.model_file.c_str(), with_commas(b.model_bytes).c_str(), b.kernels.c_str(), b.counter_unit.c_str());
  if (!b.error.empty()) std::printf("%s\n", b.error.c_str());
  if (run.has_details) {
    const ModelDetails& d = run.details;
    std::printf("\nModel input:  %s %s\nModel output: %s %s\n", dims_text(d.input.dims).c_str(), d.input.type.c_str(),
                dims_text(d.output.dims).c_str(), d.output.type.c_str());
    std::printf("Ops: %lld   kernels: %s   arena: %s of %s bytes used\n", static_cast<long long>(d.op_count),
                d.kernels.c_str(), with_commas(d.arena_used).c_str(), with_commas(d.arena_size).c_str());
  }
  if (run.has_inference) {
    const InferenceResult& r = run.inference;
    std::printf("\n  #  %-20s %16s  %6s\n", "layer", unit_label(r.unit).c_str(), "share");
    for (std::size_t i = 0; i < r.layers.size(); ++i) {
      const double share = r.total > 0 ? 100.0 * static_cast<double>(r.layers[i].count) / r.total : 0.0;
      std::printf("%3zu  %-20s %16s  %5.1f%%\n", i, r.layers[i].op.c_str(),
                  with_commas(static_cast<int64_t>(r.layers[i].count)).c_str(), share);
    }
    std::printf("     %-20s %16s\n", "total", with_commas(static_cast<int64_t>(r.total)).c_str());
    std::printf("\nOutputs:");
    for (std::size_t i = 0; i < r.outputs.size(); ++i) std::printf(" %zu:%.6f", i, r.outputs[i]);
    std::printf("\nPredicted: %d\n", r.predicted);
    if (!r.golden.empty()) std::printf("%s\n", r.golden.c_str());
    if (run.inference_runs > 1)
      std::printf("Inferences: %d, outputs %s\n", run.inference_runs,
                  run.inference_outputs_differ ? "DIFFER between runs" : "identical in every run");
  }
  for (const KeyReply& reply : run.replies)
    std::printf("\n[key %s]\n%s", key_name(reply.key).c_str(), reply.text.c_str());
}

void add_run_json(const FirmwareRun& run, Json* out) {
  Json& json = *out;
  json["firmware"] = run.firmware;
  // The documented command (default QEMU binary), as reports quote it.
  json["qemu_command"] = qemu_command(run.firmware, QemuOptions());
  const BannerInfo& b = run.banner;
  Json banner = {{"board", b.board},           {"model", b.model},
                 {"model_file", b.model_file}, {"model_bytes", b.model_bytes},
                 {"kernels", b.kernels},       {"counter_unit", b.counter_unit},
                 {"arena_used", b.arena_used}, {"arena_size", b.arena_size}};
  if (!b.error.empty()) banner["error"] = b.error;
  json["banner"] = banner;
  if (run.has_details) {
    const ModelDetails& d = run.details;
    json["model_details"] = {{"input", tensor_json(d.input)}, {"output", tensor_json(d.output)},
                             {"op_count", d.op_count},        {"kernels", d.kernels},
                             {"arena_used", d.arena_used},    {"arena_size", d.arena_size},
                             {"counter_unit", d.counter_unit}};
  }
  if (run.has_inference) {
    json["inference"] = inference_json(run.inference);
    if (!run.inference.golden.empty()) json["inference"]["golden"] = run.inference.golden;
    json["inference_runs"] = run.inference_runs;
    json["inference_outputs_identical"] = !run.inference_outputs_differ;
  }
  if (!run.replies.empty()) {
    Json replies = Json::array();
    for (const KeyReply& reply : run.replies) replies.push_back({{"key", key_name(reply.key)}, {"text", reply.text}});
    json["replies"] = replies;
  }
}

}  // namespace tinyinfer::cli::m7
