#include "runtime/arena_planner.h"

#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace tinyinfer {
namespace {

std::size_t plan(std::vector<PlannedBuffer>& buffers) {
  std::vector<int32_t> order(buffers.size()), neighbours(buffers.size());
  return plan_buffers(buffers.data(), static_cast<int32_t>(buffers.size()), order.data(), neighbours.data());
}

PlannedBuffer buffer(std::size_t size, int32_t first, int32_t last) {
  PlannedBuffer b;
  b.size = size;
  b.first_op = first;
  b.last_op = last;
  return b;
}

TEST(ArenaPlanner, ChainNeedsOnlyTheLargestNeighbouringPair) {
  // a -> op0 -> b -> op1 -> c -> op2 -> d : each op holds its input and output.
  std::vector<PlannedBuffer> buffers = {buffer(100, 0, 0), buffer(300, 0, 1), buffer(50, 1, 2), buffer(200, 2, 2)};
  EXPECT_EQ(plan(buffers), align_up(300) + align_up(100));  // 304 + 112
  EXPECT_NE(buffers[0].offset, buffers[1].offset);
  // c (op 1-2) cannot sit on b, but may reuse a's bytes.
  EXPECT_GE(buffers[2].offset, buffers[1].offset + align_up(300));
}

TEST(ArenaPlanner, OffsetsAligned) {
  std::vector<PlannedBuffer> buffers = {buffer(3, 0, 1), buffer(5, 0, 1), buffer(7, 1, 2)};
  plan(buffers);
  for (const auto& b : buffers) EXPECT_EQ(b.offset % kArenaAlignment, 0u);
}

TEST(ArenaPlanner, RandomPlansNeverOverlapLiveBuffers) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<PlannedBuffer> buffers;
    const int n = 1 + rng() % 40;
    std::size_t total = 0;
    for (int i = 0; i < n; ++i) {
      const int32_t first = rng() % 20;
      buffers.push_back(buffer(1 + rng() % 5000, first, first + rng() % 6));
      total += align_up(buffers.back().size);
    }
    const std::size_t peak = plan(buffers);
    EXPECT_LE(peak, total);
    for (int i = 0; i < n; ++i) {
      EXPECT_LE(buffers[i].offset + buffers[i].size, peak);
      for (int j = i + 1; j < n; ++j) {
        const auto& a = buffers[i];
        const auto& b = buffers[j];
        const bool live_together = a.first_op <= b.last_op && b.first_op <= a.last_op;
        const bool bytes_overlap = a.offset < b.offset + b.size && b.offset < a.offset + a.size;
        EXPECT_FALSE(live_together && bytes_overlap) << "trial " << trial << " buffers " << i << "," << j;
      }
    }
  }
}

}  // namespace
}  // namespace tinyinfer
