#include "cli_options.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace tinyinfer::cli {

CLI::Validator integer_in_range(int64_t min, int64_t max) {
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        std::size_t digits = text.size() > 0 && text[0] == '-' ? 1 : 0;
        bool decimal = digits < text.size();
        for (std::size_t i = digits; i < text.size(); ++i) decimal = decimal && text[i] >= '0' && text[i] <= '9';
        errno = 0;
        const long long value = decimal ? std::strtoll(text.c_str(), nullptr, 10) : 0;
        if (!decimal || errno == ERANGE) return "needs an integer in " + range + ", got '" + text + "'";
        if (value < min || value > max) return "must be in " + range + ", got " + text;
        text = std::to_string(value);
        return std::string();
      },
      "", "INTEGER_RANGE");
}

CLI::Validator non_empty() {
  return CLI::Validator([](std::string& text) { return text.empty() ? std::string("needs a non-empty value") : ""; },
                        "", "NON_EMPTY");
}

CLI::Option* add_switch(CLI::App& app, const std::string& name, bool* value, const std::string& help) {
  return app.add_flag(name, *value, help)->multi_option_policy(CLI::MultiOptionPolicy::Throw)->disable_flag_override();
}

CLI::Option* add_kernels_option(CLI::App& app, std::string* name, const std::string& what) {
  return app.add_option("--kernels", *name, what + ": reference (default) or optimized")
      ->type_name("K")
      ->check(CLI::IsMember({"reference", "optimized"}));
}

void add_memory_flags(CLI::App& app, InterpreterOptions* options) {
  add_switch(app, "--fuse", &options->fuse_conv_pool,
             "run each conv + following pool band by band (smaller arena;\n"
             "the pool's time is then counted in the conv's line)");
  add_switch(app, "--small-arena", &options->small_arena, "kernels that can, run with less working memory (slower)");
}

int usage_error(const CLI::App& app, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n%s", app.get_name().c_str(), message.c_str(), app.help().c_str());
  return 2;
}

}  // namespace tinyinfer::cli
