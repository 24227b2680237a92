// `tinyinfer ops`: which kernel runs for every op x type signature x kernel
// set linked into this build; `tinyinfer ops --for MODEL`: the op list a
// firmware image needs for that model (as a list, as CMake for
// tinyinfer_kernel_table(), or as the kernel table source itself).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "model_file.h"
#include "runtime/node.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::cli {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string signature_text(const TypeSignature& types) {
  char text[96];
  types.format(text, sizeof(text));
  return text;
}

// Every linked kernel, in table order.
std::vector<const OpKernel*> all_kernels() {
  std::vector<const OpKernel*> kernels;
  const KernelTable& table = linked_kernels();
  for (int32_t l = 0; l < table.count; ++l)
    for (int32_t i = 0; i < table.lists[l]->count; ++i) kernels.push_back(&table.lists[l]->entries[i]);
  return kernels;
}

const OpKernel* kernel_named(const std::string& name) {
  for (const OpKernel* k : all_kernels())
    if (name == k->name) return k;
  return nullptr;
}

// ---- the matrix ----

// One op x type signature: the kernel each set runs, on this host and in an
// optimized Cortex-M7 image (host SIMD variants are never linked there).
struct MatrixRow {
  std::string op, types, reference, optimized, cortex_m7;
  KernelTarget optimized_target = KernelTarget::kPortable, cortex_m7_target = KernelTarget::kPortable;
};

std::vector<MatrixRow> kernel_matrix() {
  std::vector<MatrixRow> rows;
  for (const OpKernel* k : all_kernels()) {
    if (k->set != KernelChoice::kReference) continue;
    MatrixRow row;
    row.op = k->op->name;
    row.types = signature_text(k->types);
    row.reference = k->name;
    const OpKernel* host = select_kernel(*k->op, KernelChoice::kOptimized, k->types, this_build_target_order());
    const OpKernel* chip = select_kernel(*k->op, KernelChoice::kOptimized, k->types, cortex_m7_target_order());
    row.optimized = host != nullptr ? host->name : "-";
    row.cortex_m7 = chip != nullptr ? chip->name : "-";
    if (host != nullptr) row.optimized_target = host->target;
    if (chip != nullptr) row.cortex_m7_target = chip->target;
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(),
            [](const MatrixRow& a, const MatrixRow& b) { return a.op != b.op ? a.op < b.op : a.types < b.types; });
  return rows;
}

int print_matrix(bool json) {
  const std::vector<MatrixRow> rows = kernel_matrix();
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const MatrixRow& r : rows)
      out.push_back({{"op", r.op},
                     {"types", r.types},
                     {"reference", r.reference},
                     {"optimized", r.optimized},
                     {"optimized_target", kernel_target_name(r.optimized_target)},
                     {"optimized_falls_back_to_reference", r.optimized_target == KernelTarget::kPortable},
                     {"cortex_m7", r.cortex_m7},
                     {"cortex_m7_falls_back_to_reference", r.cortex_m7_target == KernelTarget::kPortable}});
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  std::printf("%-18s %-42s %-28s %-34s %s\n", "op", "types (inputs -> output)", "reference", "optimized (host)",
              "cortex-m7");
  std::set<std::string> ops;
  int host_simd = 0, cortex_m7 = 0;
  for (const MatrixRow& r : rows) {
    ops.insert(r.op);
    host_simd += r.optimized_target == KernelTarget::kHostSimd ? 1 : 0;
    cortex_m7 += r.cortex_m7_target == KernelTarget::kCortexM7 ? 1 : 0;
    std::printf("%-18s %-42s %-28s %-34s %s\n", r.op.c_str(), r.types.c_str(), r.reference.c_str(), r.optimized.c_str(),
                r.cortex_m7.c_str());
  }
  std::printf(
      "\n%zu ops, %zu op x type signatures, %d with a host SIMD variant, %d with a Cortex-M7 variant.\n"
      "optimized (host): the host SIMD variant (Highway, best target at run time), else the Cortex-M7\n"
      "variant through portable twins of the DSP/FPv5 instructions, else the reference kernel.\n"
      "cortex-m7: what an optimized Cortex-M7 image runs (its variant, else the reference kernel).\n",
      ops.size(), rows.size(), host_simd, cortex_m7);
  return 0;
}

// One Markdown row per op: the types its reference kernels take, those with a
// host SIMD variant and those with a Cortex-M7 variant (kernel names are
// <op>_<type>[_host|_cortex_m7]), for the README.
int print_markdown() {
  struct Row {
    std::set<std::string> reference, host, cortex_m7;
  };
  std::map<std::string, Row> rows;
  for (const OpKernel* k : all_kernels()) {
    const std::string prefix = lower(k->op->name) + "_";
    std::string type = k->name;
    if (type.compare(0, prefix.size(), prefix) == 0) type = type.substr(prefix.size());
    const std::string suffix = k->target == KernelTarget::kHostSimd   ? "_host"
                               : k->target == KernelTarget::kCortexM7 ? "_cortex_m7"
                                                                      : "";
    if (!suffix.empty() && type.size() > suffix.size() &&
        type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0)
      type.resize(type.size() - suffix.size());
    Row& row = rows[k->op->name];
    if (k->set == KernelChoice::kReference) {
      row.reference.insert(type);
    } else if (k->target == KernelTarget::kHostSimd) {
      row.host.insert(type);
    } else {
      row.cortex_m7.insert(type);
    }
  }
  auto joined = [](const std::set<std::string>& names) {
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : ", ") + n;
    return text.empty() ? std::string("-") : text;
  };
  std::printf(
      "| op | reference kernels (host and Cortex-M7) | optimized (host): host SIMD variant | "
      "cortex-m7: DSP/FPv5 variant |\n");
  std::printf("|---|---|---|---|\n");
  for (const auto& [op, row] : rows)
    std::printf("| %s | %s | %s | %s |\n", op.c_str(), joined(row.reference).c_str(), joined(row.host).c_str(),
                joined(row.cortex_m7).c_str());
  std::printf(
      "\n%zu ops. The optimized set runs, on the host, the host SIMD variant, else the Cortex-M7 variant\n"
      "(through portable twins of the DSP/FPv5 instructions), else the reference kernel; on the chip the\n"
      "Cortex-M7 variant, else the reference kernel.\n",
      rows.size());
  return 0;
}

// ---- an image's op list ----

// "CONV_2D:float32" per kernel the model uses (reference names: <op>_<type>).
bool model_op_list(const std::string& path, std::vector<std::string>* ops, std::vector<std::string>* kernels,
                   std::string* error) {
  OpenedModel opened;
  if (!load_model_file(path, &opened, error)) return false;
  if (!init_interpreter(&opened, KernelChoice::kReference, error)) return false;
  std::set<std::string> seen;
  for (int32_t i = 0; i < opened.interpreter.op_count(); ++i) {
    const std::string op = opened.interpreter.op_name(i);
    const std::string kernel = opened.interpreter.op_kernel_name(i);
    const std::string prefix = lower(op) + "_";
    if (kernel.compare(0, prefix.size(), prefix) != 0) {
      *error = "kernel " + kernel + " of op " + op + " is not named " + prefix + "<type>";
      return false;
    }
    const std::string entry = op + ":" + kernel.substr(prefix.size());
    if (seen.insert(entry).second) {
      ops->push_back(entry);
      kernels->push_back(kernel);
    }
  }
  return true;
}

// The kernel table source for these reference kernels in `set`: an op's
// Cortex-M7 variant replaces its reference list where one is linked.
std::string kernel_table_source(const std::string& model, const std::vector<std::string>& ops,
                                const std::vector<std::string>& reference_kernels, KernelChoice set) {
  std::vector<std::string> lists;
  for (const std::string& name : reference_kernels) {
    const std::string variant = name + "_cortex_m7";
    lists.push_back(set == KernelChoice::kOptimized && kernel_named(variant) != nullptr ? variant : name);
  }
  std::string text = "// Generated by `tinyinfer ops --for " + model + " --format table --kernels " +
                     kernel_choice_name(set) + "`:\n// ";
  for (const std::string& op : ops) text += op + " ";
  text += "\n#include \"runtime/op_kernel.h\"\n\nnamespace tinyinfer {\n\n";
  for (const std::string& list : lists) text += "extern const KernelList kernels_" + list + ";\n";
  text += "\nconst KernelTable& linked_kernels() {\n  static const KernelList* const lists[] = {\n";
  for (const std::string& list : lists) text += "      &kernels_" + list + ",\n";
  text += "  };\n  static const KernelTable table = {lists, " + std::to_string(lists.size()) +
          "};\n  return table;\n}\n\n}  // namespace tinyinfer\n";
  return text;
}

}  // namespace

int cmd_ops(int argc, char** argv) {
  CLI::App app{
      "Without --for: the kernel that runs for every op x type signature in the reference set, the\n"
      "optimized set on this host and an optimized Cortex-M7 image. With --for MODEL: the ops (with\n"
      "their types) a firmware image needs to run MODEL, for tinyinfer_kernel_table(OPS ...) in CMake or\n"
      "as the table source itself.",
      "tinyinfer ops"};
  std::string model, format = "list", kernels = "optimized";
  bool json = false;
  app.add_option("--for", model, "the .tflite model whose op list to print");
  app.add_option("--format", format,
                 "with --for: list (one OP:type per line), cmake (set(TINYINFER_OPS ...)) "
                 "or table (the kernel table's C++ source)")
      ->check(CLI::IsMember({"list", "cmake", "table"}));
  app.add_option("--kernels", kernels, "with --format table: the image's kernel set")
      ->check(CLI::IsMember({"reference", "optimized"}));
  add_switch(app, "--json", &json, "without --for: the matrix as JSON");
  bool markdown = false;
  add_switch(app, "--markdown", &markdown, "without --for: one row per op and its types, as a Markdown table");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  if (model.empty()) {
    if (format != "list" || kernels != "optimized") {
      std::fprintf(stderr, "tinyinfer ops: --format and --kernels need --for MODEL\n");
      return 2;
    }
    if (json && markdown) return usage_error(app, "--json and --markdown: choose one");
    return markdown ? print_markdown() : print_matrix(json);
  }
  if (json || markdown) {
    std::fprintf(stderr, "tinyinfer ops: --json and --markdown print the matrix; they do not combine with --for\n");
    return 2;
  }
  std::vector<std::string> ops, reference_kernels;
  std::string error;
  if (!model_op_list(model, &ops, &reference_kernels, &error)) {
    std::fprintf(stderr, "tinyinfer ops: %s\n", error.c_str());
    return 1;
  }
  if (format == "list") {
    for (const std::string& op : ops) std::printf("%s\n", op.c_str());
  } else if (format == "cmake") {
    std::printf("set(TINYINFER_OPS");
    for (const std::string& op : ops) std::printf(" %s", op.c_str());
    std::printf(")\n");
  } else {
    std::fputs(kernel_table_source(model, ops, reference_kernels,
                                   kernels == "reference" ? KernelChoice::kReference : KernelChoice::kOptimized)
                   .c_str(),
               stdout);
  }
  return 0;
}

}  // namespace tinyinfer::cli
