/* code_region.h - the code and literals of one shell input, freed once
 * nothing refers to them.
 *
 * Compiled code lives as long as the runtime (module_own) and its
 * constants in the literal arena, which only grows: right for modules,
 * but a shell session of a hundred thousand inputs would keep every one.
 * So each shell input that defines no module compiles into a region of its
 * own: what module_own is given while the region is entered (its chunk's
 * Function, code, lines, call sites, binary specs, its fns' Functions and
 * FunInfos) and its constants, on a heap of its own that literal_heap()
 * answers meanwhile (the parsed input included).
 *
 * Why a region can be freed, and when: its constants are outside the
 * literal arena, so every copy of a term (a message, a spawn, an ETS
 * insert, a timer, a trace event: term_copy) copies them, and a full
 * collection of a process copies them into its heap. What cannot be
 * copied is its code: a fun of it that went elsewhere (term_copy and
 * spawn mark its FunInfo.copied FUN_COPIED_OUT) may run anywhere later. So
 * a collection marks, conservatively, from every holder of terms and code:
 * the evaluator (after its full collection), and once a fun went out,
 * every process (heap, registers, frames, handlers, mailbox; one that
 * waits with garbage in its heap is compacted first), the scheduler's
 * timers, the compiles in progress (compile_run.h), the holders
 * registered (ETS tables, the views' kept terms),
 * the constants of the regions that are kept, and, transitively, those
 * of the regions found live (a constant of one input may hold another's
 * fun).
 * A region nothing points into is freed. A region in which a module was
 * made (a defprotocol at the prompt), or a fun of which went into the
 * literal arena (FUN_COPIED_KEPT: a module's constant), is kept for good.
 *
 * While a region is entered, Elixir that the compiler runs (vm_eval_in)
 * and library modules loading (module_lookup) allocate as usual, outside
 * the region: code_region_pause and code_region_enter bracket them.
 */
#ifndef GENLAB_CODE_REGION_H
#define GENLAB_CODE_REGION_H

#include "heap.h"
#include "process.h"

typedef struct CodeRegion CodeRegion;

/* A new, empty region: not entered, not yet collectable. */
CodeRegion *code_region_new(void);
/* The heap its constants go on. */
Heap *code_region_literals(CodeRegion *r);
/* Makes r (or nothing, for NULL) where module_own and literal_heap()
 * allocate from now on; code_region_pause returns the region entered, if
 * any, and leaves it. */
void code_region_enter(CodeRegion *r);
CodeRegion *code_region_pause(void);
/* The region entered, or NULL. */
CodeRegion *code_region_current(void);
/* Its code has run (or failed): r may be freed by a collection once
 * nothing refers to it. */
void code_region_close(CodeRegion *r);

/* Takes a block for the region entered (module_own's part). */
void code_region_own(CodeRegion *r, void *block);
/* The flags a fn's FunInfo made in the region entered sets when copied
 * (FunInfo.copied), or NULL when no region is entered. */
uint8_t *code_region_copy_flag(void);
/* A module is being made while the region is entered: what it holds may
 * point into the region, which is then kept for good. */
void code_region_pin(void);

/* Frees the closed regions that nothing refers to; `evaluator` is the
 * process that ran their code (its heap is fully collected first). With
 * `force` false, only once the closed regions hold enough to be worth a
 * collection. */
void code_region_collect(Process *evaluator, bool force);

/* Something above lang/ that holds terms outside every process (ETS
 * tables, the views' kept terms): it calls visit on every run of words
 * it holds. The runtime registers each one once; collections visit them. */
typedef void (*CodeRegionHolder)(HeapWordsVisit visit, void *ctx);
void code_region_add_holder(CodeRegionHolder holder);

/* How much the closed regions must hold before a collection is worth it
 * (256 KB; 0, for fuzzing and tests: at every input that closed one). */
void code_region_set_collect_min(size_t bytes);

/* Bytes the regions hold (blocks and constants), and how many there are:
 * for tests and the memory figures. */
size_t code_region_bytes(void);
size_t code_region_count(void);

/* Frees every region (the runtime ends). */
void code_region_state_free(void);

#endif
