/* test_host_calls.c - Elixir that C needs run (compile-time code, error
 * formatting) is ordinary work of the evaluating process (vm_eval_in,
 * sched_run_host_call): in a shell session, a module body, a macro and an
 * exception's message/1 that never end are preempted and stopped by Ctrl-C
 * (genlab_interrupt from a signal handler, as the cli's), the shell keeps
 * its bindings and answers the next input. */
#include "check.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/time.h>

#include "genlab.h"
#include "shell_eval.h"

static Genlab *g;

static void on_alarm(int sig)
{
    (void)sig;
    genlab_interrupt(g);
}

/* Ctrl-C 300 ms (of real time) from now. */
static void interrupt_soon(void)
{
    struct itimerval t = {{0, 0}, {0, 300000}};
    setitimer(ITIMER_REAL, &t, NULL);
}

/* The shell's answer to one input (malloc'd). */

/* An input that never ends by itself: Ctrl-C stops it. */
static void check_interrupted(const char *input, const char *name)
{
    interrupt_soon();
    check_shell_eval(g, input, "** (EXIT) interrupted\n\n", name);
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    g = genlab_new(0);
    genlab_shell_start(g, false);

    check_shell_eval(g, "x = 41", "41\n", "a binding to keep");

    check_interrupted("defmodule Spin do\n  (fn l -> l.(l) end).(fn l -> l.(l) end)\nend", "Ctrl-C stops an endless module body");
    check_shell_eval(g, "x + 1", "42\n", "the shell keeps its bindings after a module body is stopped");

    check_shell_eval(g, "defmodule Mac do\n  defmacro spin, do: (fn l -> l.(l) end).(fn l -> l.(l) end)\n  defmacro me, do: Macro.escape(self())\nend |> elem(0)",
               ":module\n", "a module of macros");
    check_interrupted("require Mac\nMac.spin()", "Ctrl-C stops an endless macro");
    check_shell_eval(g, "x + 2", "43\n", "the shell keeps its bindings after a macro is stopped");
    check_shell_eval(g, "require Mac\nMac.me() == self()", "true\n", "a macro runs in the shell's process");

    check_shell_eval(g, "defmodule SpinUsing do\n  defmacro __using__(_), do: (fn l -> l.(l) end).(fn l -> l.(l) end)\nend |> elem(0)", ":module\n",
               "a module whose __using__ never returns");
    check_interrupted("defmodule UsesSpin do\n  use SpinUsing\nend", "Ctrl-C stops an endless __using__");
    check_shell_eval(g, "x + 4", "45\n", "the shell keeps its bindings after __using__ is stopped");
    check_shell_eval(g, "defmodule MeUsing do\n  defmacro __using__(_), do: quote(do: def(by, do: unquote(Macro.escape(self()))))\nend\n"
               "defmodule UsesMe do\n  use MeUsing\nend\nUsesMe.by() == self()",
               "true\n", "__using__ runs in the shell's process");

    check_shell_eval(g, "defmodule Loop do\n  defexception [:x]\n  def message(e), do: message(e)\nend |> elem(0)", ":module\n",
               "an exception whose message/1 never returns");
    check_interrupted("raise Loop", "Ctrl-C stops formatting an error whose message/1 never returns");
    check_shell_eval(g, "x + 3", "44\n", "the shell keeps its bindings after formatting is stopped");

    /* A module body that waits, busy, for another process: that process
     * runs beside it (the body is preempted) and its timer fires. */
    check_shell_eval(g, ":ets.new(:flags, [:named_table, :public]) && :ok", ":ok\n", "a table for flags");
    check_shell_eval(g, "spawn(fn -> Process.sleep(20); :ets.insert(:flags, {:ran, true}) end) |> is_pid()", "true\n", "a process that sets a flag later");
    check_shell_eval(g, "defmodule Waits do\n  wait = fn wait -> if :ets.lookup(:flags, :ran) == [], do: wait.(wait), else: :ok end\n"
               "  @seen wait.(wait)\n  def seen, do: @seen\nend |> elem(0)",
               ":module\n", "a busy module body lets the other processes run");
    check_shell_eval(g, "Waits.seen()", ":ok\n", "what the body saw");

    genlab_free(g);
    CHECK_DONE();
}
