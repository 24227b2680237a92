// One run of a shell firmware on the emulated Cortex-M7, shared by
// `tinyinfer m7` and `tinyinfer study`: boot, send keys, parse the replies,
// and print them as text or JSON.
#pragma once

#include <string>
#include <vector>

#include "json_output.h"
#include "m7_runner.h"

namespace tinyinfer::cli::m7 {

struct KeyReply {
  char key;
  std::string text;
};

struct FirmwareRun {
  std::string firmware;
  BannerInfo banner;
  bool has_details = false;
  ModelDetails details;
  bool has_inference = false;
  InferenceResult inference;  // the last key 2
  int inference_runs = 0;
  bool inference_outputs_differ = false;  // a later key 2 printed other outputs than the first
  std::vector<KeyReply> replies;          // keys other than 1 and 2
};

// "1", or "0x0d" for a key that does not print.
std::string key_name(char key);

// Boots `elf`, sends each key of `keys` and waits for the prompt after it
// (timeout_s per key); key 1 and 2 replies are parsed, others kept as text.
bool run_firmware(const std::string& elf, const std::string& keys, double timeout_s, FirmwareRun* run,
                  std::string* error);

// The unit as printed in reports: QEMU's "instructions" are not cycles.
std::string unit_label(const std::string& unit);

void print_run_text(const FirmwareRun& run);

// The run's fields (firmware, qemu_command, banner, model_details,
// inference, replies) added to the JSON object `out`, in that order.
void add_run_json(const FirmwareRun& run, Json* out);

}  // namespace tinyinfer::cli::m7
