// CAST: its kernel type and the element conversion its kernels share.
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

namespace tinyinfer {

struct OpRegistration;
extern const OpRegistration kCastOp;

}  // namespace tinyinfer

namespace tinyinfer::kernels {

// Converts `count` elements of the kernel's input type to its output type.
using CastFn = void (*)(int64_t count, const void* input, void* output);

// A bool tensor element: one byte, any non-zero byte reads as true, written
// as 0 or 1.
struct CastBool {
  uint8_t byte;
};

namespace reference {

// TFLite's CAST is static_cast<To>(from) per element, as compiled for the x86
// hosts its reference results come from; spelled out here so that every
// target (and UBSan) agrees:
//   - integer -> narrower integer: two's complement wrap (300 -> int8 44);
//   - float -> integer: truncation toward zero to int32 (cvttss2si: NaN and
//     values outside int32 give INT32_MIN), then the wrap to the width
//     (200.7 -> int8 -56);
//   - integer -> float: round to nearest even; bool -> 0 / 1;
//   - -> bool: value != 0 (NaN is true).
template <typename From>
inline int64_t cast_to_integer(From value) {
  if constexpr (std::is_same_v<From, CastBool>) {
    return value.byte != 0 ? 1 : 0;
  } else if constexpr (std::is_same_v<From, float>) {
    if (!(value >= -2147483648.0f && value < 2147483648.0f)) return std::numeric_limits<int32_t>::min();
    return static_cast<int32_t>(value);
  } else {
    return value;
  }
}

template <typename To, typename From>
inline To cast_value(From value) {
  if constexpr (std::is_same_v<To, CastBool>) {
    if constexpr (std::is_same_v<From, float>) {
      return CastBool{static_cast<uint8_t>(value != 0.0f ? 1 : 0)};
    } else {
      return CastBool{static_cast<uint8_t>(cast_to_integer(value) != 0 ? 1 : 0)};
    }
  } else if constexpr (std::is_same_v<To, float>) {
    if constexpr (std::is_same_v<From, float>) {
      return value;
    } else {
      return static_cast<float>(cast_to_integer(value));
    }
  } else {
    // Wrap through the unsigned type of the same width (defined behaviour).
    using Unsigned = std::make_unsigned_t<To>;
    return static_cast<To>(static_cast<Unsigned>(static_cast<uint64_t>(cast_to_integer(value))));
  }
}

template <typename From, typename To>
void cast_elements(int64_t count, const void* input, void* output) {
  const auto* in = static_cast<const From*>(input);
  auto* out = static_cast<To*>(output);
  for (int64_t i = 0; i < count; ++i) out[i] = cast_value<To>(in[i]);
}

}  // namespace reference

}  // namespace tinyinfer::kernels
