/* main.c - the genlab command.
 *
 *   genlab               reads Elixir from standard input, prints each result
 *   genlab FILE [ARGS]   runs FILE like `elixir FILE`
 *   --seed N             seeds the deterministic random source
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fatal.h"
#include "runtime.h"

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    unsigned long long seed = 0;
    int i = 1;
    while (i < argc && argv[i][0] == '-' && argv[i][1] == '-') {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            seed = strtoull(argv[i + 1], NULL, 10);
            i += 2;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "genlab: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    runtime_init(seed);
    if (i >= argc) {
        size_t len;
        char *src = read_all(stdin, &len);
        runtime_set_argv(0, NULL);
        int status = runtime_eval_source(src, len, "iex", EVAL_ECHO);
        fflush(stdout);
        return status;
    }
    const char *path = argv[i];
    FILE *f = fopen(path, "rb");
    /* Elixir names a script by its path relative to the current directory */
    char cwd[4096];
    size_t cwd_len = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    const char *shown = path;
    if (cwd_len && strncmp(path, cwd, cwd_len) == 0 && path[cwd_len] == '/') shown = path + cwd_len + 1;
    if (!f) {
        fprintf(stderr, "** (Code.LoadError) could not load %s. Reason: enoent\n", path);
        return 1;
    }
    size_t len;
    char *src = read_all(f, &len);
    fclose(f);
    runtime_set_argv(argc - i - 1, argv + i + 1);
    int status = runtime_eval_source(src, len, shown, EVAL_SCRIPT);
    fflush(stdout);
    return status;
}
