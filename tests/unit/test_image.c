/* test_image.c - the library image (image.h) installs what compiling the
 * library's sources installs, and a stale image is not used. */
#include "check.h"

#include <stdlib.h>

#include "embedded.h"
#include "genlab.h"
#include "image.h"
#include "runtime.h"

typedef struct Blob {
    uint8_t *bytes;
    size_t len;
    bool ok;
} Blob;

/* Each embedded file's modules as image_write writes them, in the active
 * runtime, after it loaded the whole library. */
static Blob *write_all(size_t nfiles)
{
    Blob *blobs = calloc(nfiles, sizeof *blobs);
    for (size_t i = 0; i < nfiles; i++) {
        char why[256];
        blobs[i].ok = image_write_file(embedded_sources[i].path, &blobs[i].bytes, &blobs[i].len, why, sizeof why);
    }
    return blobs;
}

int main(void)
{
    size_t nfiles = 0, nimages = 0;
    for (const EmbeddedSource *s = embedded_sources; s->path; s++) nfiles++;
    for (const EmbeddedImage *e = embedded_image; e->path; e++) nimages++;
    CHECK(nimages == nfiles, "the build made an image of every library file");

    /* from the images */
    Genlab *g = genlab_new(0);
    CHECK(runtime_load_library(), "the library loads from its images");
    Blob *loaded = write_all(nfiles);
    genlab_free(g);

    /* from source */
    setenv("GENLAB_NO_IMAGE", "1", 1);
    g = genlab_new(0);
    CHECK(runtime_load_library(), "the library compiles from source");
    Blob *compiled = write_all(nfiles);
    CHECK(!image_load(embedded_sources[0].path, embedded_sources[0].text, embedded_sources[0].length),
          "GENLAB_NO_IMAGE turns the images off");
    genlab_free(g);
    unsetenv("GENLAB_NO_IMAGE");

    size_t same = 0, written = 0;
    for (size_t i = 0; i < nfiles; i++) {
        if (compiled[i].ok) written++;
        if (compiled[i].ok && loaded[i].ok && compiled[i].len == loaded[i].len &&
            !memcmp(compiled[i].bytes, loaded[i].bytes, loaded[i].len))
            same++;
        else
            printf("  differs: %s\n", embedded_sources[i].path);
        free(compiled[i].bytes);
        free(loaded[i].bytes);
    }
    CHECK(written == nfiles, "every library file's modules can be written as an image");
    CHECK(same == nfiles, "every module loaded from an image is the module its source compiles to "
                          "(code, literals, call sites, funs, lines, structs, docs)");
    free(compiled);
    free(loaded);

    /* a changed source is compiled, not taken from its old image */
    g = genlab_new(0);
    const EmbeddedSource *src = &embedded_sources[0];
    char *text = malloc(src->length + 1);
    memcpy(text, src->text, src->length);
    text[src->length] = ' ';
    CHECK(!image_load(src->path, text, src->length + 1), "an image made from other text is not loaded");
    CHECK(image_load(src->path, src->text, src->length), "the image of the same text is");
    CHECK(!image_load_blob((const uint8_t *)"GLI1\x05", 5, src->path), "a damaged image installs nothing");
    free(text);
    genlab_free(g);
    CHECK_DONE();
}
