// `tinyinfer serve [--host] [--board TRANSPORT] [--listen HOST:PORT]
//                  [--model MODEL.tflite] [--kernels K]`
// The web digit pad (tools/serve): an HTTP server on loopback whose page
// lets you draw a digit and shows what the host engine and/or a board over
// its link answer, side by side. Runs until SIGINT/SIGTERM.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <pthread.h>

#include "board_digit_backend.h"
#include "cli_app.h"
#include "cli_options.h"
#include "commands.h"
#include "digit_server.h"
#include "host_digit_backend.h"
#include "model_file.h"

namespace tinyinfer::cli {
namespace {

// The model `tinyinfer serve --host` runs without --model. Beside a board:
// models/mnist_int8.tflite, the link firmware's built-in model, so both
// columns answer with the same model (bit-exact for int8). Alone: the model
// the main job (tools/run_study.sh) measures, the study's float model from
// ../shared when present, else our own float model of the same architecture.
std::string default_host_model(bool beside_board) {
  const std::filesystem::path source(TINYINFER_SOURCE_DIR);
  if (beside_board) return (source / "models" / "mnist_int8.tflite").string();
  const char* env = std::getenv("TINYINFER_SHARED_DIR");
  const std::filesystem::path shared =
      env != nullptr && *env != '\0' ? std::filesystem::path(env) : source / "../shared";
  const std::filesystem::path study = shared / "models" / "mnist_uncompressed.tflite";
  std::error_code ec;
  if (std::filesystem::is_regular_file(study, ec)) return study.lexically_normal().string();
  return (source / "models" / "mnist_float.tflite").string();
}

std::string url_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

}  // namespace

int cmd_serve(int argc, char** argv) {
  CLI::App app{
      "Serves the web digit pad: draw a digit in the browser; the host engine and/or a board over its\n"
      "link classify it (probabilities, predicted digit, per-layer counts, model info side by side).\n"
      "Listens on loopback only unless --listen says otherwise; stops on Ctrl-C / SIGTERM.",
      "tinyinfer serve"};
  bool host = false;
  std::string board, listen = "127.0.0.1:8080", model, kernel_name = "reference";
  add_switch(app, "--host", &host, "classify with the host engine (the default when --board is not given)");
  app.add_option("--board", board,
                 "classify on a board over its link: qemu, qemu:FIRMWARE.elf, tcp:HOST:PORT or a serial\n"
                 "device such as /dev/ttyUSB0; with --host as well, both answer side by side")
      ->type_name("TRANSPORT")
      ->check(non_empty());
  app.add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)")
      ->type_name("HOST:PORT")
      ->check(non_empty());
  app.add_option("--model", model,
                 "the host's model (default: with --board models/mnist_int8.tflite, the link firmware's\n"
                 "model; else ../shared/models/mnist_uncompressed.tflite when present, else\n"
                 "models/mnist_float.tflite); input 784 values, output 10")
      ->type_name("MODEL.tflite")
      ->check(non_empty());
  add_kernels_option(app, &kernel_name, "host kernel set");
  if (int code = parse_command_line(app, argc, argv); code >= 0) return code;
  if (board.empty()) host = true;
  if (!host && !model.empty()) return usage_error(app, "--model is the host's model; add --host to use it");
  digit::ListenAddress address;
  std::string error;
  if (!digit::parse_listen_address(listen, &address, &error)) return usage_error(app, error);

  std::vector<digit::DigitBackend*> backends;
  OpenedModel opened;
  std::unique_ptr<digit::HostDigitBackend> host_backend;
  if (host) {
    if (model.empty()) model = default_host_model(!board.empty());
    KernelChoice kernels = KernelChoice::kReference;
    parse_kernel_choice(kernel_name.c_str(), &kernels);  // IsMember checked the name
    if (!load_model_file(model, &opened, &error) || !init_interpreter(&opened, kernels, &error) ||
        !digit::HostDigitBackend::open(&opened.interpreter, model, opened.model.size_bytes(), &host_backend, &error)) {
      std::fprintf(stderr, "tinyinfer serve: host: %s\n", error.c_str());
      return 1;
    }
    backends.push_back(host_backend.get());
  }
  std::unique_ptr<digit::BoardDigitBackend> board_backend;
  if (!board.empty()) {
    std::unique_ptr<digit::BoardLink> link = digit::open_board_link(board, &error);
    if (link == nullptr || !digit::BoardDigitBackend::open(std::move(link), board, &board_backend, &error)) {
      std::fprintf(stderr, "tinyinfer serve: board: %s\n", error.c_str());
      return 1;
    }
    backends.push_back(board_backend.get());
  }

  // SIGINT/SIGTERM are taken by a thread with sigwait (stopping the server
  // is not async-signal-safe). Blocked before any thread starts, so every
  // thread inherits the mask; SIGUSR1 wakes the waiter when the server ends
  // on its own.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  digit::DigitServer server(backends, TINYINFER_VERSION);
  int port = 0;
  if (!server.bind(address, &port, &error)) {
    std::fprintf(stderr, "tinyinfer serve: %s\n", error.c_str());
    return 1;
  }
  for (const digit::DigitBackend* b : backends) {
    const digit::BackendDescription d = b->describe();
    std::printf("%s: %s, model %s\n", d.id.c_str(), d.title.c_str(), d.model.c_str());
  }
  std::printf("serving http://%s:%d/\n", url_host(address.host).c_str(), port);
  std::fflush(stdout);

  int received = 0;
  std::thread signal_waiter([&] {
    sigwait(&signals, &received);
    server.stop();
  });
  const bool served = server.run();
  pthread_kill(signal_waiter.native_handle(), SIGUSR1);  // a no-op wake-up if a signal already came
  signal_waiter.join();
  if (received == SIGINT || received == SIGTERM) {
    std::printf("stopped (%s)\n", received == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
  }
  std::fprintf(stderr, "tinyinfer serve: the server stopped unexpectedly%s\n", served ? "" : " (listen failed)");
  return 1;
}

}  // namespace tinyinfer::cli
