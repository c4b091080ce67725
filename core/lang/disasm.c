/* disasm.c - one line per instruction: index, opcode, operands. */
#include "disasm.h"

#include <stdlib.h>

#include "atom.h"
#include "inspect.h"
#include "vm.h"

void disasm_function(const Function *f, FILE *out)
{
    fprintf(out, "== %s.%s/%u (%u registers, %u captured)\n", atom_text(f->module), atom_text(f->name), f->arity, f->nregs, f->nfree);
    InspectOpts o;
    inspect_opts_default(&o);
    for (size_t pc = 0; pc < f->code_len;) {
        Opcode op = vm_code_opcode(f, pc);
        if (op >= OP__COUNT) {
            fprintf(out, "%5zu ???\n", pc);
            return;
        }
        fprintf(out, "%5zu %-14s", pc, opcode_names[op]);
        for (int i = 0; i < opcode_operand_count[op]; i++) {
            Code w = f->code[pc + 1 + i];
            if (((op == OP_LOADK || op == OP_TEST_EQ_K || op == OP_TEST_EQ_IMM) && i == 1) || op == OP_RETURN_K || ((op == OP_ADD_K || op == OP_SUB_K || op == OP_TEST_ELEM_IMM || op == OP_TEST_TAGGED) && i == 2)) {
                char *s = inspect_to_cstring((Term)w, &o, NULL);
                fprintf(out, " %s", s);
                free(s);
            } else if ((op == OP_CALL || op == OP_TAIL_CALL) && i == 0) {
                const Function *g = (const Function *)w;
                fprintf(out, " %s/%u", atom_text(g->name), g->arity);
            } else if ((op == OP_CALL_EXT || op == OP_TAIL_CALL_EXT || op == OP_CALL_NATIVE) && i == 0) {
                const ExtRef *r = (const ExtRef *)w;
                fprintf(out, " %s.%s/%u", atom_text(r->module), atom_text(r->name), r->arity);
            } else {
                fprintf(out, " %lu", (unsigned long)w);
            }
        }
        fputc('\n', out);
        pc += 1 + (size_t)opcode_operand_count[op];
    }
}
