// Golden folders (../shared/conformance, format 1 and 2): find them, run each
// case through the engine, compare with the outputs TFLite Micro's reference
// kernels produced. Host-only; shared by `tinyinfer check` and the
// conformance tests so that both judge a folder the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tinyinfer/interpreter.h"

namespace tinyinfer::golden {

// Folders holding a manifest.json under `root`, as paths relative to it
// ("kws_ref_model", "ops/ADD/int8_bcast4d_relu"), sorted; "." when root is
// itself a golden folder. Empty when root is neither.
std::vector<std::string> discover(const std::string& root);

struct Tolerance {
  double atol = 0.0, rtol = 0.0;
};

// One output's comparison: equal when `differing` is 0.
struct Difference {
  std::size_t differing = 0;  // elements outside tolerance (or not byte-equal)
  std::size_t first = 0;      // index of the first of them
  double max_abs = 0.0;       // over all elements, as numbers
  std::string first_text;     // "got 3, want 4"
};

// Integer and bool tensors byte for byte; float32 within |got - want| <=
// atol + rtol * |want|.
Difference compare(DataType type, const uint8_t* got, const uint8_t* want, std::size_t bytes, const Tolerance& tol);

// What manifest.json says about a folder.
struct Manifest {
  int format = 1;  // 1: in_<k>.bin / out_<k>.bin; 2: in_<k>_<i>.bin / out_<k>_<j>.bin
  int cases = 0, inputs = 0, outputs = 0;
  Tolerance tolerance;
  std::string model = "model.tflite";
  int64_t tflm_arena_bytes = -1;      // -1 when absent
  double tflm_host_invoke_ms = -1.0;  // -1 when absent
};
// False + *error when manifest.json is missing, not JSON, or lacks a field.
bool read_manifest(const std::string& dir, Manifest* manifest, std::string* error);
// "in_3_1.bin" (format 2) / "in_3.bin" (format 1): case k, input or output i.
std::string case_file(const Manifest& manifest, bool input, int k, int i);

struct FolderResult {
  enum class Outcome { kPassed, kRefused, kMismatch, kBadData };
  Outcome outcome = Outcome::kBadData;
  // Refused: the engine's load/init message. Mismatch: case, output, first
  // differing element and max abs diff (and, for case 0 of a format-1 folder,
  // the first differing layer). Bad data: what is wrong with the folder.
  std::string message;
  int cases = 0;
  std::size_t arena_bytes = 0;        // ours, this host (0 when refused)
  int64_t tflm_arena_bytes = -1;      // the manifest's, -1 when absent
  double host_invoke_ms = 0.0;        // ours: median over the cases' invokes
  double tflm_host_invoke_ms = -1.0;  // the manifest's, -1 when absent
};
const char* outcome_name(FolderResult::Outcome outcome);  // "pass", "refused", "mismatch", "bad data"

// Loads the folder's model, runs every case (variable tensors reset before
// each, as the golden data was made) and compares every output.
// `options`: conv + pool fusion, small_arena, as the interpreter takes them.
FolderResult run_folder(const std::string& dir, KernelChoice kernels, const InterpreterOptions& options);

// expected_failures.txt: "<folder or glob>  <reason>" per line, '#'
// comments; globs are fnmatch patterns over folder paths ('*' stays within one
// path part).
struct ExpectedFailure {
  std::string pattern;
  std::string reason;
};
// False + *error when the file cannot be read.
bool read_expected_failures(const std::string& path, std::vector<ExpectedFailure>* list, std::string* error);
// The entry matching `folder` or any tail of it ("a/b/ops/X/y" is matched
// by "ops/X/*"), or null.
const ExpectedFailure* find_expected_failure(const std::vector<ExpectedFailure>& list, const std::string& folder);

}  // namespace tinyinfer::golden
