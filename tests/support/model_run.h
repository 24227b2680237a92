// The harness of the op tests: a model built in memory (ModelBuilder),
// loaded and prepared in an arena of its own. `status` holds the load or
// prepare result; inputs and outputs go in and out as typed vectors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "support/model_builder.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer::testing {

template <std::size_t kArenaBytes>
struct ModelRun {
  AlignedBytes bytes;
  Model model;
  alignas(16) uint8_t arena[kArenaBytes];
  Interpreter interpreter;
  Status status;

  explicit ModelRun(const ModelBuilder& builder, KernelChoice kernels = KernelChoice::kReference)
      : bytes(builder.finish()) {
    status = Model::load(bytes.data(), bytes.size(), &model);
    if (status.is_ok()) status = interpreter.init(model, kernels, arena, sizeof(arena));
  }
  // Copies `values` into input i (no more than it holds).
  template <typename T>
  void set(int32_t i, const std::vector<T>& values) {
    std::memcpy(interpreter.input(i)->data, values.data(), values.size() * sizeof(T));
  }
  template <typename T>
  std::vector<T> get(int32_t i = 0) const {
    const Tensor* t = interpreter.output(i);
    std::vector<T> v(t->bytes / sizeof(T));
    std::memcpy(v.data(), t->data, t->bytes);
    return v;
  }
};

}  // namespace tinyinfer::testing
