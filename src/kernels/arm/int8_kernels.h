// The ARMv7E-M int8 kernels (src/kernels/arm/*_int8.cc). Same signatures and
// bit-exact results as their reference twins in kernels/reference/.
#pragma once

#include "kernels/kernels.h"

namespace tinyinfer::kernels::arm {

// `scratch`: at least *_scratch_bytes(...) bytes, 8-byte aligned, for the
// same geometry (kernels.h, "Scratch").
void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input,
                 const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                 const Dims4& out, int8_t* output, void* scratch);
std::size_t conv2d_int8_scratch_bytes(const Dims4& in, const Dims4& filter, const Dims4& out);
void depthwise_int8(const Window& window, int32_t depth_multiplier, const Requant& rq,
                    const Dims4& in, const int8_t* input, const Dims4& filter,
                    const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                    int8_t* output, void* scratch);
std::size_t depthwise_int8_scratch_bytes(const Window& window, int32_t depth_multiplier, const Dims4& in,
                                         const Dims4& filter, const Dims4& out);
void fully_connected_int8(const Requant& rq, int32_t batches, int32_t depth, int32_t units,
                          const int8_t* input, const int8_t* filter, const int32_t* bias,
                          int8_t* output, void* scratch);
std::size_t fully_connected_int8_scratch_bytes(int32_t depth);

void average_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                       const int8_t* input, const Dims4& out, int8_t* output);
void max_pool_int8(const Window& window, int32_t act_min, int32_t act_max, const Dims4& in,
                   const int8_t* input, const Dims4& out, int8_t* output);

// scratch: add_int8_scratch_bytes(...) bytes (null: the reference's path).
void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1,
              const int8_t* input2, int8_t* output, void* scratch);
std::size_t add_int8_scratch_bytes(int64_t input1_elements, int64_t input2_elements, int64_t output_elements);

}  // namespace tinyinfer::kernels::arm
