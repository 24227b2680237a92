// A small command-line parser for the tinyinfer subcommands: `--flag`,
// `--flag VALUE` / `--flag=VALUE` and positional arguments. Anything the
// subcommand did not declare is an error (exit code 2), never silently ignored.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace tinyinfer::cli {

struct FlagSpec {
  const char* name;  // with the dashes: "--repeat"
  bool takes_value;
};

class Args {
 public:
  // Parses argv[first..argc). On failure returns false and error() says why
  // (unknown flag, missing value, flag given twice).
  bool parse(int argc, char** argv, int first, std::initializer_list<FlagSpec> flags);

  bool has(const char* name) const;
  // The flag's value, or nullptr when the flag was not given.
  const char* value(const char* name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  const std::string& error() const { return error_; }

 private:
  struct Given {
    std::string name;
    std::string value;
  };
  std::vector<Given> given_;
  std::vector<std::string> positional_;
  std::string error_;
};

// Parses a decimal integer in [min, max] with nothing after it ("10", not
// "10x", "", "-" or "1e3"). On failure *error names the flag and the range.
bool parse_int_in_range(const char* flag, const char* text, int64_t min, int64_t max, int64_t* out, std::string* error);

}  // namespace tinyinfer::cli
