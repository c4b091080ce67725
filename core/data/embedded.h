/* embedded.h - Elixir sources compiled into the binary at build time
 * (the .ex files of core/lib and lessons/servers), in file-name order. */
#ifndef GENLAB_EMBEDDED_H
#define GENLAB_EMBEDDED_H

#include <stddef.h>

typedef struct EmbeddedSource {
    const char *path;
    const char *text;
    size_t length;
} EmbeddedSource;

extern const EmbeddedSource embedded_sources[]; /* ends with path == NULL */

#endif
