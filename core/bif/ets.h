/* ets.h - Erlang Term Storage: tables of tuples shared between processes.
 *
 * A table is a set, ordered_set, bag or duplicate_bag of tuples, keyed by
 * the element at its key position. Tables live outside every process
 * heap: an insert copies the tuple into storage the table owns, a read
 * copies it out to the reader's heap, so the collector never has to look
 * at a table and a table never points into a process. A table belongs to
 * the process that created it (or was given it) and is deleted when that
 * process exits, unless an heir takes it over.
 *
 * set, bag and duplicate_bag are linear hash tables laid out as OTP 25
 * lays them out (lookups O(1)), so tab2list, match, select and first/next
 * list keys in the BEAM's order whenever OTP's hash of the key can be
 * reproduced (numbers, binaries, lists and tuples of those, and atoms at
 * top level); ordered_set is an AVL tree in Erlang term order (lookups
 * O(log n)). Unnamed tables are referred to by a reference, named ones
 * by their name, as in OTP 25.
 *
 * The :ets natives raise badarg with OTP 25's extended error texts
 * ("the table identifier does not refer to an existing ETS table", ...).
 */
#ifndef GENLAB_ETS_H
#define GENLAB_ETS_H

#include <stddef.h>

#include "heap.h"
#include "native.h"

/* The :ets natives (registered by the runtime). */
extern const NativeDef ets_natives[];

/* Called by process_exit for every dying process: hands the tables it
 * owns to their heirs or deletes them. Cheap when it owns none. */
void ets_owner_exited(Term pid);

/* Visits the words of every stored object (lang/code_region.c's scan of
 * what refers to a shell input's code). */
void ets_visit_held_words(HeapWordsVisit visit, void *ctx);

/* Bytes the tables hold, as :ets.info(t, :memory) counts them (in words
 * there): :erlang.memory(:ets). */
size_t ets_memory_bytes(void);

/* How many tables exist (for tests and :erlang.system_info). */
size_t ets_table_count(void);

/* Deletes every table (tests start from a clean slate with it). */
void ets_reset(void);

/* Gives the active runtime (state.h) its ETS; ets_state_free deletes its
 * tables and frees it. */
void ets_state_init(void);
void ets_state_free(void);

#endif
