// newlib system calls for a heap-free firmware: stdout/stderr go to the
// board UART, there is no heap (the engine works from a static arena), no
// files, and exit is the board's (board::exit). Shared by every board.
#include <cerrno>
#include <cstddef>
#include <new>

#include <sys/stat.h>

#include "boards/board.h"

// The same loop on every board: uart_put() is the board's.
void tinyinfer::board::uart_write(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  for (std::size_t i = 0; i < size; ++i) uart_put(bytes[i]);
}

extern "C" {

int _write(int fd, const char* data, int size) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  if (size <= 0) return 0;
  tinyinfer::board::uart_write(data, static_cast<std::size_t>(size));
  return size;
}

int _read(int, char*, int) {
  errno = EBADF;  // the console is read through board::uart_get()
  return -1;
}

// No heap: malloc() returns null. Nothing in the firmware may rely on it.
void* _sbrk(std::ptrdiff_t) {
  errno = ENOMEM;
  return reinterpret_cast<void*>(-1);
}

int _close(int) {
  errno = EBADF;
  return -1;
}

int _lseek(int, int, int) {
  errno = ESPIPE;
  return -1;
}

int _fstat(int, struct stat* st) {
  st->st_mode = S_IFCHR;
  return 0;
}

int _isatty(int fd) { return fd <= 2 ? 1 : 0; }

int _getpid() { return 1; }

int _kill(int, int) {
  errno = EINVAL;
  return -1;
}

[[noreturn]] void _exit(int code) { tinyinfer::board::exit(code); }

// A pure virtual call or std::terminate means a bug: report it and stop.
[[noreturn]] void __cxa_pure_virtual() {
  static const char kMessage[] = "\r\n*** pure virtual call\r\n";
  tinyinfer::board::uart_write(kMessage, sizeof(kMessage) - 1);
  tinyinfer::board::exit(134);
}

}  // extern "C"

// The firmware is heap-free; these exist only so that a stray new/delete
// (e.g. a virtual destructor's deleting variant) links to something that
// stops loudly instead of pulling in malloc.
namespace {
[[noreturn]] void heap_used() {
  static const char kMessage[] = "\r\n*** heap used: the firmware must not allocate\r\n";
  tinyinfer::board::uart_write(kMessage, sizeof(kMessage) - 1);
  tinyinfer::board::exit(134);
}
}  // namespace

void* operator new(std::size_t) { heap_used(); }
void* operator new[](std::size_t) { heap_used(); }
void operator delete(void*) noexcept { heap_used(); }
void operator delete[](void*) noexcept { heap_used(); }
void operator delete(void*, std::size_t) noexcept { heap_used(); }
void operator delete[](void*, std::size_t) noexcept { heap_used(); }
