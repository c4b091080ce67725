/* views.h - the natives behind the teaching views (see views.c and
 * genlab.h, "tracing and the teaching views"), registered by runtime_init. */
#ifndef GENLAB_VIEWS_H
#define GENLAB_VIEWS_H

#include "native.h"

extern const NativeDef views_natives[];

/* Visits the terms the cli keeps from events (genlab_event_keep) word
 * by word: for lang/code_region.c's scan of what refers to a shell
 * input's code. */
void views_visit_kept_words(HeapWordsVisit visit, void *ctx);

/* Frees the active runtime's views state and trace state (genlab_free). */
void views_state_free(void);

#endif
