// The host side of `tinyinfer study`: the in-process engine on the same
// model and digit, timed per layer over many invokes (medians).
#pragma once

#include <string>
#include <vector>

namespace tinyinfer::cli {

struct HostResult {
  bool ok = false;
  std::string error;
  std::vector<std::string> ops;
  std::vector<double> op_median_ns;
  double total_median_ns = 0.0;  // median of per-invoke sums of the layers
  int predicted = -1;
  int runs = 0;
};

// `runs` timed invokes of `model_path` with kernel set `kernels_name` on the
// image `digit`, after one warm-up invoke.
HostResult run_host(const std::string& model_path, const char* kernels_name, const std::string& digit, int runs);

}  // namespace tinyinfer::cli
