// Internal bridge to the flatc-generated reader of our schema subset.
#pragma once

#include "format/tflite_schema_generated.h"
#include "tinyinfer/model.h"

namespace tinyinfer::format {

namespace fb = ::tinyinfer::tflite;

inline const fb::Model* root_of(const Model& model) { return static_cast<const fb::Model*>(model.flatbuffer_root()); }

// The options table of an op, typed; null when absent or of another type.
template <typename OptionsT>
const OptionsT* options_as(const OpInfo& op, fb::BuiltinOptions expected) {
  if (op.options == nullptr || op.options_type != static_cast<int32_t>(expected)) return nullptr;
  return static_cast<const OptionsT*>(op.options);
}

}  // namespace tinyinfer::format
