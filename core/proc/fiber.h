/* fiber.h - a C stack of its own for C code that must wait for Elixir code.
 *
 * The compiler is C that recurses over the source, and compile-time code
 * (a macro, a module body, `__using__`) runs in the middle of it: the
 * compiler's place is its C frames. A process that compiles (a native of
 * it: Code.eval_string, a defmodule reached at run time) therefore runs
 * the compiler on a fiber, a C stack that belongs to that compile alone.
 * When the compiler needs Elixir code run, the fiber stops where it is
 * (fiber_suspend), the native returns to the VM, and the process runs the
 * code as ordinary work, preempted and free to receive while every other
 * process and the shell run; its answer resumes the fiber (fiber_resume).
 * A process compiling inside compile-time code gets a second fiber, and so
 * on: a process's fibers are resumed innermost first, as its frames
 * return.
 *
 * Why a fiber rather than a compiler that can stop between any two steps:
 * the compiler is some thousands of lines of recursive C; turning every
 * walker into an explicit state machine would be a rewrite, while a fiber
 * keeps the compiler as it is and costs one stack per compile in progress
 * (reserved address space, of which only the pages touched become memory,
 * and given back when the compile ends). Processes themselves still own no
 * C stack (DESIGN.md): only a compile in progress does, and only while it
 * runs. The compiler bounds its own depth on whatever stack it is on
 * (fiber_stack_floor).
 *
 * A fiber switches with a few instructions of its own on x86-64 (with
 * ucontext.h elsewhere) and tells AddressSanitizer about every switch, so
 * `make asan` follows the stacks. The failure jump
 * of heap.h is the running stack's: each switch swaps it.
 */
#ifndef GENLAB_FIBER_H
#define GENLAB_FIBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Fiber Fiber;

/* A new fiber, not started, that will run body(arg) for the process with
 * pid serial `owner`; NULL if no stack could be had (the caller then runs
 * body on its own stack). */
Fiber *fiber_new(uint32_t owner, void (*body)(void *arg), void *arg);

/* Runs f from where it stopped (or from the start) until it suspends or
 * its body returns: true once it has returned. */
bool fiber_resume(Fiber *f);

/* Called on a fiber's stack: stops it and goes back to what resumed it. */
void fiber_suspend(void);

/* The fiber whose stack the caller is on, or NULL (the main stack). */
Fiber *fiber_current(void);

/* The innermost fiber of process `owner` that is not running and has not
 * returned (one that waits for its process's Elixir code), or NULL. */
Fiber *fiber_waiting(uint32_t owner);

/* The body's argument, as given to fiber_new. */
void *fiber_arg(Fiber *f);

/* Frees f, which must have returned (or never started). */
void fiber_free(Fiber *f);

/* Whether f was abandoned: its process ended while it waited. Its body
 * then runs to its end at once, without waiting for anything again. */
bool fiber_abandoned(Fiber *f);

/* The process `owner` ended: each of its waiting fibers is abandoned and
 * resumed until its body returns (what the body allocated is freed as it
 * unwinds), innermost first, and freed. */
void fiber_abandon_owner(uint32_t owner);

/* The lowest address the C code running now may use and still leave a
 * margin for what it calls: inside a fiber, its stack's; 0 on the main
 * stack (the caller knows that one). */
uintptr_t fiber_stack_floor(void);

/* Fibers in use (fiber_new'd, not freed): for tests. */
size_t fiber_count(void);

/* The active runtime's fibers (state.h): fiber_state_free drops those left
 * (a runtime freed with a compile in progress) without running them. */
void fiber_state_free(void);

#endif
