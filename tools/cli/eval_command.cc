// `tinyinfer eval`: placeholder until the implementation lands (keeps the
// dispatch in main.cc linking).
#include <cstdio>

#include "commands.h"

namespace tinyinfer::cli {

int cmd_eval(int, char**) {
  std::fputs("tinyinfer eval: not implemented yet\n", stderr);
  return 1;
}

}  // namespace tinyinfer::cli
