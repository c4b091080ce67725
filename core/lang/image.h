/* image.h - the embedded library compiled at build time.
 *
 * Lexing, parsing and compiling the library's Elixir sources (the .ex files of core/lib
 * and the five tutorial servers) is most of what a shell does before its
 * first result. So the build compiles them once (tools/mkimage.c) and
 * saves each source file's modules as an image: their functions' code,
 * line tables, fun and binary descriptors, call sites, literals, struct
 * definitions, attributes and docs, with atoms by name. At run time a
 * file's image loads in one pass with no lexing or parsing, as the BEAM
 * loads a .beam file; what it installs is what compiling the source would
 * have installed.
 *
 * An image is tied to the exact text of its source file: a file whose
 * text changed (or that has no image, or whose image holds a native this
 * build lacks) is compiled from source as before.
 */
#ifndef GENLAB_IMAGE_H
#define GENLAB_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "module.h"

/* One source file's modules, as the build wrote them. */
typedef struct EmbeddedImage {
    const char *path;      /* the source's path, as in embedded_sources */
    uint64_t source_hash;  /* image_source_hash of the text it was compiled from */
    const uint8_t *bytes;
    size_t length;
} EmbeddedImage;

/* The images the build generated (build/embedded_image.c); ends with
 * path == NULL. The image tool itself links an empty table. */
extern const EmbeddedImage embedded_image[];

/* A 64-bit hash of a source text (FNV-1a over words). */
uint64_t image_source_hash(const char *text, size_t length);

/* Serializes `modules` (every module one source file defines) into a
 * malloc'd blob for image_load. False, with the reason in `why`, when a
 * module holds what an image cannot carry (a fun or pid among its
 * literals, a call into another module's private code): that file then
 * stays source-only. */
bool image_write(Module *const *modules, size_t n, uint8_t **out, size_t *out_len, char *why, size_t why_size);

/* image_write of every loaded module whose file is `path`, in name order. */
bool image_write_file(const char *path, uint8_t **out, size_t *out_len, char *why, size_t why_size);

/* Installs the modules of source file `path` from its image when the
 * image is there and was made from exactly `text`; `path` becomes their
 * file. False (and nothing installed) otherwise: compile the source.
 * With GENLAB_NO_IMAGE in the environment it is always false (to measure
 * or test the compiled library against its image). */
bool image_load(const char *path, const char *text, size_t length);

/* Installs the modules of one blob (what image_write made), with `file`
 * as their file. False, with nothing installed, if the blob is damaged or
 * names a native this runtime lacks. */
bool image_load_blob(const uint8_t *bytes, size_t length, const char *file);

#endif
