#include "runtime/arena_planner.h"

#include <algorithm>

namespace tinyinfer {
namespace {

bool lifetimes_overlap(const PlannedBuffer& a, const PlannedBuffer& b) {
  return a.first_op <= b.last_op && b.first_op <= a.last_op;
}

}  // namespace

std::size_t plan_buffers(PlannedBuffer* buffers, int32_t count, int32_t* order, int32_t* neighbours) {
  int32_t n = 0;
  for (int32_t i = 0; i < count; ++i)
    if (buffers[i].size != 0) order[n++] = i;
  // Largest first; ties by earlier first use, then index, for a deterministic plan.
  std::sort(order, order + n, [&](int32_t a, int32_t b) {
    if (buffers[a].size != buffers[b].size) return buffers[a].size > buffers[b].size;
    if (buffers[a].first_op != buffers[b].first_op) return buffers[a].first_op < buffers[b].first_op;
    return a < b;
  });

  std::size_t peak = 0;
  for (int32_t k = 0; k < n; ++k) {
    PlannedBuffer& cur = buffers[order[k]];
    const std::size_t size = align_up(cur.size);
    // The placed buffers alive at the same time, by offset; take the first gap.
    int32_t m = 0;
    for (int32_t p = 0; p < k; ++p)
      if (lifetimes_overlap(cur, buffers[order[p]])) neighbours[m++] = order[p];
    std::sort(neighbours, neighbours + m, [&](int32_t a, int32_t b) { return buffers[a].offset < buffers[b].offset; });
    std::size_t candidate = 0;
    for (int32_t p = 0; p < m; ++p) {
      const PlannedBuffer& other = buffers[neighbours[p]];
      if (candidate + size <= other.offset) break;
      candidate = std::max(candidate, other.offset + align_up(other.size));
    }
    cur.offset = candidate;
    peak = std::max(peak, candidate + size);
  }
  return peak;
}

}  // namespace tinyinfer
