// Offline placement of activation buffers in one arena region: buffers whose
// lifetimes (op index ranges) overlap never share bytes; the goal is a small
// peak. Greedy by size: the largest buffer is placed first, each at the lowest
// offset that does not collide with an already placed, time-overlapping one.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tinyinfer {

constexpr std::size_t kArenaAlignment = 16;

inline std::size_t align_up(std::size_t n, std::size_t a = kArenaAlignment) { return (n + a - 1) / a * a; }

struct PlannedBuffer {
  std::size_t size = 0;    // bytes (0 = not placed)
  int32_t first_op = 0;    // first op that needs it (inclusive)
  int32_t last_op = 0;     // last op that needs it (inclusive)
  std::size_t offset = 0;  // result
};

// Places `count` buffers using two scratch arrays of `count` indices each.
// Returns the peak (end of the highest placed buffer); offsets are aligned
// to kArenaAlignment.
std::size_t plan_buffers(PlannedBuffer* buffers, int32_t count, int32_t* order, int32_t* neighbours);

}  // namespace tinyinfer
