// Status: the engine's only error channel (no exceptions on Cortex-M).
#pragma once

#include <cstddef>

// printf-style format checking for the engine's messages. Bare-metal ARM
// (newlib) defines int32_t as `long`, so every "%d" of an int32_t would be
// flagged there although long and int have the same size and argument
// passing in the ARM EABI; the host builds, where int32_t is int, check
// every format string of the same code.
#if defined(__arm__) && !defined(__linux__)
#define TI_PRINTF_FORMAT(format_index, first_arg)
#else
#define TI_PRINTF_FORMAT(format_index, first_arg) __attribute__((format(printf, format_index, first_arg)))
#endif

namespace tinyinfer {

enum class StatusCode {
  kOk = 0,
  kInvalidModel,     // the file is malformed, inconsistent or hostile
  kUnsupported,      // well-formed, but uses an op/type/feature we do not run
  kArenaTooSmall,    // the caller's arena cannot hold the plan
  kInvalidArgument,  // a caller passed something wrong (index, size, null)
};

const char* status_code_name(StatusCode code);

class Status {
 public:
  static constexpr std::size_t kMaxMessage = 192;

  Status() = default;  // ok
  static Status ok() { return Status(); }
  // printf-style message; it should name the op/tensor at fault.
  static Status error(StatusCode code, const char* format, ...) TI_PRINTF_FORMAT(2, 3);

  bool is_ok() const { return code_ == StatusCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  StatusCode code() const { return code_; }
  const char* message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  char message_[kMaxMessage] = {};
};

// Propagates a failed Status to the caller.
#define TI_RETURN_IF_ERROR(expr)                \
  do {                                          \
    ::tinyinfer::Status ti_status_ = (expr);    \
    if (!ti_status_.is_ok()) return ti_status_; \
  } while (0)

}  // namespace tinyinfer
