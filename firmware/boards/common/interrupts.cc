// install_interrupt_handler (common/link_ring.h): a RAM copy of the vector
// table with one entry replaced (ARMv7-M: VTOR, NVIC ISER).
#include "boards/common/cortex_m7.h"
#include "boards/common/link_ring.h"

namespace tinyinfer::board {
namespace {

constexpr uint32_t kVtor = 0xE000ED08;
constexpr uint32_t kNvicIser = 0xE000E100;
constexpr uint32_t kMaxEntries = 256;  // 16 system + up to 240 external; VTOR alignment 1024

alignas(1024) uint32_t g_ram_vectors[kMaxEntries];
bool g_ram_vectors_active = false;

}  // namespace

void install_interrupt_handler(uint32_t irq, void (*handler)(), uint32_t table_entries) {
  if (table_entries > kMaxEntries || 16 + irq >= table_entries) return;
  asm volatile("cpsid i" ::: "memory");
  if (!g_ram_vectors_active) {
    const uint32_t* current = reinterpret_cast<const uint32_t*>(reg(kVtor));
    for (uint32_t i = 0; i < table_entries; ++i) g_ram_vectors[i] = current[i];
    asm volatile("dsb" ::: "memory");
    reg(kVtor) = reinterpret_cast<uint32_t>(g_ram_vectors);
    asm volatile("dsb\n isb" ::: "memory");
    g_ram_vectors_active = true;
  }
  g_ram_vectors[16 + irq] = reinterpret_cast<uint32_t>(handler);
  asm volatile("dsb" ::: "memory");
  reg(kNvicIser + 4 * (irq / 32)) = 1u << (irq % 32);
  asm volatile("cpsie i" ::: "memory");
}

}  // namespace tinyinfer::board
