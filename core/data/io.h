/* io.h - where processes' output goes. The core never writes to a terminal
 * itself: the cli installs a writer (stdout by default). */
#ifndef GENLAB_IO_H
#define GENLAB_IO_H

#include <stddef.h>

typedef void (*IoWriter)(int stream, const char *bytes, size_t n); /* stream 1 = stdout, 2 = stderr */
void io_set_writer(IoWriter w);
void io_write(int stream, const char *bytes, size_t n);

#endif
