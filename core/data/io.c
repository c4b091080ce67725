/* io.c - the default writer goes straight to the file descriptors. */
#include "io.h"

#include <stdio.h>

#include "state.h"

static void write_stdio(int stream, const char *bytes, size_t n)
{
    FILE *f = stream == 2 ? stderr : stdout;
    if (n) fwrite(bytes, 1, n, f); /* an empty write may come with no buffer at all */
    if (stream == 2) fflush(stderr);
}

/* The writer is the active runtime's (state.h): NULL means write_stdio. */
void io_set_writer(IoWriter w) { rt->writer = w; }
void io_write(int stream, const char *bytes, size_t n)
{
    if (stream == 2) fflush(stdout);
    (rt->writer ? rt->writer : write_stdio)(stream, bytes, n);
}
