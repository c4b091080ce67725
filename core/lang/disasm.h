/* disasm.h - prints a function's bytecode (GENLAB_DISASM=1), for people
 * working on the compiler. */
#ifndef GENLAB_DISASM_H
#define GENLAB_DISASM_H

#include <stdio.h>

#include "module.h"

void disasm_function(const Function *f, FILE *out);

#endif
