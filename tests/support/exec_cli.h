// The child side of the CLI tests' fork(): replaces the process with the
// tinyinfer command and its arguments (exit code 127 if it cannot start).
#pragma once

#include <string>
#include <vector>

#include <unistd.h>

namespace tinyinfer::testing {

[[noreturn]] inline void exec_cli(const std::string& cli, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(cli.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(cli.c_str(), argv.data());
  _exit(127);
}

}  // namespace tinyinfer::testing
