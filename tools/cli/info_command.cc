// `tinyinfer info MODEL [--kernels K] [--json]`: what the study's ViewModel
// printed (input/output dims and types) plus every op with its tensors,
// quantization, parameters, MACs and weight bytes, and the planned arena.
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "json_output.h"
#include "model_file.h"
#include "report_format.h"

namespace tinyinfer::cli {
namespace {

struct OpSummary {
  std::string name;
  std::string refusal;  // why the op cannot run with the chosen kernels; empty when it can
  int32_t version = 1;
  std::string params;  // describe_op; empty when the interpreter is not ready
  int64_t macs = -1;   // -1: unknown (interpreter not ready)
  int64_t weight_bytes = 0;
};

Tensor tensor_at(const OpenedModel& m, int32_t index) {
  // The interpreter's view has arena pointers; the model's is enough for
  // metadata and is available even when init failed.
  return m.ready ? m.interpreter.tensor(index) : m.model.tensor(index);
}

bool valid_tensor(const OpenedModel& m, int32_t index) { return index >= 0 && index < m.model.tensor_count(); }

// Every op's outcome of init: the interpreter keeps preparing after a refusal
// so that all ops the model lacks are listed at once.
using OpStatuses = std::vector<Status>;

OpSummary summarize_op(const OpenedModel& m, const OpStatuses& statuses, int32_t i) {
  OpSummary s;
  if (static_cast<std::size_t>(i) < statuses.size() && !statuses[i].is_ok()) s.refusal = statuses[i].message();
  const OpInfo op = m.model.op(i);
  s.name = m.ready ? m.interpreter.op_name(i) : op_code_name(op.builtin_code).text;
  s.version = op.version;
  if (m.ready) {
    char buf[256] = {};
    m.interpreter.describe_op(i, buf, sizeof(buf));
    buf[sizeof(buf) - 1] = '\0';
    s.params = buf;
    s.macs = m.interpreter.op_macs(i);
  }
  for (int32_t k = 0; k < op.input_count; ++k) {
    if (!valid_tensor(m, op.inputs[k])) continue;
    const Tensor t = tensor_at(m, op.inputs[k]);
    if (t.is_constant) s.weight_bytes += static_cast<int64_t>(t.bytes);
  }
  return s;
}

// Constant tensors read by any op, each counted once (shared weights are
// stored once in the file).
int64_t total_weight_bytes(const OpenedModel& m) {
  std::set<int32_t> seen;
  int64_t total = 0;
  for (int32_t i = 0; i < m.model.op_count(); ++i) {
    const OpInfo op = m.model.op(i);
    for (int32_t k = 0; k < op.input_count; ++k) {
      const int32_t idx = op.inputs[k];
      if (!valid_tensor(m, idx) || !seen.insert(idx).second) continue;
      const Tensor t = tensor_at(m, idx);
      if (t.is_constant) total += static_cast<int64_t>(t.bytes);
    }
  }
  return total;
}

std::string tensor_line(const OpenedModel& m, int32_t index) {
  if (index < 0) return "(optional, absent)";
  if (!valid_tensor(m, index)) return "(tensor " + std::to_string(index) + " out of range)";
  const Tensor t = tensor_at(m, index);
  std::string s = "t" + std::to_string(index) + " " + data_type_name(t.type) + " " + shape_text(t.shape);
  const std::string q = quant_text(t.quant);
  if (!q.empty()) s += " (" + q + ")";
  if (t.is_constant) s += " const " + with_commas(static_cast<int64_t>(t.bytes)) + " B";
  s += std::string(" '") + t.name + "'";
  return s;
}

void print_io_text(const OpenedModel& m, const char* label, bool inputs) {
  const int32_t count = inputs ? m.model.input_count() : m.model.output_count();
  std::printf("Model %s:\n", label);
  for (int32_t i = 0; i < count; ++i) {
    const int32_t idx = inputs ? m.model.input_tensor_index(i) : m.model.output_tensor_index(i);
    if (!valid_tensor(m, idx)) continue;
    const Tensor t = tensor_at(m, idx);
    std::printf("  %s %d: %s %s, dims->size %d", inputs ? "input" : "output", i, data_type_name(t.type),
                shape_text(t.shape).c_str(), t.shape.rank);
    const std::string q = quant_text(t.quant);
    if (!q.empty()) std::printf(", %s", q.c_str());
    std::printf(", %s bytes, tensor %d '%s'\n", with_commas(static_cast<int64_t>(t.bytes)).c_str(), idx, t.name);
  }
}

int32_t refused_op_count(const OpStatuses& statuses) {
  int32_t count = 0;
  for (const Status& s : statuses) count += s.is_ok() ? 0 : 1;
  return count;
}

void print_text(const OpenedModel& m, const OpStatuses& statuses, KernelChoice kernels, const std::string& init_error) {
  std::printf("Model: %s\n", m.path.c_str());
  std::printf("  %s bytes, schema version %u, %d ops, %d tensors",
              with_commas(static_cast<int64_t>(m.model.size_bytes())).c_str(), m.model.schema_version(),
              m.model.op_count(), m.model.tensor_count());
  const char* description = m.model.description();
  if (description != nullptr && description[0] != '\0') std::printf(", description '%s'", description);
  std::printf("\n\n");
  print_io_text(m, "input", true);
  print_io_text(m, "output", false);
  for (int32_t s = 0; s < m.model.signature_count(); ++s) {
    std::printf("  signature '%s':", m.model.signature_key(s));
    for (const bool outputs : {false, true}) {
      std::printf("%s", outputs ? "; outputs" : " inputs");
      for (int32_t i = 0; i < m.model.signature_entry_count(s, outputs); ++i) {
        const Model::SignatureEntry e = m.model.signature_entry(s, outputs, i);
        std::printf("%s '%s' = tensor %d", i > 0 ? "," : "", e.name, e.tensor_index);
      }
    }
    std::printf("\n");
  }

  std::printf("\nOps (%d):\n", m.model.op_count());
  for (int32_t i = 0; i < m.model.op_count(); ++i) {
    const OpSummary s = summarize_op(m, statuses, i);
    const OpInfo op = m.model.op(i);
    std::printf("  #%d %s v%d", i, s.name.c_str(), s.version);
    if (!s.params.empty()) std::printf("  %s", s.params.c_str());
    std::printf("\n");
    if (!s.refusal.empty())
      std::printf("      CANNOT RUN (%s kernels): %s\n", kernel_choice_name(kernels), s.refusal.c_str());
    for (int32_t k = 0; k < op.input_count; ++k) {
      std::printf("      in  %s\n", tensor_line(m, op.inputs[k]).c_str());
    }
    for (int32_t k = 0; k < op.output_count; ++k) {
      std::printf("      out %s\n", tensor_line(m, op.outputs[k]).c_str());
    }
    std::printf("      MACs %s, weight bytes %s\n", s.macs >= 0 ? with_commas(s.macs).c_str() : "n/a",
                with_commas(s.weight_bytes).c_str());
  }

  std::printf("\nTotals:\n");
  if (const int32_t refused = refused_op_count(statuses); refused > 0)
    std::printf("  cannot run:   %d of %d ops with %s kernels (marked CANNOT RUN above)\n", refused, m.model.op_count(),
                kernel_choice_name(kernels));
  if (m.ready) {
    std::printf("  MACs:         %s\n", with_commas(m.interpreter.total_macs()).c_str());
  } else {
    std::printf("  MACs:         n/a\n");
  }
  std::printf("  weight bytes: %s (constant op inputs, shared tensors once)\n",
              with_commas(total_weight_bytes(m)).c_str());
  std::printf("  model bytes:  %s\n", with_commas(static_cast<int64_t>(m.model.size_bytes())).c_str());
  if (m.ready) {
    const ArenaUsage u = m.interpreter.arena_usage();
    std::printf(
        "  arena bytes:  %s planned for %s kernels (metadata %s + persistent %s + "
        "activations %s)\n",
        with_commas(static_cast<int64_t>(u.total())).c_str(), kernel_choice_name(kernels),
        with_commas(static_cast<int64_t>(u.metadata)).c_str(), with_commas(static_cast<int64_t>(u.persistent)).c_str(),
        with_commas(static_cast<int64_t>(u.activations)).c_str());
  } else {
    std::printf("  arena bytes:  n/a (%s)\n", init_error.c_str());
  }
}

Json json_tensor(const OpenedModel& m, int32_t index) {
  Json doc = {{"tensor", index}};
  if (valid_tensor(m, index)) {
    const Tensor t = tensor_at(m, index);
    doc["name"] = t.name;
    doc["type"] = data_type_name(t.type);
    doc["shape"] = json_shape(t.shape);
    doc["bytes"] = static_cast<int64_t>(t.bytes);
    doc["constant"] = t.is_constant;
    doc["quantization"] = json_quantization(t.quant);
  }
  return doc;
}

void print_info_json(const OpenedModel& m, const OpStatuses& statuses, KernelChoice kernels,
                     const std::string& init_error) {
  Json doc;
  doc["model"] = m.path;
  doc["model_bytes"] = static_cast<int64_t>(m.model.size_bytes());
  doc["schema_version"] = static_cast<int64_t>(m.model.schema_version());
  doc["description"] = m.model.description() ? m.model.description() : "";
  doc["tensor_count"] = m.model.tensor_count();
  Json& inputs = doc["inputs"] = Json::array();
  for (int32_t i = 0; i < m.model.input_count(); ++i) inputs.push_back(json_tensor(m, m.model.input_tensor_index(i)));
  Json& outputs = doc["outputs"] = Json::array();
  for (int32_t i = 0; i < m.model.output_count(); ++i)
    outputs.push_back(json_tensor(m, m.model.output_tensor_index(i)));
  Json& signatures = doc["signatures"] = Json::array();
  for (int32_t s = 0; s < m.model.signature_count(); ++s) {
    Json signature = {{"key", m.model.signature_key(s)}};
    for (const bool is_output : {false, true}) {
      Json entries = Json::array();
      for (int32_t i = 0; i < m.model.signature_entry_count(s, is_output); ++i) {
        const Model::SignatureEntry e = m.model.signature_entry(s, is_output, i);
        entries.push_back({{"name", e.name}, {"tensor", e.tensor_index}});
      }
      signature[is_output ? "outputs" : "inputs"] = std::move(entries);
    }
    signatures.push_back(std::move(signature));
  }
  Json& ops = doc["ops"] = Json::array();
  for (int32_t i = 0; i < m.model.op_count(); ++i) {
    const OpSummary s = summarize_op(m, statuses, i);
    const OpInfo op = m.model.op(i);
    Json entry = {{"index", i}, {"name", s.name}, {"builtin_code", op.builtin_code}, {"version", s.version}};
    entry["runs"] = s.refusal.empty();
    if (!s.refusal.empty()) entry["refusal"] = s.refusal;
    entry["params"] = m.ready ? Json(s.params) : Json(nullptr);
    entry["macs"] = m.ready ? Json(s.macs) : Json(nullptr);
    entry["weight_bytes"] = s.weight_bytes;
    Json op_inputs = Json::array();
    for (int32_t k = 0; k < op.input_count; ++k)  // -1: optional input absent
      op_inputs.push_back(op.inputs[k] < 0 ? Json(-1) : json_tensor(m, op.inputs[k]));
    entry["inputs"] = std::move(op_inputs);
    Json op_outputs = Json::array();
    for (int32_t k = 0; k < op.output_count; ++k) op_outputs.push_back(json_tensor(m, op.outputs[k]));
    entry["outputs"] = std::move(op_outputs);
    ops.push_back(std::move(entry));
  }
  doc["totals"] = {{"macs", m.ready ? Json(m.interpreter.total_macs()) : Json(nullptr)},
                   {"weight_bytes", total_weight_bytes(m)},
                   {"model_bytes", static_cast<int64_t>(m.model.size_bytes())}};
  doc["kernels"] = kernel_choice_name(kernels);
  if (m.ready) {
    const ArenaUsage u = m.interpreter.arena_usage();
    doc["arena"] = {{"total", static_cast<int64_t>(u.total())},
                    {"metadata", static_cast<int64_t>(u.metadata)},
                    {"persistent", static_cast<int64_t>(u.persistent)},
                    {"activations", static_cast<int64_t>(u.activations)}};
  } else {
    doc["arena"] = nullptr;
    doc["error"] = init_error;
    doc["refused_ops"] = refused_op_count(statuses);
  }
  print_json(doc);
}

}  // namespace

int cmd_info(int argc, char** argv) {
  CLI::App app{
      "Describes a .tflite model: inputs/outputs, every op (tensors, quantization, parameters,\n"
      "MACs, weight bytes) and the arena the interpreter plans for it.",
      "tinyinfer info"};
  std::string model, kernel_name = "reference";
  InterpreterOptions options;
  bool json = false;
  app.add_option("MODEL", model, "the .tflite model")->required()->check(non_empty());
  add_kernels_option(app, &kernel_name, "kernel set whose arena is planned");
  add_memory_flags(app, &options);
  add_switch(app, "--json", &json, "machine-readable output");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  KernelChoice kernels = KernelChoice::kReference;
  parse_kernel_choice(kernel_name.c_str(), &kernels);  // IsMember checked the name
  OpenedModel m;
  std::string error;
  if (!load_model_file(model, &m, &error)) {
    std::fprintf(stderr, "tinyinfer info: %s\n", error.c_str());
    return 1;
  }
  // The model's own description is printed even when it cannot be planned
  // (e.g. an unsupported op); the exit code still reports the failure.
  std::string init_error;
  OpStatuses statuses(static_cast<std::size_t>(m.model.op_count()));
  options.op_status = statuses.data();
  options.op_status_count = m.model.op_count();
  const bool ready = init_interpreter(&m, kernels, &init_error, options);
  if (json) {
    print_info_json(m, statuses, kernels, init_error);
  } else {
    print_text(m, statuses, kernels, init_error);
  }
  std::fflush(stdout);
  if (!ready) {
    std::fprintf(stderr, "tinyinfer info: %s\n", init_error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace tinyinfer::cli
