// `tinyinfer info MODEL [--kernels K] [--json]`: what the study's ViewModel
// printed (input/output dims and types) plus every op with its tensors,
// quantization, parameters, MACs and weight bytes, and the planned arena.
#include <cstdio>
#include <set>
#include <string>

#include "cli_args.h"
#include "commands.h"
#include "model_file.h"
#include "report_format.h"

namespace tinyinfer::cli {
namespace {

constexpr const char* kInfoUsage =
    "usage: tinyinfer info MODEL [--kernels reference|optimized] [--fuse] [--small-arena] [--json]\n"
    "  Describes a .tflite model: inputs/outputs, every op (tensors, quantization,\n"
    "  parameters, MACs, weight bytes) and the arena the interpreter plans for it.\n";

struct OpSummary {
  std::string name;
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

OpSummary summarize_op(const OpenedModel& m, int32_t i) {
  OpSummary s;
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

void print_text(const OpenedModel& m, KernelChoice kernels, const std::string& init_error) {
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
    const OpSummary s = summarize_op(m, i);
    const OpInfo op = m.model.op(i);
    std::printf("  #%d %s v%d", i, s.name.c_str(), s.version);
    if (!s.params.empty()) std::printf("  %s", s.params.c_str());
    std::printf("\n");
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

void json_tensor(JsonWriter& json, const OpenedModel& m, int32_t index) {
  json.begin_object();
  json.field("tensor", index);
  if (valid_tensor(m, index)) {
    const Tensor t = tensor_at(m, index);
    json.field("name", t.name);
    json.field("type", data_type_name(t.type));
    json.shape("shape", t.shape);
    json.field("bytes", static_cast<int64_t>(t.bytes));
    json.field("constant", t.is_constant);
    json_quantization(json, t.quant);
  }
  json.end_object();
}

void print_json(const OpenedModel& m, KernelChoice kernels, const std::string& init_error) {
  JsonWriter json(stdout);
  json.begin_object();
  json.field("model", m.path);
  json.field("model_bytes", static_cast<int64_t>(m.model.size_bytes()));
  json.field("schema_version", static_cast<int64_t>(m.model.schema_version()));
  json.field("description", m.model.description() ? m.model.description() : "");
  json.field("tensor_count", m.model.tensor_count());
  json.begin_array("inputs");
  for (int32_t i = 0; i < m.model.input_count(); ++i) json_tensor(json, m, m.model.input_tensor_index(i));
  json.end_array();
  json.begin_array("outputs");
  for (int32_t i = 0; i < m.model.output_count(); ++i) json_tensor(json, m, m.model.output_tensor_index(i));
  json.end_array();
  json.begin_array("signatures");
  for (int32_t s = 0; s < m.model.signature_count(); ++s) {
    json.begin_object();
    json.field("key", m.model.signature_key(s));
    for (const bool outputs : {false, true}) {
      json.begin_array(outputs ? "outputs" : "inputs");
      for (int32_t i = 0; i < m.model.signature_entry_count(s, outputs); ++i) {
        const Model::SignatureEntry e = m.model.signature_entry(s, outputs, i);
        json.begin_object();
        json.field("name", e.name);
        json.field("tensor", e.tensor_index);
        json.end_object();
      }
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
  json.begin_array("ops");
  for (int32_t i = 0; i < m.model.op_count(); ++i) {
    const OpSummary s = summarize_op(m, i);
    const OpInfo op = m.model.op(i);
    json.begin_object();
    json.field("index", i);
    json.field("name", s.name);
    json.field("builtin_code", op.builtin_code);
    json.field("version", s.version);
    if (m.ready) {
      json.field("params", s.params);
      json.field("macs", s.macs);
    } else {
      json.null_field("params");
      json.null_field("macs");
    }
    json.field("weight_bytes", s.weight_bytes);
    json.begin_array("inputs");
    for (int32_t k = 0; k < op.input_count; ++k) {
      if (op.inputs[k] < 0) {
        json.element(int64_t{-1});  // optional input absent
      } else {
        json_tensor(json, m, op.inputs[k]);
      }
    }
    json.end_array();
    json.begin_array("outputs");
    for (int32_t k = 0; k < op.output_count; ++k) json_tensor(json, m, op.outputs[k]);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.begin_object("totals");
  if (m.ready) {
    json.field("macs", m.interpreter.total_macs());
  } else {
    json.null_field("macs");
  }
  json.field("weight_bytes", total_weight_bytes(m));
  json.field("model_bytes", static_cast<int64_t>(m.model.size_bytes()));
  json.end_object();
  json.field("kernels", kernel_choice_name(kernels));
  if (m.ready) {
    const ArenaUsage u = m.interpreter.arena_usage();
    json.begin_object("arena");
    json.field("total", static_cast<int64_t>(u.total()));
    json.field("metadata", static_cast<int64_t>(u.metadata));
    json.field("persistent", static_cast<int64_t>(u.persistent));
    json.field("activations", static_cast<int64_t>(u.activations));
    json.end_object();
  } else {
    json.null_field("arena");
    json.field("error", init_error);
  }
  json.end_object();
  json.finish();
}

}  // namespace

int cmd_info(int argc, char** argv) {
  Args args;
  if (!args.parse(argc, argv, 2,
                  {{"--json", false},
                   {"--kernels", true},
                   {"--fuse", false},
                   {"--small-arena", false},
                   {"--help", false},
                   {"-h", false}})) {
    std::fprintf(stderr, "tinyinfer info: %s\n%s", args.error().c_str(), kInfoUsage);
    return 2;
  }
  if (args.has("--help") || args.has("-h")) {
    std::fputs(kInfoUsage, stdout);
    return 0;
  }
  if (args.positional().size() != 1) {
    std::fprintf(stderr, "tinyinfer info: expected exactly one MODEL file, got %zu arguments\n%s",
                 args.positional().size(), kInfoUsage);
    return 2;
  }
  KernelChoice kernels = KernelChoice::kReference;
  if (args.has("--kernels") && !parse_kernel_choice(args.value("--kernels"), &kernels)) {
    std::fprintf(stderr, "tinyinfer info: --kernels must be 'reference' or 'optimized', got '%s'\n",
                 args.value("--kernels"));
    return 2;
  }
  OpenedModel m;
  std::string error;
  if (!load_model_file(args.positional()[0], &m, &error)) {
    std::fprintf(stderr, "tinyinfer info: %s\n", error.c_str());
    return 1;
  }
  // The model's own description is printed even when it cannot be planned
  // (e.g. an unsupported op); the exit code still reports the failure.
  std::string init_error;
  const bool ready = init_interpreter(&m, kernels, &init_error, fuse_options(args));
  if (args.has("--json")) {
    print_json(m, kernels, init_error);
  } else {
    print_text(m, kernels, init_error);
  }
  std::fflush(stdout);
  if (!ready) {
    std::fprintf(stderr, "tinyinfer info: %s\n", init_error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace tinyinfer::cli
