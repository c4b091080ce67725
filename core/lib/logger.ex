# Logger: Elixir 1.14's Logger with its default console backend, which
# writes to standard output (the :user device) in the format
# "\n$time $metadata[$level] $message\n". Time is the virtual clock's
# (System.system_time). Output is synchronous, so it lands in order.
#
# The configuration (level, console format, metadata keys, device) lives
# in a registered process named Logger, started the first time something
# is configured; until then the defaults apply. Metadata is per process.

defmodule Logger do
  @levels [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug]
  @default_format "\n$time $metadata[$level] $message\n"

  # ---- logging ----------------------------------------------------------------

  def emergency(message, metadata \\ []), do: bare_log(:emergency, message, metadata)
  def alert(message, metadata \\ []), do: bare_log(:alert, message, metadata)
  def critical(message, metadata \\ []), do: bare_log(:critical, message, metadata)
  def error(message, metadata \\ []), do: bare_log(:error, message, metadata)
  def warning(message, metadata \\ []), do: bare_log(:warning, message, metadata)
  def warn(message, metadata \\ []), do: bare_log(:warning, message, metadata)
  def notice(message, metadata \\ []), do: bare_log(:notice, message, metadata)
  def info(message, metadata \\ []), do: bare_log(:info, message, metadata)
  def debug(message, metadata \\ []), do: bare_log(:debug, message, metadata)

  def log(level, message, metadata \\ []), do: bare_log(level, message, metadata)

  def bare_log(level, message_or_fun, metadata \\ []) do
    level = elixir_level(level)
    config = config()

    if enabled?(config, level) do
      case evaluate(message_or_fun) do
        :skip ->
          :ok

        {message, extra} ->
          write(config, level, message, Keyword.merge(Keyword.merge(metadata(), metadata), extra))

        message ->
          write(config, level, message, Keyword.merge(metadata(), metadata))
      end
    end

    :ok
  end

  defp evaluate(fun) when is_function(fun, 0) do
    case fun.() do
      {message, metadata} when is_list(metadata) -> {to_chardata(message), metadata}
      :skip -> :skip
      message -> to_chardata(message)
    end
  end

  defp evaluate(message), do: to_chardata(message)

  defp to_chardata(message) when is_binary(message) or is_list(message), do: message
  defp to_chardata(message), do: :genlab.to_string(message)

  # OTP-side reports (gen_server's crash report, ...): `fun` gets the
  # configured level, as Elixir's translator does, and answers chardata.
  @doc false
  def __log_report__(level, fun) do
    config = config()

    if enabled?(config, level) do
      write(config, level, fun.(config.level), metadata())
    end

    :ok
  end

  defp enabled?(%{console: false}, _level), do: false
  defp enabled?(%{level: :none}, _level), do: false
  defp enabled?(%{level: :all}, _level), do: true

  defp enabled?(%{level: min}, level) do
    case :erlang.get(:"$logger_disabled") do
      true -> false
      _ -> level_value(level) <= level_value(min)
    end
  end

  defp level_value(level) do
    case level do
      :emergency -> 0
      :alert -> 1
      :critical -> 2
      :error -> 3
      :warning -> 4
      :notice -> 5
      :info -> 6
      :debug -> 7
      :all -> 8
      :none -> -1
    end
  end

  defp elixir_level(:warn), do: :warning
  defp elixir_level(level) when level in @levels, do: level

  defp elixir_level(level) do
    raise ArgumentError,
          "invalid level for Logger: " <> inspect(level) <>
            ". Valid levels are: " <> Enum.map_join(@levels, ", ", &inspect/1)
  end

  defp write(config, level, message, metadata) do
    out = format(config.format, level, message, :erlang.system_time(:millisecond), metadata, config.metadata)
    device = if config.device in [:standard_error, :stderr], do: :stderr, else: :stdio
    :genlab.log_chars(device, out)
  end

  # ---- the console format -----------------------------------------------------

  @doc false
  def format(pattern, level, message, ms, metadata, keys) do
    Enum.map(compile_format(pattern), fn
      :time -> format_time(ms)
      :date -> format_date(ms)
      :level -> :erlang.atom_to_binary(level, :utf8)
      :levelpad -> levelpad(level)
      :message -> message
      :metadata -> format_metadata(metadata, keys)
      :node -> "nonode@nohost"
      text -> text
    end)
  end

  defp compile_format(nil), do: compile_format(@default_format)
  defp compile_format(pattern) when is_binary(pattern), do: compile_format(pattern, "", [])
  defp compile_format(pattern) when is_list(pattern), do: compile_format(List.to_string(pattern))

  defp compile_format(<<>>, text, acc), do: :lists.reverse(push_text(text, acc))

  defp compile_format(<<"$", rest::binary>>, text, acc) do
    keys = [{"time", :time}, {"date", :date}, {"levelpad", :levelpad}, {"level", :level}, {"message", :message},
            {"metadata", :metadata}, {"node", :node}]

    case Enum.find(keys, fn {k, _} -> String.starts_with?(rest, k) end) do
      {k, key} ->
        size = byte_size(k)
        <<_::binary-size(size), rest::binary>> = rest
        compile_format(rest, "", [key | push_text(text, acc)])

      nil ->
        compile_format(rest, text <> "$", acc)
    end
  end

  defp compile_format(<<c::utf8, rest::binary>>, text, acc), do: compile_format(rest, text <> <<c::utf8>>, acc)

  defp push_text("", acc), do: acc
  defp push_text(text, acc), do: [text | acc]

  defp levelpad(level) do
    :binary.copy(" ", 7 - byte_size(:erlang.atom_to_binary(level, :utf8)))
  end

  defp format_metadata(metadata, :all) do
    Enum.map(metadata, fn {k, v} -> [:erlang.atom_to_binary(k, :utf8), "=", metadata_value(v), " "] end)
  end

  defp format_metadata(metadata, keys) when is_list(keys) do
    Enum.flat_map(keys, fn key ->
      case Keyword.fetch(metadata, key) do
        {:ok, v} -> [[:erlang.atom_to_binary(key, :utf8), "=", metadata_value(v), " "]]
        :error -> []
      end
    end)
  end

  defp format_metadata(_metadata, _keys), do: []

  defp metadata_value(v) when is_binary(v), do: v
  defp metadata_value(v) when is_atom(v) or is_number(v), do: :genlab.to_string(v)
  defp metadata_value(v) when is_pid(v), do: String.slice(inspect(v), 4..-1)
  defp metadata_value(v), do: inspect(v)

  defp pad(n, width), do: String.pad_leading(:erlang.integer_to_binary(n), width, "0")

  defp format_time(ms) do
    day_ms = rem(ms, 86_400_000)
    [pad(div(day_ms, 3_600_000), 2), ":", pad(rem(div(day_ms, 60_000), 60), 2), ":",
     pad(rem(div(day_ms, 1000), 60), 2), ".", pad(rem(day_ms, 1000), 3)]
  end

  defp format_date(ms) do
    {y, m, d} = Calendar.ISO.unix_days_to_date(div(ms, 86_400_000))
    [pad(y, 4), "-", pad(m, 2), "-", pad(d, 2)]
  end

  # ---- metadata ---------------------------------------------------------------

  def metadata() do
    case :erlang.get(:logger_metadata) do
      {true, metadata} -> metadata
      _ -> []
    end
  end

  def metadata(keyword) do
    merged =
      Enum.reduce(keyword, metadata(), fn
        {key, nil}, acc -> Keyword.delete(acc, key)
        {key, value}, acc -> Keyword.put(acc, key, value)
      end)

    :erlang.put(:logger_metadata, {true, merged})
    :ok
  end

  def reset_metadata(keyword \\ []) do
    :erlang.erase(:logger_metadata)
    metadata(keyword)
  end

  def enable(pid) when pid == self() do
    :erlang.erase(:"$logger_disabled")
    :ok
  end

  def disable(pid) when pid == self() do
    :erlang.put(:"$logger_disabled", true)
    :ok
  end

  def enabled?(pid) when pid == self(), do: :erlang.get(:"$logger_disabled") != true

  # ---- configuration ----------------------------------------------------------

  def level(), do: config().level

  def compare_levels(level, level), do: :eq

  def compare_levels(left, right) do
    if level_value(elixir_level(left)) > level_value(elixir_level(right)), do: :lt, else: :gt
  end

  def configure(options) do
    options =
      Enum.map(options, fn
        {:level, level} when level in [:all, :none] -> {:level, level}
        {:level, level} -> {:level, elixir_level(level)}
        other -> other
      end)

    update(fn config ->
      Enum.reduce(options, config, fn
        {:level, level}, acc -> Map.put(acc, :level, level)
        _, acc -> acc
      end)
    end)

    :ok
  end

  def configure_backend(:console, options) do
    update(fn config ->
      Enum.reduce(options, config, fn
        {:format, format}, acc -> Map.put(acc, :format, format)
        {:metadata, keys}, acc -> Map.put(acc, :metadata, keys)
        {:device, device}, acc -> Map.put(acc, :device, device)
        _, acc -> acc
      end)
    end)

    :ok
  end

  def configure_backend(_backend, _options), do: :ok

  def add_backend(:console, _opts \\ []) do
    update(fn config -> Map.put(config, :console, true) end)
    {:ok, self()}
  end

  def remove_backend(:console, _opts \\ []) do
    update(fn config -> Map.put(config, :console, false) end)
    :ok
  end

  def flush(), do: :ok

  defp default_config() do
    %{level: :debug, format: nil, metadata: [], device: :user, console: true}
  end

  defp config() do
    case :erlang.whereis(Logger) do
      :undefined ->
        default_config()

      pid ->
        ref = :erlang.make_ref()
        send(pid, {:"$logger_config", self(), ref})

        receive do
          {^ref, config} -> config
        end
    end
  end

  defp update(fun) do
    pid =
      case :erlang.whereis(Logger) do
        :undefined ->
          pid = :erlang.spawn(Logger, :__config_loop__, [default_config()])
          :erlang.register(Logger, pid)
          pid

        pid ->
          pid
      end

    ref = :erlang.make_ref()
    send(pid, {:"$logger_update", fun, self(), ref})

    receive do
      {^ref, :ok} -> :ok
    end
  end

  @doc false
  def __config_loop__(config) do
    receive do
      {:"$logger_config", from, ref} ->
        send(from, {ref, config})
        __config_loop__(config)

      {:"$logger_update", fun, from, ref} ->
        config = fun.(config)
        send(from, {ref, :ok})
        __config_loop__(config)

      _ ->
        __config_loop__(config)
    end
  end
end
