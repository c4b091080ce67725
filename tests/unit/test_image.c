/* test_image.c - the library image (image.h) installs what compiling the
 * library's sources installs, and a stale image is not used. */
#include "check.h"

#include <stdlib.h>

#include "embedded.h"
#include "genlab_script.h"
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

    /* A module of any shape round-trips: compiled in one runtime, written,
     * loaded into a fresh one, it answers as it did (a map of more than 32
     * keys, binaries, floats, a bignum, funs, a struct, binary patterns). */
    g = genlab_new(0);
    genlab_set_writer(g, genlab_script_keep);
    const char *source =
        "defmodule Shapes do\n"
        "  defstruct [:a, b: 2]\n"
        "  @big Map.new(1..40, fn i -> {:\"k#{i}\", i * 1.5} end)\n"
        "  def big, do: @big\n"
        "  def values, do: {\"bin\", <<1, 2, 3>>, 2.5, 123456789012345678901234567890, -7, [1 | 2]}\n"
        "  def adder(n), do: fn x -> x + n end\n"
        "  def parse(<<len::8, rest::binary-size(len), tail::binary>>), do: {rest, tail}\n"
        "  def make, do: %Shapes{a: 1}\n"
        "  def caps, do: Enum.map([1, 2], &(&1 * 3))\n"
        "end\n";
    CHECK(genlab_run_script(g, source, strlen(source), "shapes.exs") == 0, "a module compiles");
    uint8_t *blob = NULL;
    size_t blob_len = 0;
    char why[256];
    CHECK(image_write_file("shapes.exs", &blob, &blob_len, why, sizeof why), "it is written as an image");
    const char *probe =
        "IO.inspect({map_size(Shapes.big()), Shapes.big()[:k40], Shapes.values(), Shapes.adder(2).(40),\n"
        "            Shapes.parse(<<2, ?h, ?i, ?!>>), Shapes.make(), Shapes.caps()})\n";
    out_len = 0;
    genlab_run_script(g, probe, strlen(probe), "probe.exs");
    char *compiled_answer = strndup(out, out_len);
    genlab_free(g);
    g = genlab_new(0);
    genlab_set_writer(g, genlab_script_keep);
    CHECK(blob && image_load_blob(blob, blob_len, "shapes.exs"), "the image loads into a fresh runtime");
    out_len = 0;
    genlab_run_script(g, probe, strlen(probe), "probe.exs");
    CHECK(out_len > 0 && strstr(compiled_answer, "60.0") != NULL, "the compiled module answers");
    char *loaded_answer = strndup(out, out_len);
    CHECK_STR(loaded_answer, compiled_answer, "the loaded module answers what the compiled one did");
    if (getenv("TEST_IMAGE_SHOW")) printf("%s", loaded_answer);
    genlab_free(g);
    free(blob);
    free(compiled_answer);
    free(loaded_answer);

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
