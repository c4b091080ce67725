/* library_frames.h - where a frame of the embedded library shows.
 *
 * genlab's library is Elixir source in core/lib (NAME.ex); a stack trace shows
 * its frames where Elixir 1.14 shows its own: in the file Elixir's module
 * comes from (lib/enum.ex, lib/agent/server.ex; an Erlang module's NAME.erl),
 * at the line of the function's first clause there (for a fn, of the first
 * fn in the function), as recorded from real Elixir in library_frames.def
 * (scripts/record-library-frames). The few helpers that stand for a
 * function Elixir's compiler makes (the lists:map inlined into Enum.map/2,
 * "-map/2-lists^map/1-0-"/2) take that function's name, arity and line.
 * A line of the library may say which line of Elixir's file its code
 * stands for, with a comment at its end: `# elixir:23`. The lexer then
 * gives that line's tokens the line LIBRARY_ELIXIR_LINE + 23 (only while
 * the library compiles), and a frame stopped there shows line 23: a call
 * a stack trace passes through, a raise. What stays different: a frame at
 * a line with no such comment shows the function's first line, and
 * genlab's own helpers (no function of that name in Elixir) keep their
 * name and genlab's line.
 */
#ifndef GENLAB_LIBRARY_FRAMES_H
#define GENLAB_LIBRARY_FRAMES_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

#define LIBRARY_ELIXIR_LINE 0x100000

typedef struct LibraryFrame {
    Term name;        /* the function's name as Elixir's frame shows it */
    uint32_t arity;
    const char *file; /* "lib/enum.ex" (static storage) */
    uint32_t line;
    /* A helper that stands for code Elixir's compiler inlines into the
     * caller (Enum's reduce/3 on a range or a map in Enum.map/2): no
     * entry of its own; its caller's shows at this line instead. */
    bool inlined;
} LibraryFrame;

/* How the frame of module.name/arity, defined at genlab_line of the
 * library file genlab_file ("core/lib/enum.ex"), shows; false when
 * genlab_file is not the library's (a user's module shows as it is). */
bool library_frame(Term module, Term name, uint32_t arity, const char *genlab_file, uint32_t genlab_line,
                   LibraryFrame *out);

/* Where a native of one of Elixir's modules (String.length/1, a C
 * function in genlab) shows: the file and first-clause line of Elixir's
 * function; false if none is recorded. */
bool library_frame_native(Term module, Term name, uint32_t arity, LibraryFrame *out);

#endif
