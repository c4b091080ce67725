/* lesson.h - a lesson: a Markdown file (lessons/NN-topic.md) read into
 * what the player shows and runs. lessons/README.md is the format for
 * authors; in short:
 *
 *   - the first `# ` heading is the title, the paragraph after it the summary;
 *   - an ```elixir block is code pasted into the lesson's shell when the
 *     lesson reaches it (its results are not shown); `elixir no-run` only
 *     shows it;
 *   - an ```elixir block whose first line starts with `iex>` is a transcript:
 *     inputs (`iex>` and `...>` lines), each followed by the output it must
 *     print, as in Elixir's doctests;
 *   - a `## Exercise: ...` section holds a task, an ```elixir exercise FILE
 *     block (the starting file), an ```elixir checks block (a transcript
 *     whose `# name` lines start named checks) and hints inside
 *     <details><summary>Hint</summary> ... </details>.
 *
 * Lessons ship inside the binary (cli/embedded_lessons.h); a path to a .md
 * file reads one from disk instead. */
#ifndef GENLAB_LESSON_H
#define GENLAB_LESSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    LESSON_HEADING, /* text is the heading, level its number of #s */
    LESSON_PROSE,   /* text is a paragraph, list or quote, as written */
    LESSON_CODE,    /* text is an elixir block; run unless shown_only */
    LESSON_INPUT,   /* text is one shell input; expected what it prints */
    LESSON_EXERCISE /* exercise is the index of the exercise announced */
} LessonItemKind;

typedef struct LessonItem {
    LessonItemKind kind;
    int line;           /* where the item starts in the file */
    int level;          /* LESSON_HEADING */
    bool shown_only;    /* LESSON_CODE: shown, never run */
    char *text;
    bool has_expected;  /* LESSON_INPUT: an input without output lines is not compared */
    char *expected;     /* LESSON_INPUT: the output, lines joined, no final newline */
    int expected_line;  /* the first output line's number */
    size_t exercise;    /* LESSON_EXERCISE */
} LessonItem;

/* One named check of an exercise: a run of inputs in a fresh runtime with
 * the learner's file loaded. */
typedef struct LessonCheck {
    char *name;
    int line;
    LessonItem *inputs;
    size_t n_inputs;
} LessonCheck;

typedef struct LessonExercise {
    char *name;  /* the starting file's name without its extension */
    char *file;  /* the starting file's name, e.g. counter_decrement.ex */
    char *title; /* the heading after "Exercise:" */
    char *task;  /* the section's prose, as written */
    char *start; /* the starting file's text */
    char *hint;  /* the hints' prose, or NULL */
    int line;
    LessonCheck *checks;
    size_t n_checks;
} LessonExercise;

typedef struct Lesson {
    char *path;    /* as given, or lessons/NN-topic.md for an embedded one */
    char *name;    /* "topic" from NN-topic.md */
    int number;    /* NN, or 0 when the file name has none */
    char *title;
    char *summary; /* the first paragraph after the title, on one line */
    LessonItem *items;
    size_t n_items;
    LessonExercise *exercises;
    size_t n_exercises;
} Lesson;

/* Reads a lesson from its text; NULL and *error (malloc'd, naming the file
 * and line) when it is malformed. */
Lesson *lesson_parse(const char *text, size_t len, const char *path, char **error);
void lesson_free(Lesson *lesson);

/* The lessons compiled into the binary, in file-name order. */
size_t lesson_count(void);
/* The i-th embedded lesson, parsed; NULL and *error when malformed. */
Lesson *lesson_load_embedded(size_t i, char **error);
/* A lesson by number ("1", "01"), name ("counter", "01-counter") or path
 * to a .md file; NULL and *error when there is none or it is malformed. */
Lesson *lesson_find(const char *which, char **error);

/* The exercise called `name` (or "N" for lesson N's first, "N.M" for its
 * M-th) among the embedded lessons; *lesson is its lesson, to free. */
LessonExercise *lesson_find_exercise(const char *name, Lesson **lesson, char **error);

#endif
