/* test_compile_run.c - compiles that wait for compile-time code are
 * restarted with the outcomes of the calls they made (compile_run.h): the
 * result is the one compile's, each call runs once, what the compiler
 * prints it prints once, and a compile whose process ends is freed. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

#include "compile_internal.h"
#include "compile_run.h"
#include "genlab.h"
#include "shell_eval.h"
#include "state.h"

static Genlab *g;

/* What the runtime wrote on standard error. */
static char errors[8192];
static size_t nerrors;

static void capture(int stream, const char *bytes, size_t len)
{
    if (stream != 2) return;
    if (len > sizeof errors - 1 - nerrors) len = sizeof errors - 1 - nerrors;
    memcpy(errors + nerrors, bytes, len);
    nerrors += len;
    errors[nerrors] = 0;
}

static size_t count_of(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *at = strstr(text, what); at; at = strstr(at + 1, what)) n++;
    return n;
}

/* "defmodule NAME do ... end" using Mac.twice n times, each in a
 * function body and an attribute, answering the sum from total/0. */
static char *module_with_macros(const char *name, int n)
{
    size_t cap = 256 + (size_t)n * 96;
    char *src = malloc(cap);
    size_t len = (size_t)snprintf(src, cap, "defmodule %s do\n  require Mac\n", name);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(src + len, cap - len, "  @a%d Mac.twice(%d)\n  def f%d, do: Mac.twice(@a%d)\n", i, i, i, i);
    len += (size_t)snprintf(src + len, cap - len, "  def total, do: Enum.sum(for i <- 0..%d, do: apply(__MODULE__, :\"f#{i}\", []))\nend |> elem(0)",
                            n - 1);
    return src;
}

int main(void)
{
    g = genlab_new(0);
    genlab_set_writer(g, capture);
    genlab_shell_start(g, false);

    check_shell_eval(g, "defmodule Mac do\n  defmacro twice(x) do\n    send(self(), :expanded)\n    quote(do: unquote(x) * 2)\n  end\nend |> elem(0)",
                     ":module\n", "a module of macros");

    /* a macro used 100 times (and as many attributes): one attempt per call,
     * each call made once */
    uint64_t before = compile_run_attempts();
    char *src = module_with_macros("Many", 100);
    check_shell_eval(g, src, ":module\n", "a module with 200 compile-time calls compiles");
    free(src);
    /* the input's chunk compiles once; the defmodule in it, at run time,
     * makes 100 attribute statements with a macro in each (2 calls each)
     * and 100 macro calls in functions: 300 calls, 301 attempts */
    CHECK(compile_run_attempts() - before == 302, "it compiled once per call and once more");
    check_shell_eval(g, "Many.total()", "19800\n", "its functions answer what the macros made");
    check_shell_eval(g, "Stream.repeatedly(fn -> receive do :expanded -> 1 after 0 -> nil end end) |> Enum.take_while(& &1) |> length()",
                     "200\n", "each expansion ran once, in the shell's process");

    /* the compiler's own output is not repeated by the attempts after it */
    nerrors = 0;
    check_shell_eval(g, "defmodule Warns do\n  require Mac\n  def w(unused), do: 1\n  @x Mac.twice(1)\n  @y Mac.twice(@x)\n  def y, do: @y\nend |> elem(0)",
                     ":module\n", "a module with a warning and compile-time calls");
    CHECK(count_of(errors, "variable \"unused\" is unused") == 1, "its warning is printed once");

    /* defs that a module body statement makes are kept with its outcome */
    check_shell_eval(g, "defmodule Made do\n  require Mac\n  for n <- [:a, :b], do: def unquote(n)(), do: unquote(n)\n  @c Mac.twice(3)\n  def c, do: @c\n"
                        "  defmodule Inner do\n    def i, do: Mac.twice(5)\n  end\n  @d Mac.twice(Inner.i())\n  def d, do: @d\nend |> elem(0)",
                     ":module\n", "defs made by a statement and a nested module, then more calls");
    check_shell_eval(g, "{Made.a(), Made.b(), Made.c(), Made.d(), Made.Inner.i()}", "{:a, :b, 6, 20, 10}\n",
                     "each made once and all there");

    /* nested modules compiled in full are skipped by the attempts after
     * them: the parent still sees each one, its struct and its functions */
    check_shell_eval(g, "defmodule Parent do\n  require Mac\n  defmodule S do\n    defstruct a: Mac.twice(1)\n    @b Mac.twice(2)\n    def b, do: @b\n  end\n"
                        "  @x Mac.twice(3)\n  defmodule T do\n    def t, do: Mac.twice(4)\n  end\n  @s %S{a: @x + S.b() + T.t()}\n  def s, do: @s\nend |> elem(0)",
                     ":module\n", "nested modules with calls, then more calls in the parent");
    check_shell_eval(g, "{Parent.s(), Parent.S.b(), Parent.T.t(), %Parent.S{}.a}", "{%Parent.S{a: 18}, 4, 8, 2}\n", "all of them as compiled once");

    /* a compile in another process waits in its module body for a message,
     * while the shell goes on; told, it finishes */
    size_t runs = compile_run_count();
    check_shell_eval(g, "parent = self()\nw = spawn(fn -> Code.eval_string(\"defmodule Later do\\n  require Mac\\n  @x Mac.twice(1)\\n"
                        "  @got (receive do n when is_integer(n) -> n end)\\n  @me self()\n  def got, do: {@x, @got, @me}\\nend\"); send(parent, :done) end)\n:ok",
                     ":ok\n", "a compile that waits in a receive");
    check_shell_eval(g, "Process.sleep(10)", ":ok\n", "the shell goes on");
    CHECK(compile_run_count() == runs + 1, "its run waits");
    CHECK(compile_scratch_blocks() == 0, "the attempt it left holds no working memory");
    check_shell_eval(g, "send(w, 42)\nreceive do :done -> :ok end\n{x, 42, pid} = Later.got(); {x, pid == w}", "{2, true}\n",
                     "the receive's message resumes it, in its own process");
    CHECK(compile_run_count() == runs, "its run ended with it");

    /* compiles abandoned by their process's end are freed: one in a module
     * body, one nested in a module body statement's Code.eval_string */
    check_shell_eval(g, "a = spawn(fn -> Code.eval_string(\"defmodule A1 do\\n  receive do: (:never -> :ok)\\nend\") end)\n"
                        "b = spawn(fn -> Code.eval_string(\"defmodule B1 do\\n  Code.eval_string(\\\"defmodule C1 do\\\\n  receive do: (:never -> :ok)\\\\n end\\\")\\nend\") end)\n:ok",
                     ":ok\n", "two compiles that wait forever");
    check_shell_eval(g, "Process.sleep(10)", ":ok\n", "they wait");
    CHECK(compile_run_count() == runs + 3, "three runs wait (one nested in another)");
    check_shell_eval(g, "Process.exit(a, :kill); Process.exit(b, :kill); Process.sleep(1)", ":ok\n", "their processes are killed");
    CHECK(compile_run_count() == runs, "their runs are freed");

    /* an error in compile-time code after some calls: Elixir's message */
    char *failed = shell_eval_text(g, "defmodule Fails do\n  require Mac\n  @x Mac.twice(1)\n  @y raise(ArgumentError, \"at #{@x}\")\nend");
    CHECK(!strncmp(failed, "** (ArgumentError) at 2\n    iex:", 32) && strstr(failed, ": (module)\n"), "an error after a call is the module body's");
    free(failed);

    /* abandoned compiles give back what they had open: failed ones (in a
     * def, in a fn in a def, at the top level) and left attempts */
    check_shell_eval(g, "for code <- [\"x = 1\\ny = nope(x)\", \"defmodule Bad do\\n def f(x), do: fn -> g(x) end\\nend\", \"1 +\"], _ <- 1..100 do\n"
                        "  try do\n    Code.eval_string(code)\n  rescue\n    _ -> :failed\n  end\nend |> Enum.uniq()",
                     "[:failed]\n", "300 compiles that fail");
    CHECK(compile_scratch_blocks() == 0, "no compile's working memory is left over");

    genlab_free(g);
    CHECK_DONE();
}
