#include "run_inputs.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "image_input.h"
#include "report_format.h"

namespace tinyinfer::cli {
namespace {

bool is_decimal(const std::string& text) {
  return !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
}

std::string input_names(Interpreter& it) {
  std::string names;
  for (int32_t i = 0; i < it.input_count(); ++i) {
    if (i > 0) names += ", ";
    names += std::to_string(i) + " '" + it.input(i)->name + "'";
  }
  return names.empty() ? "none" : names;
}

// -1 when `key` names no input; -2 (and *error) for a number out of range.
int32_t input_by_key(Interpreter& it, const std::string& key, std::string* error) {
  if (is_decimal(key)) {
    const long index = std::stol(key);
    if (index < it.input_count()) return static_cast<int32_t>(index);
    *error = "--input " + key + "=...: the model has " + std::to_string(it.input_count()) + " input(s) (" +
             input_names(it) + ")";
    return -2;
  }
  for (int32_t i = 0; i < it.input_count(); ++i)
    if (key == it.input(i)->name) return i;
  return -1;
}

std::string zeros_text(const Tensor& t) {
  std::string text = std::string("all zeros for ") + data_type_name(t.type) + " " + shape_text(t.shape);
  if (t.type != DataType::kFloat32 && t.quant.is_quantized()) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), " (raw 0 = real %.6g)",
                  static_cast<double>(-t.quant.scale() * t.quant.zero_point()));
    text += buf;
  }
  return text;
}

}  // namespace

bool fill_inputs(const std::vector<std::string>& specs, Interpreter& it, std::vector<InputFill>* fills,
                 std::string* error) {
  const int32_t count = it.input_count();
  std::vector<std::string> files(static_cast<std::size_t>(count));
  // Named ones first, so bare files go to the inputs left over.
  std::vector<std::string> bare;
  for (const std::string& spec : specs) {
    const std::size_t eq = spec.find('=');
    int32_t index = -1;
    if (eq != std::string::npos) {
      index = input_by_key(it, spec.substr(0, eq), error);
      if (index == -2) return false;
      std::error_code ec;
      if (index == -1 && !std::filesystem::exists(spec, ec)) {
        *error = "--input " + spec + ": no input named '" + spec.substr(0, eq) + "' (inputs: " + input_names(it) + ")";
        return false;
      }
    }
    if (index < 0) {
      bare.push_back(spec);
      continue;
    }
    const std::string file = spec.substr(eq + 1);
    if (file.empty()) {
      *error = "--input " + spec + ": no file after '='";
      return false;
    }
    if (!files[static_cast<std::size_t>(index)].empty()) {
      *error = "input " + std::to_string(index) + " '" + it.input(index)->name + "' given twice";
      return false;
    }
    files[static_cast<std::size_t>(index)] = file;
  }
  std::size_t next = 0;
  for (const std::string& file : bare) {
    while (next < files.size() && !files[next].empty()) ++next;
    if (next == files.size()) {
      *error = "--input " + file + ": every input already has a file (the model has " + std::to_string(count) +
               " input(s): " + input_names(it) + ")";
      return false;
    }
    files[next] = file;
  }

  fills->clear();
  for (int32_t i = 0; i < count; ++i) {
    Tensor* t = it.input(i);
    if (t == nullptr || (t->data == nullptr && t->bytes != 0)) {
      *error = "input " + std::to_string(i) + " has no buffer";
      return false;
    }
    InputFill fill;
    fill.index = i;
    fill.name = t->name;
    const std::string& file = files[static_cast<std::size_t>(i)];
    if (file.empty()) {
      // Activations live in a reused arena: an input without a file starts from zeros.
      if (t->bytes != 0) std::memset(t->data, 0, t->bytes);
      fill.source = "zeros";
      fill.description = zeros_text(*t);
    } else {
      if (!load_input_file(file, *t, t->data, &fill.description, error)) return false;
      const std::string& d = fill.description;
      fill.source = d.rfind("raw", 0) == 0 ? "raw" : d.find(".npy array") != std::string::npos ? "npy" : "image";
    }
    fills->push_back(std::move(fill));
  }
  return true;
}

}  // namespace tinyinfer::cli
