# Task.async_stream: one task per element, at most :max_concurrency at a
# time, results in input order unless ordered: false; timeouts either exit
# the caller or become {:exit, :timeout}.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

IO.inspect Task.async_stream(1..5, fn x -> Process.sleep(100 * (6 - x)); x * 2 end) |> Enum.to_list()
IO.inspect Task.async_stream([3, 1, 2], fn x -> Process.sleep(x * 500); x end, ordered: false, max_concurrency: 3) |> Enum.map(fn {:ok, v} -> v end)
IO.inspect Task.async_stream([1, 2000, 3], fn x -> Process.sleep(x); x end, timeout: 1000, on_timeout: :kill_task) |> Enum.to_list()
IO.inspect Task.async_stream([1, 2000, 3], fn x -> Process.sleep(x); x end, timeout: 1000, on_timeout: :kill_task, zip_input_on_exit: true) |> Enum.to_list()
IO.inspect Task.async_stream([1, 2, 3], Integer, :to_string, [2]) |> Enum.to_list()
IO.inspect Task.async_stream([1, 2, 3], fn x -> x end) |> Enum.take(2)
IO.inspect Task.async_stream([1, 2, 3], fn x -> x end, max_concurrency: 1) |> Enum.map(fn {:ok, x} -> x end) |> Enum.sum()
{:ok, s} = Task.Supervisor.start_link()
IO.inspect Task.Supervisor.async_stream_nolink(s, [1, 2, 3], fn 2 -> exit(:two); x -> x end) |> Enum.to_list()
IO.inspect Task.Supervisor.async_stream(s, [1, 2, 3], fn x -> x * 10 end) |> Enum.to_list()
try do
  Task.async_stream([1, 2000], fn x -> Process.sleep(x); x end, timeout: 500) |> Enum.to_list()
catch
  :exit, r -> IO.inspect(r)
end
IO.inspect Process.info(self(), :message_queue_len)
