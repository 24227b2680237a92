// The study's benchmark on top of the engine: one model, one kernel set and
// one arena chosen at build time; model details and per-layer profiling of
// an inference on the built-in input - the handwritten digit, or for a model
// from a golden folder that does not take a 28x28 image, the folder's case 0,
// checked against TFLite Micro's output - printed for people and for the
// host-side runner (tools/cli/m7_runner.cc parses this text).
#pragma once

#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"
#include "tinyinfer/status.h"

namespace tinyinfer::app {

class Benchmark {
 public:
  // Loads the embedded model and plans the arena. A failure is kept and
  // reported by every command, so the shell stays usable.
  void setup();

  void print_banner() const;
  void print_model_details() const;  // key '1'
  void run_inference();              // key '2'

 private:
  // True when key 2 feeds the embedded golden case rather than the digit.
  bool uses_golden_case() const;
  Status fill_input_from_digit();
  Status fill_input_from_golden_case();
  void print_golden_comparison() const;

  Model model_;
  Interpreter interpreter_;
  Status setup_status_;
  bool ready_ = false;
};

}  // namespace tinyinfer::app
