// `tinyinfer run --input [NAME|INDEX=]FILE ...`: which file fills which model
// input, and the inputs' contents (a file, or zeros when none is given).
#pragma once

#include <string>
#include <vector>

#include "tinyinfer/interpreter.h"

namespace tinyinfer::cli {

struct InputFill {
  int32_t index = 0;
  std::string name;
  std::string source;       // "zeros", "raw", "npy", "image"
  std::string description;  // what was read and how
};

// Fills every model input: "NAME=FILE" or "INDEX=FILE" names the input, a
// bare FILE takes the first input not named yet (so a one-input model keeps
// `--input FILE`); inputs without a file are zeros. False + *error for an
// unknown name, an index out of range, an input given twice, more files than
// inputs, or a file that does not fit its input.
bool fill_inputs(const std::vector<std::string>& specs, Interpreter& interpreter, std::vector<InputFill>* fills,
                 std::string* error);

}  // namespace tinyinfer::cli
