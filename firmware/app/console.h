// Text output of the firmware shell over the board UART. A small printf of
// its own: integers, strings and fixed-point floats (%f, %.Nf), with no heap
// and no dependence on newlib's float printf (which allocates).
// "\n" is sent as "\r\n" so plain serial terminals show lines correctly.
#pragma once

#include <cstdarg>
#include <cstddef>

#include "tinyinfer/status.h"  // TI_PRINTF_FORMAT

namespace tinyinfer::app {

// Supported: %d %i %u %x %ld %lu %lld %llu %zu %s %c %f %.Nf (N <= 9) %%.
void print(const char* format, ...) TI_PRINTF_FORMAT(1, 2);
void vprint(const char* format, va_list args);

// Formats into `buffer` (always NUL-terminated); returns the length written.
std::size_t format(char* buffer, std::size_t size, const char* fmt, ...) TI_PRINTF_FORMAT(3, 4);

}  // namespace tinyinfer::app
