/* embedded_lessons.h - the lessons (lessons/NN-topic.md) compiled into
 * the binary at build time by scripts/embed-lib, in file-name order, so
 * `genlab lesson 1` works from any directory. */
#ifndef GENLAB_EMBEDDED_LESSONS_H
#define GENLAB_EMBEDDED_LESSONS_H

#include <stddef.h>

typedef struct EmbeddedLesson {
    const char *path; /* lessons/NN-topic.md */
    const char *text;
    size_t length;
} EmbeddedLesson;

extern const EmbeddedLesson embedded_lessons[]; /* ends with path == NULL */

#endif
