// A progress bar on stderr for long loops (eval over MNIST, on the host or
// over the board link); silent when stderr is not a terminal.
#pragma once

#include <cstdint>
#include <cstdio>

#include <unistd.h>

namespace tinyinfer::cli {

class ProgressBar {
 public:
  explicit ProgressBar(int32_t total) : total_(total), enabled_(isatty(STDERR_FILENO) == 1 && total > 0) {}
  void update(int32_t done) {
    if (!enabled_) return;
    const int32_t percent = static_cast<int32_t>(int64_t{done} * 100 / total_);
    if (percent == last_percent_ && done != total_) return;
    last_percent_ = percent;
    constexpr int kWidth = 40;
    const int filled = static_cast<int>(int64_t{done} * kWidth / total_);
    std::fprintf(stderr, "\r  [%.*s%*s] %3d%%  %d/%d", filled, "########################################",
                 kWidth - filled, "", percent, done, total_);
    if (done == total_) std::fputs("\n", stderr);
    std::fflush(stderr);
  }

 private:
  int32_t total_;
  bool enabled_;
  int32_t last_percent_ = -1;
};

}  // namespace tinyinfer::cli
