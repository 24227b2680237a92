// Test firmware: the int8 and int16x8 differential cases (int8_diff_cases.h,
// int16_diff_cases.h) and the float/hybrid ones (float_diff_cases.h) on the
// emulated Cortex-M7, where the optimized kernels execute the real DSP and FPv5 instructions. Prints one
// summary line per kernel and exits with the number of kernels that
// mismatched (0 = pass) through semihosting.
#include "app/console.h"
#include "boards/board.h"
#include "firmware_diff/float_diff_cases.h"
#include "firmware_diff/int16_diff_cases.h"
#include "firmware_diff/int8_diff_cases.h"
#include "firmware_diff/lstm_diff_cases.h"
#include "firmware_diff/mean_diff_cases.h"

namespace {

// Both headers' DiffResult have the same fields.
template <typename Result>
int report(const char* name, const Result& r) {
  tinyinfer::app::print("DIFF %s: %d cases, %d mismatches\n", name, static_cast<int>(r.cases),
                        static_cast<int>(r.mismatches));
  if (r.mismatches != 0) tinyinfer::app::print("  first: %s\n", r.first_failure);
  return r.mismatches != 0 ? 1 : 0;
}

int run_int8() {
  using namespace tinyinfer::diff;
  CaseLimits small;
  small.max_hw = 9;
  small.max_c = 20;
  small.max_out_c = 20;
  int failed = 0;
  if (const char* missing = first_missing_int8_kernel()) {
    tinyinfer::app::print("DIFF int8 kernels registered: no, %s runs the reference one\n", missing);
    ++failed;
  }
  failed += report("conv_int8", run_conv_cases(1000, 101, small));
  CaseLimits wide;
  wide.max_hw = 5;
  wide.max_c = 96;
  wide.max_out_c = 24;
  failed += report("conv_int8_wide", run_conv_cases(100, 102, wide));
  failed += report("depthwise_int8", run_depthwise_cases(1500, 103, small));
  failed += report("fully_connected_int8", run_fully_connected_cases(1500, 104, 300));
  failed += report("add_int8", run_add_cases(300, 105));
  failed += report("average_pool_int8", run_pool_cases(500, 106, false, small));
  failed += report("max_pool_int8", run_pool_cases(500, 107, true, small));
  return failed;
}

int run_int16() {
  using namespace tinyinfer::diff;
  int failed = 0;
  if (const char* missing = first_missing_int16_kernel()) {
    tinyinfer::app::print("DIFF int16 kernels registered: no, %s runs the reference one\n", missing);
    ++failed;
  }
  failed += report("fully_connected_int16", run_fully_connected_int16_cases(1000, 301, 300));
  CaseLimits small;
  small.max_hw = 8;
  small.max_c = 20;
  small.max_out_c = 20;
  failed += report("conv_int16", run_conv_int16_cases(600, 302, small));
  failed += report("depthwise_int16", run_depthwise_int16_cases(600, 303, small));
  failed += report("add_int16", run_add_int16_cases(600, 304));
  return failed;
}

// Fewer cases than the host test (other seeds), enough to take every FPv5
// assembly path: the reference and magnitude passes dominate the run time.
int run_float() {
  using namespace tinyinfer::float_diff;
  int failed = 0;
  if (const char* missing = first_missing_kernel()) {
    tinyinfer::app::print("DIFF float kernels registered: no, %s runs the reference one\n", missing);
    ++failed;
  }
  failed += report("conv2d_float", run_conv_cases(1000, 201, false));
  failed += report("conv2d_hybrid", run_conv_cases(1000, 202, true));
  failed += report("conv2d_model_shapes", run_conv_model_shapes(203));
  failed += report("depthwise_float", run_depthwise_cases(1000, 204, false));
  failed += report("depthwise_hybrid", run_depthwise_cases(1000, 205, true));
  failed += report("depthwise_model_shapes", run_depthwise_model_shapes(206));
  failed += report("fully_connected_float", run_fully_connected_cases(1000, 207, FcKinds::kFloat));
  failed += report("fully_connected_hybrid", run_fully_connected_cases(1000, 208, FcKinds::kHybrid));
  failed += report("max_pool_float", run_max_pool_cases(1000, 209));
  return failed;
}

// MEAN int8 / int16 / float32: also fails when the cases stop reaching both
// the per-channel path and the reference fallback.
int run_mean() {
  using namespace tinyinfer::diff;
  int failed = 0;
  if (const char* missing = first_missing_mean_kernel()) {
    tinyinfer::app::print("DIFF mean kernels registered: no, %s runs the reference one\n", missing);
    ++failed;
  }
  const MeanDiffResult results[] = {run_mean_int8_cases(600, 111), run_mean_int16_cases(600, 311),
                                    run_mean_float_cases(600, 211)};
  const char* const names[] = {"mean_int8", "mean_int16", "mean_float32"};
  for (int i = 0; i < 3; ++i) {
    failed += report(names[i], results[i]);
    if (!covers_both_paths(results[i])) {
      tinyinfer::app::print("DIFF %s: only %d cases took the per-channel path\n", names[i],
                            static_cast<int>(results[i].channel_path));
      ++failed;
    }
  }
  return failed;
}

// UNIDIRECTIONAL_SEQUENCE_LSTM int8 / int16 / float32: the gate products on
// the FULLY_CONNECTED inner loops, the rest of each step the reference's.
int run_lstm() {
  using namespace tinyinfer::diff;
  int failed = 0;
  if (const char* missing = first_missing_lstm_kernel()) {
    tinyinfer::app::print("DIFF lstm kernels registered: no, %s runs the reference one\n", missing);
    ++failed;
  }
  failed += report("lstm_int8", run_lstm_int8_cases(200, 711));
  failed += report("lstm_int16", run_lstm_int16_cases(200, 713));
  failed += report("lstm_float32", run_lstm_float_cases(100, 714));
  return failed;
}

}  // namespace

int main() {
  tinyinfer::board::init();
  tinyinfer::app::print("tinyinfer kernel differential test on %s\n", tinyinfer::board::name());
  const int failed = run_int8() + run_int16() + run_float() + run_mean() + run_lstm();
  tinyinfer::app::print("DIFF %s\n", failed == 0 ? "PASSED" : "FAILED");
  tinyinfer::board::exit(failed);
}
