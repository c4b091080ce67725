/* player.h - the lesson player: `genlab lessons` and `genlab lesson NAME
 * [--step] [--check] [--shell]`. A lesson is replayed in a fresh runtime:
 * prose wrapped to the terminal, each input shown at its prompt, then
 * what it really prints. */
#ifndef GENLAB_PLAYER_H
#define GENLAB_PLAYER_H

#include <stdbool.h>

#include "lesson.h"
#include "replay.h"

typedef struct PlayerOptions {
    bool step;   /* wait for a key before each input: Enter runs it, b goes back, q quits */
    bool check;  /* replay silently and compare every output with the lesson's */
    bool shell;  /* afterwards, the shell, with the lesson's modules, processes and bindings */
    bool colors;
    int width;
} PlayerOptions;

/* Plays (or checks) a lesson; returns the exit status: 0, or 1 when the
 * lesson is malformed or, with check, an output differs. */
int player_play(const Lesson *lesson, const PlayerOptions *options);

/* Plays a lesson as player_play does, without the shell at the end, and
 * hands back its runtime as the lesson left it (modules, processes,
 * bindings), or NULL when the lesson failed or the teacher quit; *status
 * is what player_play would return. */
Replay *player_replay(const Lesson *lesson, const PlayerOptions *options, int *status);

/* `genlab lessons` (and lessons/0 in the shell): number, title, summary
 * and exercises of each lesson. Returns 0. */
int player_list_lessons(bool in_shell);

/* `genlab lessons`, `genlab lesson ...`, `genlab exercise ...` and
 * `genlab check ...`: argv[0] is the command. Returns the exit status, or
 * -1 when argv[0] is none of them. */
int player_main(int argc, char **argv);

#endif
