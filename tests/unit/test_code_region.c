/* test_code_region.c - a shell input's code and constants are freed once
 * nothing refers to them (code_region.h): a long session of inputs runs
 * in constant memory, counted by the runtime's own accounting of heaps,
 * code and constants (what --max-memory limits), while funs made by early
 * inputs, kept in a binding, an ETS table, another process's heap, state
 * or mailbox, a timer's message or a persistent term, still work; and an
 * input whose fn went to another process (Agent.get) is freed once that
 * process is done with it. */
#include "check.h"

#include <stdlib.h>

#include "code_region.h"
#include "genlab.h"
#include "sched.h"
#include "shell_eval.h"
#include "state.h"

static Genlab *g;


/* Inputs as a session has them: constants, a fn, a string built, a
 * binding rebound, an error now and then. */
static void session(int n)
{
    char input[256];
    for (int i = 0; i < n; i++) {
        switch (i % 4) {
        case 0: snprintf(input, sizeof input, "x = [%d, 2, 3]; Enum.map(x, fn a -> a * 2 end)", i); break;
        case 1: snprintf(input, sizeof input, "s = \"item #{%d}\" <> \" done\"; {s, String.length(s)}", i); break;
        case 2: snprintf(input, sizeof input, "%%{a: %d, b: [:c, {1.5, \"d\"}]} |> Map.put(:e, x)", i); break;
        default: snprintf(input, sizeof input, "case %d do 0 -> :zero; n when n > 0 -> raise \"no #{n}\" end", i); break;
        }
        free(shell_eval_text(g, input));
    }
}

int main(void)
{
    g = genlab_new(0);
    genlab_shell_start(g, false);

    check_shell_eval(g, "keep = fn x -> x * 10 end; :ok", ":ok\n", "a fn kept in a binding");
    check_shell_eval(g, "t = :ets.new(:funs, [:public]); :ets.insert(t, {:f, fn -> :from_ets end})", "true\n", "a fn kept in an ETS table");
    check_shell_eval(g, "holder = spawn(fn -> f = fn y -> y + 1 end; receive do {:call, from} -> send(from, f.(41)) end end); :ok", ":ok\n",
               "a fn kept by another process");
    check_shell_eval(g, "lit = {\"a constant\", [1.5, :x]}; :ok", ":ok\n", "a constant kept in a binding");
    check_shell_eval(g, "import List, only: [first: 1]", "List\n", "an import with only:");
    check_shell_eval(g, "{:ok, agent} = Agent.start_link(fn -> fn -> :in_state end end); :ok", ":ok\n", "a fn kept in an Agent's state");
    check_shell_eval(g, "Process.send_after(self(), {:timer, fn -> :from_timer end}, 3_600_000); :ok", ":ok\n", "a fn kept in a timer's message");
    check_shell_eval(g, ":persistent_term.put(:code_region_fn, fn -> :persistent end)", ":ok\n", "a fn kept as a persistent term");
    check_shell_eval(g, "mailbox = spawn(fn -> receive do :go -> receive do {:f, f, from} -> send(from, f.()) end end end); send(mailbox, {:f, fn -> :from_mailbox end, self()}); :ok",
                     ":ok\n", "a fn kept in a waiting process's mailbox");
    check_shell_eval(g, "dict = spawn(fn -> Process.put(:f, fn -> :from_dictionary end); receive do from -> send(from, Process.get(:f).()) end end); :ok", ":ok\n",
                     "a fn kept in another process's dictionary");
    check_shell_eval(g, "Process.register(self(), :code_region_shell)", "true\n", "the shell registered");
    check_shell_eval(g, "compiling = spawn(fn -> Code.eval_string(\"defmodule CodeRegionWait do\\n  g = receive do {:g, g} -> g end\\n"
                        "  :ok = receive do :go -> :ok end\\n  send(:code_region_shell, {:ran, g.()})\\nend\") end); :ok", ":ok\n",
                     "a process compiling a module");
    check_shell_eval(g, "send(compiling, {:g, fn -> :from_a_compile end}); :ok", ":ok\n", "a fn kept by a compile waiting in a module body");
    /* 1,000 fns, each of its own input, kept by a live process */
    check_shell_eval(g, "keeper = spawn(fn -> (fn loop -> loop.(loop, []) end).(fn loop, fs -> receive do {:add, f} -> loop.(loop, [f | fs]); "
                        "{:run, from} -> send(from, Enum.map(fs, fn f -> f.() end)); loop.(loop, fs) end end) end); :ok", ":ok\n", "a process that keeps fns");
    for (int i = 0; i < 1000; i++) {
        char input[128];
        snprintf(input, sizeof input, "send(keeper, {:add, fn -> %d * 3 end}); :ok", i);
        free(shell_eval_text(g, input));
    }
    code_region_collect(sched_evaluator(), true);
    size_t kept = code_region_bytes();
    /* 3,000 fns, each of its own input, run by another process and dropped:
     * kept, they would hold about 11 MB more */
    for (int i = 0; i < 3000; i++) {
        char input[128];
        snprintf(input, sizeof input, "Agent.get(agent, fn f -> {f.(), %d} end)", i);
        free(shell_eval_text(g, input));
    }
    code_region_collect(sched_evaluator(), true);
    printf("after 1,000 fns kept and 3,000 Agent.get inputs: regions %zu (%zu bytes)\n", code_region_count(), code_region_bytes());
    CHECK(code_region_bytes() < kept + ((size_t)1 << 20), "the code of fns another process ran and dropped is freed");
    CHECK(code_region_count() >= 1000, "the code of fns another process keeps is kept");

    session(2000);
    size_t early = rt->memory_in_use;
    session(100000);
    size_t late = rt->memory_in_use;
    /* a collection waits until the garbage is as much as what it kept last
     * time (it pays for itself): collect now to see what is kept */
    code_region_collect(sched_evaluator(), true);
    printf("memory in use after 2,000 inputs: %zu bytes; after 102,000: %zu bytes; regions %zu (%zu bytes)\n", early, late,
           code_region_count(), code_region_bytes());
    /* each of these inputs compiles to about 7 KB of code and constants:
     * kept, 100,000 of them would hold 700 MB */
    CHECK(late < early + ((size_t)4 << 20), "100,000 inputs run in constant memory");
    CHECK(code_region_bytes() < kept + ((size_t)2 << 20), "the inputs' code that nothing refers to is freed");

    check_shell_eval(g, "keep.(5)", "50\n", "the fn kept in a binding still works");
    check_shell_eval(g, "[{:f, f}] = :ets.lookup(t, :f); f.()", ":from_ets\n", "the fn kept in ETS still works");
    check_shell_eval(g, "send(holder, {:call, self()}); receive do n -> n end", "42\n", "the fn kept by another process still works");
    check_shell_eval(g, "lit", "{\"a constant\", [1.5, :x]}\n", "the constant kept in a binding is intact");
    check_shell_eval(g, "first([7, 8])", "7\n", "the import's only: list is intact");
    check_shell_eval(g, "v(-2)", "{\"a constant\", [1.5, :x]}\n", "the history still holds recent results");
    check_shell_eval(g, "Agent.get(agent, fn f -> f.() end)", ":in_state\n", "the fn kept in the Agent's state still works");
    check_shell_eval(g, "receive do {:timer, f} -> f.() after 4_000_000 -> :none end", ":from_timer\n", "the fn kept in a timer's message still works");
    check_shell_eval(g, ":persistent_term.get(:code_region_fn).()", ":persistent\n", "the fn kept as a persistent term still works");
    check_shell_eval(g, "send(mailbox, :go); receive do r -> r end", ":from_mailbox\n", "the fn kept in a mailbox still works");
    check_shell_eval(g, "send(dict, self()); receive do r -> r end", ":from_dictionary\n", "the fn kept in a dictionary still works");
    check_shell_eval(g, "send(compiling, :go); receive do {:ran, r} -> r end", ":from_a_compile\n", "the fn kept by a compile still works");
    check_shell_eval(g, "send(keeper, {:run, self()}); receive do l -> {length(l), Enum.sum(l), hd(l)} end", "{1000, 1498500, 2997}\n",
                     "the 1,000 fns kept by a process still work");

    genlab_free(g);
    CHECK_DONE();
}
