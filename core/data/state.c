/* state.c - the pointer to the active runtime's state (see state.h). */
#include "state.h"

RuntimeState *rt;
