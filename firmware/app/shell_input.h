// The shell's input rules, kept free of I/O so they can be tested on the host.
//
// Keys act as soon as they arrive; a line ending is optional and ignored:
//   '1' model details, '2' inference on the built-in digit, 'h'/'H'/'?' help.
// Any other byte where a key is expected is answered by exactly one error
// reply, and the rest of that line (up to CR or LF) is ignored without being
// stored. So a line of garbage of any length costs constant memory, gets one
// reply, cannot trigger a command by accident after its first byte, and the
// outcome does not depend on how the bytes are split in time.
#pragma once

#include <cstdint>

namespace tinyinfer::app {

enum class ShellAction {
  kNone,          // nothing to do (whitespace, line ending, skipped garbage)
  kModelDetails,  // '1'
  kRunInference,  // '2'
  kHelp,          // 'h', 'H', '?'
  kUnknownKey,    // error reply for the byte in ShellInput::last_byte()
};

class ShellInput {
 public:
  ShellAction feed(uint8_t byte);
  uint8_t last_byte() const { return last_byte_; }
  // Bytes ignored so far on the current garbage line (after the bad key).
  uint32_t skipped() const { return skipped_; }

 private:
  bool skipping_line_ = false;
  uint8_t last_byte_ = 0;
  uint32_t skipped_ = 0;
};

}  // namespace tinyinfer::app
