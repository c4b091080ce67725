# Process: the Elixir face of the process natives (core/process_natives.c).
defmodule Process do
  def self(), do: :erlang.self()
  def alive?(pid), do: :erlang.is_process_alive(pid)
  def send(dest, msg, options), do: :erlang.send(dest, msg, options)

  def send_after(dest, msg, time, _opts \\ []), do: :erlang.send_after(time, dest, msg)
  def cancel_timer(ref, _options \\ []), do: :erlang.cancel_timer(ref)
  def read_timer(ref), do: :erlang.read_timer(ref)

  def sleep(:infinity) do
    receive do
    end
  end

  def sleep(timeout) when is_integer(timeout) and timeout >= 0 do
    receive do
    after
      timeout -> :ok
    end
  end

  def spawn(fun, _opts) when is_function(fun, 0), do: :erlang.spawn(fun)
  def spawn(mod, fun, args, _opts), do: :erlang.spawn(mod, fun, args)

  def exit(pid, reason), do: :erlang.exit(pid, reason)
  def flag(flag, value), do: :erlang.process_flag(flag, value)

  def link(pid), do: :erlang.link(pid)
  def unlink(pid), do: :erlang.unlink(pid)
  def monitor(item), do: :erlang.monitor(:process, item)
  def demonitor(ref, options \\ []), do: :erlang.demonitor(ref, options)

  def register(pid, name) when is_atom(name) and name not in [nil, false, true, :undefined] do
    :erlang.register(name, pid)
  end

  def unregister(name), do: :erlang.unregister(name)

  def whereis(name) do
    case :erlang.whereis(name) do
      :undefined -> nil
      pid -> pid
    end
  end

  def registered(), do: :erlang.registered()

  def info(pid), do: :erlang.process_info(pid)

  def info(pid, :registered_name) do
    case :erlang.process_info(pid, :registered_name) do
      :undefined -> nil
      [] -> {:registered_name, []}
      other -> other
    end
  end

  def info(pid, spec), do: nilify(:erlang.process_info(pid, spec))

  defp nilify(:undefined), do: nil
  defp nilify(other), do: other

  def list(), do: :erlang.processes()

  def put(key, value), do: nilify(:erlang.put(key, value))
  def get(key, default \\ nil) do
    case :erlang.get(key) do
      :undefined -> default
      value -> value
    end
  end

  def get(), do: :erlang.get()
  def get_keys(), do: :erlang.get_keys()
  def get_keys(value), do: for({k, v} <- :erlang.get(), v === value, do: k)
  def delete(key), do: nilify(:erlang.erase(key))
  def hibernate(mod, fun, args), do: apply(mod, fun, args)
end
