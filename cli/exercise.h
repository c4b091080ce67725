/* exercise.h - a lesson's exercises, as Rustlings and Elixir Koans do
 * theirs: `genlab exercise NAME` writes the starting file into the
 * current directory (never over an edited one), `genlab check NAME [FILE]`
 * loads the learner's file into a fresh runtime per check, runs the
 * exercise's checks, says what passed and what did not, and gives the
 * hint. Results are remembered in ~/.genlab/progress. */
#ifndef GENLAB_EXERCISE_H
#define GENLAB_EXERCISE_H

#include "lesson.h"

/* Runs an exercise's checks against `source` (named `file` in errors),
 * printing a line per check and the hint after a failure; returns how
 * many checks failed, or -1 when the file does not load at all. */
int exercise_run_checks(const LessonExercise *ex, const char *source, const char *file);

/* `genlab exercise NAME` and `genlab check NAME [FILE]` (argv[0] is the
 * command); return the exit status. */
int exercise_start_command(int argc, char **argv);
int exercise_check_command(int argc, char **argv);

/* Whether ~/.genlab/progress records that the exercise passed. */
bool exercise_passed(const char *name);

#endif
