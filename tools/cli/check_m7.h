// `tinyinfer check --m7`: golden folders on the emulated Cortex-M7. The
// folders are packed into batches (firmware/check/golden_batch.cc describes
// the layout) that QEMU's loader places in the mps2-an500's RAM; one QEMU
// start runs a whole batch with the golden firmware and reports a line per
// folder and kernel set.
#pragma once

#include <string>
#include <vector>

#include "golden_folder.h"
#include "tinyinfer/interpreter.h"

namespace tinyinfer::cli {

struct M7CheckOptions {
  std::string firmware;  // the golden firmware ELF
  bool reference = true, optimized = true;
  InterpreterOptions interpreter;
  double timeout_s = 900.0;  // per QEMU start
};

// results[f][s]: folder f with kernel set s (0 reference, 1 optimized; only the
// sets asked for are filled). Arena bytes are the M7's. False + *error when
// QEMU could not run or a batch did not end with its report.
bool run_folders_on_m7(const std::vector<std::string>& dirs, const M7CheckOptions& options,
                       std::vector<std::vector<golden::FolderResult>>* results, std::string* error);

}  // namespace tinyinfer::cli
