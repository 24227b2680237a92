#include "cli_args.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace tinyinfer::cli {

bool Args::parse(int argc, char** argv, int first, std::initializer_list<FlagSpec> flags) {
  given_.clear();
  positional_.clear();
  error_.clear();
  bool only_positional = false;
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    if (only_positional || arg.size() < 2 || arg[0] != '-') {
      positional_.push_back(arg);  // "-" alone is a positional (stdin-style name)
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& f : flags) {
      if (name == f.name) spec = &f;
    }
    if (spec == nullptr) {
      error_ = "unknown option '" + name + "'";
      return false;
    }
    if (has(spec->name)) {
      error_ = "option '" + name + "' given more than once";
      return false;
    }
    Given g{name, ""};
    if (spec->takes_value) {
      if (eq != std::string::npos) {
        g.value = arg.substr(eq + 1);
      } else if (i + 1 < argc) {
        g.value = argv[++i];
      } else {
        error_ = "option '" + name + "' needs a value";
        return false;
      }
      if (g.value.empty()) {
        error_ = "option '" + name + "' needs a non-empty value";
        return false;
      }
    } else if (eq != std::string::npos) {
      error_ = "option '" + name + "' takes no value";
      return false;
    }
    given_.push_back(g);
  }
  return true;
}

bool Args::has(const char* name) const {
  for (const Given& g : given_) {
    if (g.name == name) return true;
  }
  return false;
}

const char* Args::value(const char* name) const {
  for (const Given& g : given_) {
    if (g.name == name) return g.value.c_str();
  }
  return nullptr;
}

bool parse_int_in_range(const char* flag, const char* text, int64_t min, int64_t max, int64_t* out,
                        std::string* error) {
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  if (text == nullptr || *text == '\0') {
    *error = std::string(flag) + " needs an integer in " + range;
    return false;
  }
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || errno == ERANGE || std::strchr(" \t+", text[0]) != nullptr) {
    *error = std::string(flag) + " needs an integer in " + range + ", got '" + text + "'";
    return false;
  }
  if (v < min || v > max) {
    *error = std::string(flag) + " must be in " + range + ", got " + text;
    return false;
  }
  *out = v;
  return true;
}

}  // namespace tinyinfer::cli
