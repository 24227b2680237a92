// Test firmware: the int8 differential cases (int8_diff_cases.h) on the
// emulated Cortex-M7, where the optimized kernels execute the real DSP
// instructions. Prints one summary line per kernel and exits with the
// number of kernels that mismatched (0 = pass) through semihosting.
#include "app/console.h"
#include "boards/board.h"
#include "firmware_diff/int8_diff_cases.h"

namespace {

int report(const char* name, const tinyinfer::diff::DiffResult& r) {
  tinyinfer::app::print("DIFF %s: %d cases, %d mismatches\n", name, static_cast<int>(r.cases),
                        static_cast<int>(r.mismatches));
  if (r.mismatches != 0) tinyinfer::app::print("  first: %s\n", r.first_failure);
  return r.mismatches != 0 ? 1 : 0;
}

}  // namespace

int main() {
  using namespace tinyinfer::diff;
  tinyinfer::board::init();
  tinyinfer::app::print("tinyinfer int8 differential test on %s\n", tinyinfer::board::name());
  CaseLimits small;
  small.max_hw = 9;
  small.max_c = 20;
  small.max_out_c = 20;
  int failed = 0;
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
  tinyinfer::app::print("DIFF %s\n", failed == 0 ? "PASSED" : "FAILED");
  tinyinfer::board::exit(failed);
}
