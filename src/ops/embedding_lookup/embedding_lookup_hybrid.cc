// EMBEDDING_LOOKUP hybrid: int8 table rows dequantized into a float32 output.
#include "ops/embedding_lookup/embedding_lookup.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

bool embedding_lookup_hybrid(const EmbeddingGeometry& g, const void* ids, const void* table, void* output) {
  return index::embedding_lookup_hybrid(g, static_cast<const int32_t*>(ids), static_cast<const int8_t*>(table),
                                        static_cast<float*>(output));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(embedding_lookup_hybrid,
                      {&kEmbeddingLookupOp, "embedding_lookup_hybrid", KernelChoice::kReference,
                       signature({kI32, kI8}, kF32),
                       kernel_entry<kernels::EmbeddingLookupFn, kernels::reference::embedding_lookup_hybrid>(),
                       nullptr});

}  // namespace tinyinfer
