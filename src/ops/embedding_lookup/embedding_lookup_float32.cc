// EMBEDDING_LOOKUP float32: float32 rows copied
#include "ops/embedding_lookup/embedding_lookup.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(embedding_lookup_float32,
                      {&kEmbeddingLookupOp, "embedding_lookup_float32", KernelChoice::kReference,
                       signature({kI32, kF32}, kF32),
                       kernel_entry<kernels::EmbeddingLookupFn, kernels::reference::embedding_lookup<float>>(),
                       nullptr});

}  // namespace tinyinfer
