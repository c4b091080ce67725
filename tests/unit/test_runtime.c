/* test_runtime.c - two runtimes side by side in one program.
 *
 * Each runtime owns all of its state (genlab.h), so two of them, driven in
 * turns, must each give exactly the bytes it gives when it runs alone: the
 * same pids, references, random numbers, clock, module versions, names and
 * ETS tables. The two run different code under the same names (modules,
 * registered processes, named tables, timers, regexes), so any state they
 * shared would show. Each has its own trace sink: the events each sink gets
 * (numbered from 1, with its runtime's pids, names and terms) are those it
 * gets alone. Freeing one leaves the other working. */
#include "check.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>

#include "genlab.h"

/* What a runtime wrote (through its writer) and what its shell answered. */
typedef struct {
    char *text;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *bytes, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->text = realloc(o->text, o->cap);
    }
    memcpy(o->text + o->len, bytes, n);
    o->len += n;
    o->text[o->len] = 0;
}

/* A writer has no context: one per runtime, each writing to its own Out.
 * Which Out a writer fills is switched between runs (alone, then side by side). */
static Out *writing[2];
static void write_0(int stream, const char *bytes, size_t n) { (void)stream; out_add(writing[0], bytes, n); }
static void write_1(int stream, const char *bytes, size_t n) { (void)stream; out_add(writing[1], bytes, n); }

/* A trace sink: one line per event, into the Out its runtime traces to. */
static Out *tracing[2];
static void trace_event(void *ctx, const GenlabEvent *ev)
{
    Out *o = tracing[(intptr_t)ctx];
    const char *text = genlab_event_text(ev, 0);
    char line[512];
    int n = snprintf(line, sizeof line, "%llu %d %u %s %u %s %s\n", (unsigned long long)ev->seq, (int)ev->kind, ev->pid,
                     ev->pid_label, ev->other, ev->other_label, text ? text : "-");
    out_add(o, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* The two programs: same module, process and table names, different code. */
static const char *const scripts[2] = {
    "defmodule Shared do\n"
    "  def who, do: :first\n"
    "  def loop(n), do: (receive do {:get, from} -> send(from, {:count, n}); loop(n + 1) end)\n"
    "end\n"
    "pid = spawn(fn -> Shared.loop(0) end)\n"
    "Process.register(pid, :server)\n"
    "send(:server, {:get, self()})\n"
    "receive do m -> IO.inspect({Shared.who(), m, pid}) end\n"
    ":ets.new(:table, [:named_table, :public])\n"
    ":ets.insert(:table, {:key, :first})\n"
    "IO.inspect({make_ref(), :rand.uniform(1000), System.unique_integer()})\n"
    "Process.send_after(self(), :late, 500)\n"
    "receive do :late -> IO.inspect({:late, System.monotonic_time(:millisecond)}) end\n"
    "IO.inspect(Regex.run(~r/(\\d+)-(\\d+)/, \"10-20\"))\n",

    "defmodule Shared do\n"
    "  def who, do: {:second, 2}\n"
    "end\n"
    "defmodule OnlySecond do\n"
    "  def hello, do: :hi\n"
    "end\n"
    "for _ <- 1..5, do: spawn(fn -> :ok end)\n"
    "pid = spawn(fn -> receive do {:get, from} -> send(from, :second_server) end end)\n"
    "Process.register(pid, :server)\n"
    "send(:server, {:get, self()})\n"
    "receive do m -> IO.inspect({Shared.who(), OnlySecond.hello(), m, pid}) end\n"
    ":ets.new(:table, [:named_table, :bag])\n"
    ":ets.insert(:table, [{:key, 1}, {:key, 2}])\n"
    "IO.inspect({make_ref(), :rand.uniform(1000), :rand.uniform(1000)})\n"
    "Process.send_after(self(), :later, 1200)\n"
    "receive do :later -> IO.inspect({:later, System.monotonic_time(:millisecond)}) end\n"
    "IO.inspect(String.split(\"a,b;c\", ~r/[,;]/))\n",
};

/* Shell inputs, one list per runtime, run in turns. */
static const char *const inputs[2][6] = {
    {"x = Shared.who()", "Process.whereis(:server) == nil", ":ets.lookup(:table, :key)",
     "Process.send_after(self(), :tick, 50); receive do m -> {m, x} end", "spawn(fn -> :ok end)",
     "OnlySecond.hello()"},
    {"y = Shared.who()", "defmodule Shared do\n  def who, do: :redefined\nend", "{Shared.who(), y}",
     ":ets.lookup(:table, :key)", "Process.register(self(), :shell); Process.whereis(:shell) == self()",
     "make_ref()"},
};

/* What runtime `which` gives for step `step`: step 0 runs its script,
 * step 1 opens its shell, steps 2.. feed it one input each. */
static void run_step(Genlab *g, int which, int step, Out *o)
{
    if (step == 0) {
        int status = genlab_run_script(g, scripts[which], strlen(scripts[which]), "two.exs");
        char line[32];
        out_add(o, line, (size_t)snprintf(line, sizeof line, "status %d\n", status));
    } else if (step == 1) {
        genlab_shell_start(g, false);
    } else {
        GenlabResult r = genlab_shell_eval(g, inputs[which][step - 2], strlen(inputs[which][step - 2]));
        char line[48];
        out_add(o, line, (size_t)snprintf(line, sizeof line, "iex(%d) kind %d: ", genlab_shell_counter(g), r.kind));
        out_add(o, r.text, r.len);
        genlab_result_free(&r);
    }
    char clock[48];
    out_add(o, clock, (size_t)snprintf(clock, sizeof clock, "clock %llu\n", (unsigned long long)genlab_clock(g)));
}

#define STEPS 8

static Genlab *start(int which)
{
    Genlab *g = genlab_new(42);
    genlab_set_writer(g, which ? write_1 : write_0);
    genlab_set_sink(g, trace_event, (void *)(intptr_t)which);
    return g;
}

int main(void)
{
    /* Each alone. */
    Out alone[2] = {{0}, {0}}, traced_alone[2] = {{0}, {0}};
    for (int which = 0; which < 2; which++) {
        writing[which] = &alone[which];
        tracing[which] = &traced_alone[which];
        Genlab *g = start(which);
        CHECK(g != NULL, which ? "the second runtime starts alone" : "the first runtime starts alone");
        for (int step = 0; step < STEPS; step++) run_step(g, which, step, &alone[which]);
        genlab_free(g);
    }
    if (getenv("TEST_RUNTIME_SHOW")) printf("%s----\n%s", alone[0].text, alone[1].text);
    CHECK(strstr(alone[0].text, "{:first, {:count, 0}, #PID<0.103.0>}") != NULL, "the first program runs alone");
    CHECK(strstr(alone[1].text, ":redefined") != NULL, "the second program runs alone");

    /* Side by side, in turns. */
    Out both[2] = {{0}, {0}}, traced_both[2] = {{0}, {0}};
    writing[0] = &both[0];
    writing[1] = &both[1];
    tracing[0] = &traced_both[0];
    tracing[1] = &traced_both[1];
    Genlab *g[2] = {start(0), start(1)};
    CHECK(g[0] && g[1] && g[0] != g[1], "two runtimes live at once");
    for (int step = 0; step < STEPS; step++)
        for (int which = 0; which < 2; which++) run_step(g[which], which, step, &both[which]);
    CHECK_STR(both[0].text, alone[0].text, "the first runtime gives, beside the second, what it gives alone");
    CHECK_STR(both[1].text, alone[1].text, "the second runtime gives, beside the first, what it gives alone");
    CHECK(traced_alone[0].text && strstr(traced_alone[0].text, "\n1 ") == NULL && !strncmp(traced_alone[0].text, "1 ", 2) &&
              strstr(traced_alone[0].text, "{:get, #PID<0.") != NULL,
          "a runtime's trace sink gets its events, numbered from 1");
    CHECK_STR(traced_both[0].text, traced_alone[0].text, "the first runtime's trace, beside the second, is what it is alone");
    CHECK_STR(traced_both[1].text, traced_alone[1].text, "the second runtime's trace, beside the first, is what it is alone");

    /* Freeing one leaves the other working. */
    genlab_free(g[0]);
    Out after = {0}, traced_after = {0};
    writing[1] = &after;
    tracing[1] = &traced_after;
    const char *input = "{Shared.who(), length(:ets.lookup(:table, :key)), Process.whereis(:server) == nil}";
    GenlabResult r = genlab_shell_eval(g[1], input, strlen(input));
    CHECK(r.kind == GENLAB_RESULT_VALUE, "the second runtime evaluates after the first is freed");
    CHECK_STR(r.text, "{:redefined, 2, true}\n", "the second runtime keeps its modules, tables and names");
    genlab_result_free(&r);
    const char *script = "IO.puts(Enum.sum(1..10))\n";
    CHECK(genlab_run_script(g[1], script, strlen(script), "after.exs") == 0 && after.text && strcmp(after.text, "55\n") == 0,
          "the second runtime runs a script after the first is freed");
    genlab_free(g[1]);

    /* A runtime started after both are gone starts from scratch. */
    Out again = {0}, traced_again = {0};
    writing[0] = &again;
    tracing[0] = &traced_again;
    Genlab *fresh = start(0);
    for (int step = 0; step < STEPS; step++) run_step(fresh, 0, step, &again);
    genlab_free(fresh);
    CHECK_STR(again.text, alone[0].text, "a runtime started after others were freed gives the same bytes");
    CHECK_STR(traced_again.text, traced_alone[0].text, "and the same trace");

    /* genlab_free gives back what a runtime held: after a first runtime
     * (libraries set themselves up once), starting, using and freeing
     * more does not grow the heap. */
    Out scratch = {0}, traced_scratch = {0};
    writing[0] = &scratch;
    tracing[0] = &traced_scratch;
    size_t before = 0;
    for (int round = 0; round < 4; round++) {
        if (round == 1) before = mallinfo2().uordblks;
        Genlab *r = start(0);
        for (int step = 0; step < STEPS; step++) run_step(r, 0, step, &scratch);
        genlab_free(r);
        scratch.len = 0;
        traced_scratch.len = 0;
    }
    size_t in_use = mallinfo2().uordblks;
    CHECK(in_use < before + 64 * 1024, "freed runtimes leave no memory behind");
    free(scratch.text);
    free(traced_scratch.text);
    for (int which = 0; which < 2; which++) {
        free(traced_alone[which].text);
        free(traced_both[which].text);
    }
    free(traced_after.text);
    free(traced_again.text);

    free(alone[0].text);
    free(alone[1].text);
    free(both[0].text);
    free(both[1].text);
    free(after.text);
    free(again.text);
    CHECK_DONE();
}
