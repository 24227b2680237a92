// EMBEDDING_LOOKUP int8: int8 rows copied
#include "ops/embedding_lookup/embedding_lookup.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(embedding_lookup_int8,
                      {&kEmbeddingLookupOp, "embedding_lookup_int8", KernelChoice::kReference,
                       signature({kI32, kI8}, kI8),
                       kernel_entry<kernels::EmbeddingLookupFn, kernels::reference::embedding_lookup<int8_t>>(),
                       nullptr});

}  // namespace tinyinfer
