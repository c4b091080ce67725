/* embedded.h - Elixir sources compiled into the binary at build time
 * (the .ex files of core/lib and lessons/servers), in file-name order. */
#ifndef GENLAB_EMBEDDED_H
#define GENLAB_EMBEDDED_H

#include <stdbool.h>
#include <stddef.h>

typedef struct EmbeddedSource {
    const char *path;
    const char *text;
    size_t length;
    /* Found by the build (scripts/embed-lib), so that start-up reads no
     * source: the names of the modules the file defines, each ended by a
     * NUL, the list by an empty one ("Elixir.Enum\0Elixir.Enumerable\0");
     * and whether the file defines a macro. */
    const char *modules;
    bool has_macros;
} EmbeddedSource;

extern const EmbeddedSource embedded_sources[]; /* ends with path == NULL */

#endif
