/* test_costs.c - the cost model the BEAM teaches, pinned by what a program
 * can observe rather than by timing: a call answers however many messages
 * wait in the caller's mailbox (the reference trick), sequential calls run
 * in constant memory (each receive's timeout leaves with it), and
 * cancelled or read timers are found by reference among many. */
#include "check.h"

#include <stdio.h>

#include "script.h"
#include "sched.h"
#include "vm.h"

/* This program's resident memory in bytes, from /proc/self/statm (not
 * under AddressSanitizer, whose quarantine keeps freed memory resident). */
#ifndef __SANITIZE_ADDRESS__
static long resident_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (!f) return -1;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2) resident = -1;
    fclose(f);
    return resident * 4096;
}
#endif

/* What the calls program printed: the last answer, then the caller's and
 * the server's memory after 1,000 calls and after all of them. A process
 * that kept anything per call would hold at least a word per call. */
static void check_call_memory(long answer)
{
    long n = 0, c0 = 0, c1 = 0, s0 = 0, s1 = 0;
    /* its last line: a second run defines Counter again, which Elixir
     * warns about first ("redefining module Counter") */
    const char *last = out;
    for (const char *c = out; *c; c++)
        if (c[0] == '\n' && c[1]) last = c + 1;
    CHECK(sscanf(last, "%ld %ld %ld %ld %ld", &n, &c0, &c1, &s0, &s1) == 5 && n == answer, "each call answered");
    printf("# after %ld calls: caller %ld -> %ld bytes, server %ld -> %ld bytes\n", answer - 1000, c0, c1, s0, s1);
    CHECK(c0 > 0 && c1 <= 16384 + 4 * c0, "the caller's own memory did not grow with the calls");
    CHECK(s0 > 0 && s1 <= 16384 + 4 * s0, "the server's own memory did not grow with the calls");
}

int main(void)
{
    script_init();

    CHECK(run("defmodule Echo do\n"
              "  use GenServer\n"
              "  def init(s), do: {:ok, s}\n"
              "  def handle_call(:ping, _from, s), do: {:reply, {:pong, s}, s + 1}\n"
              "end\n"
              "{:ok, pid} = GenServer.start_link(Echo, 0)\n"
              "for i <- 1..100_000, do: send(self(), {:waiting, i})\n"
              "replies = for _ <- 1..1_000, do: GenServer.call(pid, :ping)\n"
              "IO.inspect({hd(replies), List.last(replies)})\n"
              "{:message_queue_len, n} = Process.info(self(), :message_queue_len)\n"
              "{:messages, msgs} = Process.info(self(), :messages)\n"
              "IO.inspect({n, hd(msgs), List.last(msgs)})\n"
              "Enum.each(msgs, fn m -> receive do ^m -> :ok end end)\n") == 0,
          "calls answer while 100,000 messages wait in the caller's mailbox");
    CHECK_STR(out, "{{:pong, 0}, {:pong, 999}}\n{100000, {:waiting, 1}, {:waiting, 100000}}\n",
              "every reply arrives and the waiting messages stay, in order");

    CHECK(run("ref = make_ref()\n"
              "send(self(), {:old, ref})\n"
              "r2 = make_ref()\n"
              "send(self(), {:new, r2})\n"
              "receive do {tag, ^ref} -> IO.inspect(tag) end\n"
              "receive do {tag, ^r2} -> IO.inspect(tag) end\n") == 0,
          "a receive on a reference finds a message sent before the next reference was made");
    CHECK_STR(out, ":old\n:new\n", "both messages are received");

    CHECK(run("pid = spawn(fn -> :ok end)\n"
              "Process.sleep(1)\n"
              "ref = Process.monitor(pid)\n"
              "receive do {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason) end\n") == 0,
          "a monitor of a dead process delivers its DOWN after the marker");
    CHECK_STR(out, ":noproc\n", "and the receive on its reference finds it");

    /* A process waiting in a receive holds what its code reads again, not
     * what a finished call left in the registers above: the 100,000-element
     * list is garbage once the receive starts (vm_registers_in_use). */
    CHECK(run("pid = spawn(fn ->\n"
              "  n = length(Enum.reverse(Enum.to_list(1..100_000)))\n"
              "  receive do :stop -> IO.puts(n) end\n"
              "end)\n"
              "Process.sleep(10)\n"
              ":erlang.garbage_collect(pid)\n"
              "{:memory, m} = Process.info(pid, :memory)\n"
              "IO.inspect(m < 100_000)\n"
              "send(pid, :stop)\n"
              "Process.sleep(10)\n") == 0,
          "a process waits in a receive after building a long list");
    CHECK_STR(out, "true\n100000\n", "its memory is what it still reads, and it goes on after the receive");

    /* The caller's and the server's own memory (heap, stack, mailbox) after
     * a first 1,000 calls and after N more, each after a garbage
     * collection: the second must not have grown with N. */
    const char *calls = "defmodule Counter do\n"
                        "  use GenServer\n"
                        "  def init(s), do: {:ok, s}\n"
                        "  def handle_call(:next, _from, s), do: {:reply, s, s + 1}\n"
                        "end\n"
                        "{:ok, pid} = GenServer.start_link(Counter, 0)\n"
                        "mem = fn -> :erlang.garbage_collect(); :erlang.garbage_collect(pid)\n"
                        "  {Process.info(self(), :memory), Process.info(pid, :memory)} end\n"
                        "Enum.each(1..1_000, fn _ -> GenServer.call(pid, :next) end)\n"
                        "{{:memory, c0}, {:memory, s0}} = mem.()\n"
                        "Enum.each(1..%d, fn _ -> GenServer.call(pid, :next) end)\n"
                        "{{:memory, c1}, {:memory, s1}} = mem.()\n"
                        "IO.puts(\"#{GenServer.call(pid, :next)} #{c0} #{c1} #{s0} #{s1}\")\n";
    char src[2048];
    snprintf(src, sizeof src, calls, 100000);
    CHECK(run(src) == 0, "100,000 sequential calls run");
    check_call_memory(101000);
#ifndef __SANITIZE_ADDRESS__
    /* (AddressSanitizer keeps freed memory in quarantine: RSS says nothing there) */
    long before = resident_bytes();
    snprintf(src, sizeof src, calls, 2000000);
    CHECK(run(src) == 0, "2,000,000 sequential calls run");
    check_call_memory(2001000);
    long grown = resident_bytes() - before;
    printf("# resident memory grew by %ld KB over 2,000,000 calls\n", grown / 1024);
    CHECK(before > 0 && grown < 8L * 1024 * 1024, "2,000,000 calls hold no memory once answered (receive timeouts cancelled)");
#endif

    /* the times left are exact when work takes no virtual time */
    sched_set_cpu_ps(0);
    CHECK(run("refs = for i <- 1..20_000, do: Process.send_after(self(), {:t, i}, 1_000 + i)\n"
              "cancelled = refs |> Enum.take_every(2) |> Enum.map(&Process.cancel_timer/1)\n"
              "IO.inspect({hd(cancelled), List.last(cancelled)})\n"
              "IO.inspect(Process.read_timer(Enum.at(refs, 1)))\n"
              "IO.inspect(Process.cancel_timer(hd(refs)))\n"
              "Process.sleep(30_000)\n"
              "{:messages, msgs} = Process.info(self(), :messages)\n"
              "IO.inspect({length(msgs), hd(msgs), List.last(msgs)})\n") == 0,
          "20,000 timers, half cancelled by reference");
    CHECK_STR(out, "{1001, 20999}\n1002\nfalse\n{10000, {:t, 2}, {:t, 20000}}\n",
              "cancel and read find each timer; only the others fire, in order");
    sched_set_cpu_ps(SCHED_DEFAULT_CPU_PS);
    CHECK_DONE();
}
