// EMBEDDING_LOOKUP: rows of a table picked by int32 ids.
#pragma once

#include "ops/common/index_kernels.h"

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kEmbeddingLookupOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// False (nothing written) when an id is outside [0, rows).
using EmbeddingLookupFn = bool (*)(const EmbeddingGeometry& g, const void* ids, const void* table, void* output);

namespace reference {
template <typename T>
bool embedding_lookup(const EmbeddingGeometry& g, const void* ids, const void* table, void* output) {
  return index::embedding_lookup(g, static_cast<const int32_t*>(ids), static_cast<const T*>(table),
                                 static_cast<T*>(output));
}
bool embedding_lookup_hybrid(const EmbeddingGeometry& g, const void* ids, const void* table, void* output);
}  // namespace reference

}  // namespace tinyinfer::kernels
