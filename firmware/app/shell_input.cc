#include "app/shell_input.h"

namespace tinyinfer::app {

ShellAction ShellInput::feed(uint8_t byte) {
  last_byte_ = byte;
  const bool line_end = byte == '\r' || byte == '\n';
  if (skipping_line_) {
    if (line_end) {
      skipping_line_ = false;
    } else if (skipped_ < UINT32_MAX) {
      ++skipped_;
    }
    return ShellAction::kNone;
  }
  switch (byte) {
    case '\r':
    case '\n':
    case ' ':
    case '\t':
      return ShellAction::kNone;
    case '1':
      return ShellAction::kModelDetails;
    case '2':
      return ShellAction::kRunInference;
    case 'h':
    case 'H':
    case '?':
      return ShellAction::kHelp;
    default:
      skipping_line_ = true;
      skipped_ = 0;
      return ShellAction::kUnknownKey;
  }
}

}  // namespace tinyinfer::app
