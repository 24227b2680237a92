#include "m7_runner.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace tinyinfer::cli::m7 {
namespace {

// ---- parsing helpers -------------------------------------------------------

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool starts_with(const std::string& text, const char* prefix) {
  return text.compare(0, std::strlen(prefix), prefix) == 0;
}

// Strict unsigned decimal: digits only, fits in uint64.
bool parse_u64(const std::string& text, uint64_t* out) {
  if (text.empty() || text.size() > 20) return false;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
  }
  *out = value;
  return true;
}

bool parse_i64(const std::string& text, int64_t* out) {
  uint64_t v = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!parse_u64(negative ? text.substr(1) : text, &v) || v > static_cast<uint64_t>(INT64_MAX)) return false;
  *out = negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return true;
}

bool parse_double(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE) return false;
  *out = v;
  return true;
}

// "NAME: value" -> value, when the line starts with "NAME: ".
bool field_value(const std::string& line, const char* name, std::string* value) {
  const std::string prefix = std::string(name) + ": ";
  if (!starts_with(line, prefix.c_str())) return false;
  *value = line.substr(prefix.size());
  return true;
}

// A layer line: an upper-case op name, ": ", a count and the unit, with an
// optional " (x.xxx ms)" on boards whose counter measures time.
bool parse_layer_line(const std::string& line, LayerRecord* layer, std::string* unit) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string::npos || colon == 0) return false;
  const std::string name = line.substr(0, colon);
  if (!(name[0] >= 'A' && name[0] <= 'Z')) return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  std::string rest = line.substr(colon + 2);
  const std::size_t paren = rest.find(" (");
  if (paren != std::string::npos) rest = rest.substr(0, paren);
  const std::size_t space = rest.find(' ');
  if (space == std::string::npos) return false;
  uint64_t count = 0;
  if (!parse_u64(rest.substr(0, space), &count)) return false;
  layer->op = name;
  layer->count = count;
  *unit = rest.substr(space + 1);
  return !unit->empty() && unit->find(' ') == std::string::npos;
}

// "Arena: N of M bytes used"
bool parse_arena(const std::string& value, int64_t* used, int64_t* size) {
  std::istringstream in(value);
  std::string used_text, of, size_text, bytes, used_word;
  if (!(in >> used_text >> of >> size_text >> bytes >> used_word)) return false;
  return of == "of" && bytes == "bytes" && used_word == "used" && parse_i64(used_text, used) &&
         parse_i64(size_text, size);
}

}  // namespace

std::string dims_text(const std::vector<int64_t>& dims) {
  std::string text;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) text += "x";
    text += std::to_string(dims[i]);
  }
  return text;
}

// ---- parsers -------------------------------------------------------------------

bool parse_banner(const std::string& text, BannerInfo* info, std::string* error) {
  *info = BannerInfo();
  bool saw_board = false;
  for (const std::string& line : split_lines(text)) {
    std::string value;
    if (field_value(line, "Board", &value)) {
      info->board = value;
      saw_board = true;
    } else if (field_value(line, "Model", &value)) {
      // "uncompressed (mnist_uncompressed.tflite, 375740 bytes)"
      const std::size_t open = value.find(" (");
      info->model = value.substr(0, open);
      if (open != std::string::npos) {
        const std::size_t comma = value.find(", ", open);
        if (comma != std::string::npos) {
          info->model_file = value.substr(open + 2, comma - open - 2);
          const std::size_t space = value.find(' ', comma + 2);
          if (space != std::string::npos) parse_i64(value.substr(comma + 2, space - comma - 2), &info->model_bytes);
        }
      }
    } else if (field_value(line, "Kernels", &value)) {
      info->kernels = value;
    } else if (field_value(line, "Counter", &value)) {
      info->counter_unit = value;
    } else if (field_value(line, "Arena", &value)) {
      parse_arena(value, &info->arena_used, &info->arena_size);
    } else if (starts_with(line, "error: ")) {
      info->error = line;
    }
  }
  if (!saw_board) {
    *error = "no 'Board:' line in the boot banner: [" + text + "]";
    return false;
  }
  return true;
}

bool parse_model_details(const std::string& text, ModelDetails* details, std::string* error) {
  *details = ModelDetails();
  TensorDetails* current = nullptr;
  bool saw_input = false, saw_output = false;
  for (const std::string& line : split_lines(text)) {
    std::string value;
    if (starts_with(line, "error: ")) {
      *error = line;
      return false;
    }
    if (line == "Model input:") {
      current = &details->input;
      saw_input = true;
    } else if (line == "Model output:") {
      current = &details->output;
      saw_output = true;
    } else if (current != nullptr && starts_with(line, "dims->data[")) {
      const std::size_t colon = line.find("]: ");
      int64_t dim = 0;
      if (colon == std::string::npos || !parse_i64(line.substr(colon + 3), &dim)) {
        *error = "bad dims line: " + line;
        return false;
      }
      current->dims.push_back(dim);
    } else if (current != nullptr &&
               (field_value(line, "input->type", &value) || field_value(line, "output->type", &value))) {
      current->type = value;
    } else if (field_value(line, "Model", &value)) {
      // "uncompressed (file, N bytes), 8 ops, kernels: reference"
      const std::size_t ops = value.find(" ops, kernels: ");
      if (ops != std::string::npos) {
        const std::size_t start = value.rfind(", ", ops);
        if (start != std::string::npos) parse_i64(value.substr(start + 2, ops - start - 2), &details->op_count);
        details->kernels = value.substr(ops + std::strlen(" ops, kernels: "));
      }
    } else if (field_value(line, "Arena", &value)) {
      parse_arena(value, &details->arena_used, &details->arena_size);
    } else if (field_value(line, "Counter", &value)) {
      details->counter_unit = value;
    }
  }
  if (!saw_input || !saw_output || details->input.type.empty() || details->output.type.empty()) {
    *error = "incomplete model details: [" + text + "]";
    return false;
  }
  return true;
}

bool parse_inference(const std::string& text, InferenceResult* result, std::string* error) {
  *result = InferenceResult();
  bool running = false, done = false;
  for (const std::string& line : split_lines(text)) {
    std::string value;
    if (starts_with(line, "error: ")) {
      *error = line;
      return false;
    }
    if (line == "Running inference...") {
      running = true;
      continue;
    }
    if (!running) continue;
    if (starts_with(line, "Done in ")) {
      std::string rest = line.substr(std::strlen("Done in "));
      const std::size_t paren = rest.find(" (");
      if (paren != std::string::npos) rest = rest.substr(0, paren);
      const std::size_t space = rest.find(' ');
      if (space == std::string::npos || !parse_u64(rest.substr(0, space), &result->total)) {
        *error = "bad total line: " + line;
        return false;
      }
      const std::string unit = rest.substr(space + 1);
      if (!result->unit.empty() && unit != result->unit) {
        *error = "total in " + unit + " but layers in " + result->unit;
        return false;
      }
      result->unit = unit;
      done = true;
    } else if (starts_with(line, "Out[")) {
      const std::size_t close = line.find("]: ");
      int64_t index = -1;
      double v = 0;
      if (close == std::string::npos || !parse_i64(line.substr(4, close - 4), &index) ||
          index != static_cast<int64_t>(result->outputs.size()) || !parse_double(line.substr(close + 3), &v)) {
        *error = "bad output line: " + line;
        return false;
      }
      result->outputs.push_back(v);
    } else if (field_value(line, "Predicted", &value)) {
      int64_t predicted = -1;
      if (!parse_i64(value, &predicted)) {
        *error = "bad prediction line: " + line;
        return false;
      }
      result->predicted = static_cast<int>(predicted);
    } else if (starts_with(line, "Golden case 0:")) {
      result->golden = line;
    } else if (!done) {
      LayerRecord layer;
      std::string unit;
      if (!parse_layer_line(line, &layer, &unit)) {
        *error = "unexpected line in the per-layer list: " + line;
        return false;
      }
      if (!result->unit.empty() && unit != result->unit) {
        *error = "layers in different units: " + line;
        return false;
      }
      result->unit = unit;
      result->layers.push_back(layer);
    }
  }
  if (!running || !done || result->predicted < 0) {
    *error = "incomplete inference report: [" + text + "]";
    return false;
  }
  return true;
}

}  // namespace tinyinfer::cli::m7
