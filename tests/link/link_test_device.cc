#include "link_test_device.h"

#include <cstring>

#include "link_test_models.h"

namespace tinyinfer::link_test {

bool serve_builtin_model(DeviceMemory& memory, link::LinkServerConfig* config, std::vector<uint8_t>* builtin,
                         std::string* error) {
  *builtin = read_file(std::string(TINYINFER_SOURCE_DIR) + "/models/mnist_int8.tflite", error);
  if (builtin->empty()) return false;
  if (builtin->size() > sizeof memory.model) {
    *error = "models/mnist_int8.tflite is larger than the test device's model buffer";
    return false;
  }
  std::memcpy(memory.model, builtin->data(), builtin->size());
  config->firmware_version = "test";
  config->counter_unit = "ticks";
  config->arena = memory.arena;
  config->arena_bytes = sizeof memory.arena;
  config->slot = memory.slot;
  config->slot_bytes = sizeof memory.slot;
  config->model = memory.model;
  config->model_bytes = builtin->size();
  config->model_name = "mnist_int8";
  return true;
}

}  // namespace tinyinfer::link_test
