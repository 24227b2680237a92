// The link UART's receive ring (board.h link_*): the UART interrupt pushes,
// the main loop pops; one producer, one consumer, no locks. When the ring is
// full the board's interrupt handler masks its RX interrupt and leaves the
// byte in the UART: under QEMU that holds the rest in QEMU's chardev
// (nothing is lost); on silicon further bytes overrun, but a host waits for
// each reply, so a full ring means a misbehaving host.
#pragma once

#include <cstdint>

namespace tinyinfer::board {

class LinkRing {
 public:
  static constexpr uint32_t kBytes = 4096;  // power of two; > the largest link frame

  bool full() const { return head_ - tail_ == kBytes; }
  bool empty() const { return head_ == tail_; }
  // Interrupt side.
  void push(uint8_t byte) {
    data_[head_ & (kBytes - 1)] = byte;
    asm volatile("" ::: "memory");  // the byte before the index that publishes it
    head_ = head_ + 1;
  }
  // Main-loop side: -1 when empty.
  int pop() {
    if (empty()) return -1;
    const uint8_t byte = data_[tail_ & (kBytes - 1)];
    asm volatile("" ::: "memory");
    tail_ = tail_ + 1;
    return byte;
  }

 private:
  volatile uint32_t head_ = 0;
  volatile uint32_t tail_ = 0;
  uint8_t data_[kBytes];
};

// Points external interrupt `irq` at `handler` and enables it in the NVIC.
// The first call copies the vector table (wherever VTOR points: flash, ITCM)
// into RAM and moves VTOR there, so no board's startup.S needs a per-IRQ
// entry. `table_entries`: 16 + the board's external interrupts.
void install_interrupt_handler(uint32_t irq, void (*handler)(), uint32_t table_entries);

}  // namespace tinyinfer::board
