defmodule System.EnvError do
  defexception [:env]

  def message(%{env: env}) do
    "could not fetch environment variable " <> inspect(env) <> " because it is not set"
  end
end

defmodule System do
  # The few System functions genlab provides. Time is virtual in genlab:
  # the clock is the runtime's, not the machine's.

  def argv, do: :genlab.argv()

  def version, do: "1.14.0"
  def otp_release, do: "25"

  def system_time, do: :erlang.system_time()
  def system_time(unit), do: :erlang.system_time(normalize_unit(unit))

  def monotonic_time, do: :erlang.monotonic_time()
  def monotonic_time(unit), do: :erlang.monotonic_time(normalize_unit(unit))

  def os_time, do: :erlang.system_time()
  def os_time(unit), do: :erlang.system_time(normalize_unit(unit))

  def time_offset, do: :erlang.time_offset()
  def time_offset(unit), do: :erlang.time_offset(normalize_unit(unit))

  def convert_time_unit(time, from_unit, to_unit) do
    :erlang.convert_time_unit(time, normalize_unit(from_unit), normalize_unit(to_unit))
  end

  def unique_integer(modifiers \\ []), do: :erlang.unique_integer(modifiers)

  def schedulers, do: 1
  def schedulers_online, do: 1

  def halt(status \\ 0), do: :erlang.halt(status)
  def stop(status \\ 0), do: :erlang.halt(status)

  def pid, do: :erlang.list_to_binary(:os.getpid())

  def get_env(varname, default \\ nil) when is_binary(varname) do
    case :os.getenv(:erlang.binary_to_list(varname)) do
      false -> default
      value -> :erlang.list_to_binary(value)
    end
  end

  def fetch_env(varname) when is_binary(varname) do
    case :os.getenv(:erlang.binary_to_list(varname)) do
      false -> :error
      value -> {:ok, :erlang.list_to_binary(value)}
    end
  end

  def fetch_env!(varname) when is_binary(varname) do
    case fetch_env(varname) do
      {:ok, value} ->
        value

      :error ->
        raise System.EnvError, env: varname
    end
  end

  defp normalize_unit(:native), do: :native
  defp normalize_unit(:second), do: :second
  defp normalize_unit(:millisecond), do: :millisecond
  defp normalize_unit(:microsecond), do: :microsecond
  defp normalize_unit(:nanosecond), do: :nanosecond
  defp normalize_unit(n) when is_integer(n) and n > 0, do: n

  defp normalize_unit(other) do
    raise ArgumentError,
          "unsupported time unit. Expected :second, :millisecond, " <>
            ":microsecond, :nanosecond, or a positive integer, " <> "got " <> inspect(other)
  end
end
