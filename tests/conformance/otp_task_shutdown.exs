# Task.shutdown: a task that traps exits gets time to finish; one that
# does not is stopped at once; :brutal_kill does not wait.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

trapping =
  Task.async(fn ->
    Process.flag(:trap_exit, true)

    receive do
      {:EXIT, _, :shutdown} ->
        IO.puts("task cleaning up")
        Process.sleep(100)
        exit(:shutdown)
    end
  end)

Process.sleep(10)
t0 = System.monotonic_time(:millisecond)
IO.inspect(Task.shutdown(trapping), label: "trapping")
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 100, label: "waited for cleanup")

stubborn =
  Task.async(fn ->
    Process.flag(:trap_exit, true)
    Process.sleep(:infinity)
  end)

Process.sleep(10)
t0 = System.monotonic_time(:millisecond)
IO.inspect(Task.shutdown(stubborn, 2000), label: "stubborn")
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 2000, label: "killed after the timeout")

sleeper = Task.async(fn -> Process.sleep(:infinity) end)
IO.inspect(Task.shutdown(sleeper, :brutal_kill), label: "brutal")
IO.inspect(Process.alive?(sleeper.pid))

replier = Task.async(fn -> :answer end)
Process.sleep(10)
IO.inspect(Task.shutdown(replier, :brutal_kill), label: "already replied")

Process.flag(:trap_exit, true)
failing = Task.async(fn -> exit(:failed) end)
Process.sleep(100)
IO.inspect(Task.shutdown(failing), label: "failed before shutdown")

try do
  Task.shutdown(Task.completed(1))
rescue
  e in ArgumentError -> IO.puts(Exception.message(e) |> String.split(",") |> hd())
end

{:messages, messages} = Process.info(self(), :messages)

IO.inspect(
  Enum.map(messages, fn
    {:EXIT, _pid, reason} -> {:EXIT, reason}
    {ref, value} when is_reference(ref) -> {:reply, value}
  end)
)
