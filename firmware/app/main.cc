// The study's benchmark shell, board-independent: boot banner, then keys
// from the UART (see app/shell_input.h for the input rules). Every reply
// ends with the prompt "> " so a program driving the shell knows when the
// output of a command is complete.
#include "app/benchmark.h"
#include "app/console.h"
#include "app/shell_input.h"
#include "boards/board.h"

namespace {

tinyinfer::app::Benchmark g_benchmark;  // holds the interpreter; too big for the stack

void print_help() {
  tinyinfer::app::print(
      "Keys (a line ending is optional):\n"
      "  1    model input/output details, arena use, counter unit\n"
      "  2    run inference on the built-in input, per-layer counts: the handwritten 8, or for a\n"
      "       model that takes no 28x28 image its golden case 0, compared with TFLite Micro's output\n"
      "  h ?  this help\n"
      "Anything else gets one error reply; the rest of that line is ignored.\n");
}

void print_unknown_key(uint8_t byte) {
  if (byte >= 0x20 && byte < 0x7F) {
    tinyinfer::app::print("error: unknown key '%c' (0x%x); rest of line ignored; h for help\n", byte,
                          static_cast<unsigned>(byte));
  } else {
    tinyinfer::app::print("error: unknown key 0x%x; rest of line ignored; h for help\n", static_cast<unsigned>(byte));
  }
}

void print_prompt() { tinyinfer::app::print("> "); }

}  // namespace

int main() {
  tinyinfer::board::init();
  g_benchmark.setup();
  g_benchmark.print_banner();
  print_prompt();

  tinyinfer::app::ShellInput input;
  for (;;) {
    const int received = tinyinfer::board::uart_get();
    if (received < 0) continue;
    using tinyinfer::app::ShellAction;
    switch (input.feed(static_cast<uint8_t>(received))) {
      case ShellAction::kNone:
        continue;
      case ShellAction::kModelDetails:
        g_benchmark.print_model_details();
        break;
      case ShellAction::kRunInference:
        g_benchmark.run_inference();
        break;
      case ShellAction::kHelp:
        print_help();
        break;
      case ShellAction::kUnknownKey:
        print_unknown_key(input.last_byte());
        break;
    }
    print_prompt();
  }
}
