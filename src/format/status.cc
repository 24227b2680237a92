#include "tinyinfer/status.h"

#include <cstdarg>
#include <cstdio>

namespace tinyinfer {

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidModel:
      return "invalid model";
    case StatusCode::kUnsupported:
      return "unsupported";
    case StatusCode::kArenaTooSmall:
      return "arena too small";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
  }
  return "unknown";
}

Status Status::error(StatusCode code, const char* format, ...) {
  Status status;
  status.code_ = code;
  va_list args;
  va_start(args, format);
  std::vsnprintf(status.message_, sizeof(status.message_), format, args);
  va_end(args);
  return status;
}

}  // namespace tinyinfer
