// The in-process link device of the host tests (link_server_test,
// link_client_test): the server's buffers and a configuration that serves
// our models/mnist_int8.tflite from them, as the link firmware does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "link/link_server.h"

namespace tinyinfer::link_test {

// Too big for the stack: a test allocates it.
struct DeviceMemory {
  alignas(16) uint8_t arena[1 << 20];
  alignas(16) uint8_t slot[1 << 20];
  alignas(16) uint8_t model[1 << 19];  // the built-in model's copy
};

// Copies models/mnist_int8.tflite into memory.model (its bytes also in
// *builtin) and fills *config to serve it from memory: firmware "test",
// counter unit "ticks", model name "mnist_int8". The test sets the board,
// clocks, counter, silence and kernel set. False (with *error) when the
// model cannot be read or does not fit.
bool serve_builtin_model(DeviceMemory& memory, link::LinkServerConfig* config, std::vector<uint8_t>* builtin,
                         std::string* error);

}  // namespace tinyinfer::link_test
