# :sys - system messages to OTP-style processes (get_state, replace_state,
# get_status, suspend/resume, terminate) and their debug facilities
# (trace, log, statistics), as OTP 25's sys module does them. Debug output
# is printed the Erlang way (io:format's ~p, ~w), with a small Erlang term
# writer and pretty printer (io_lib_pretty's layout) at the end of this
# file.

defmodule :sys do
  # ---- the client side ------------------------------------------------------

  def get_state(name), do: reply_or_error(send_system_msg(name, :get_state))
  def get_state(name, timeout), do: reply_or_error(send_system_msg(name, :get_state, timeout))

  def replace_state(name, fun), do: reply_or_error(send_system_msg(name, {:replace_state, fun}))

  def replace_state(name, fun, timeout) do
    reply_or_error(send_system_msg(name, {:replace_state, fun}, timeout))
  end

  defp reply_or_error({:error, reason}), do: :erlang.error(reason)
  defp reply_or_error({:ok, state}), do: state
  defp reply_or_error(state), do: state

  def get_status(name), do: send_system_msg(name, :get_status)
  def get_status(name, timeout), do: send_system_msg(name, :get_status, timeout)

  def suspend(name), do: send_system_msg(name, :suspend)
  def suspend(name, timeout), do: send_system_msg(name, :suspend, timeout)
  def resume(name), do: send_system_msg(name, :resume)
  def resume(name, timeout), do: send_system_msg(name, :resume, timeout)

  def terminate(name, reason), do: send_system_msg(name, {:terminate, reason})
  def terminate(name, reason, timeout), do: send_system_msg(name, {:terminate, reason}, timeout)

  def change_code(name, mod, vsn, extra), do: send_system_msg(name, {:change_code, mod, vsn, extra})

  def change_code(name, mod, vsn, extra, timeout) do
    send_system_msg(name, {:change_code, mod, vsn, extra}, timeout)
  end

  def log(name, flag), do: send_system_msg(name, {:debug, {:log, flag}})
  def log(name, flag, timeout), do: send_system_msg(name, {:debug, {:log, flag}}, timeout)
  def trace(name, flag), do: send_system_msg(name, {:debug, {:trace, flag}})
  def trace(name, flag, timeout), do: send_system_msg(name, {:debug, {:trace, flag}}, timeout)
  def statistics(name, flag), do: send_system_msg(name, {:debug, {:statistics, flag}})
  def statistics(name, flag, timeout), do: send_system_msg(name, {:debug, {:statistics, flag}}, timeout)
  def no_debug(name), do: send_system_msg(name, {:debug, :no_debug})
  def no_debug(name, timeout), do: send_system_msg(name, {:debug, :no_debug}, timeout)

  defp send_system_msg(name, request) do
    try do
      :gen.call(name, :system, request)
    catch
      :exit, reason -> exit_from_send({reason, mfa(name, request)}, 2, 338)
    else
      {:ok, res} -> res
    end
  end

  defp send_system_msg(name, request, timeout) do
    try do
      :gen.call(name, :system, request, timeout)
    catch
      :exit, reason -> exit_from_send({reason, mfa(name, request, timeout)}, 3, 344)
    else
      {:ok, res} -> res
    end
  end

  # Exits as OTP 25's sys.erl does, from send_system_msg/2,3 at `line`;
  # get_state and replace_state wait for its answer, so their frame shows
  # too, while the other functions tail-call it.
  defp exit_from_send(reason, arity, line) do
    {:current_stacktrace, stack} = :erlang.process_info(self(), :current_stacktrace)

    waiting =
      for {:sys, fun, n, _} <- stack, waiting = waiting_line(fun, n), waiting != nil do
        {:sys, fun, n, [file: 'sys.erl', line: waiting]}
      end

    top = {:sys, :send_system_msg, arity, [file: 'sys.erl', line: line]}
    :genlab_support.raise_from(:exit, reason, :sys, [top | :lists.sublist(waiting, 1)])
  end

  defp waiting_line(:get_state, 1), do: 139
  defp waiting_line(:get_state, 2), do: 149
  defp waiting_line(:replace_state, 2), do: 159
  defp waiting_line(:replace_state, 3), do: 170
  defp waiting_line(_fun, _arity), do: nil

  defp mfa(name, {:debug, {fun, arg}}), do: {:sys, fun, [name, arg]}
  defp mfa(name, {:change_code, mod, vsn, extra}), do: {:sys, :change_code, [name, mod, vsn, extra]}
  defp mfa(name, {:terminate, reason}), do: {:sys, :terminate, [name, reason]}
  defp mfa(name, request), do: {:sys, request, [name]}

  defp mfa(name, req, timeout) do
    {:sys, fun, args} = mfa(name, req)
    {:sys, fun, args ++ [timeout]}
  end

  # ---- the process side -----------------------------------------------------

  # Called by a behaviour's loop on {:system, from, request}; does not
  # return: continues with mod.system_continue/3 or system_terminate/4.
  def handle_system_msg(request, from, parent, mod, debug, misc) do
    do_handle_system_msg(:running, request, from, parent, mod, debug, misc)
  end

  def handle_system_msg(request, from, parent, mod, debug, misc, _hib) do
    do_handle_system_msg(:running, request, from, parent, mod, debug, misc)
  end

  defp do_handle_system_msg(sys_state, request, from, parent, mod, debug, misc) do
    case do_cmd(sys_state, request, parent, mod, debug, misc) do
      {:suspended, reply, ndebug, nmisc} ->
        :gen.reply(from, reply)
        suspend_loop(parent, mod, ndebug, nmisc)

      {:running, reply, ndebug, nmisc} ->
        :gen.reply(from, reply)
        mod.system_continue(parent, ndebug, nmisc)

      {{:terminating, reason}, reply, ndebug, nmisc} ->
        :gen.reply(from, reply)
        mod.system_terminate(reason, parent, ndebug, nmisc)
    end
  end

  @doc false
  def __genlab_hold__(parent, mod, debug, misc), do: suspend_loop(parent, mod, debug, misc)

  # Suspended: only system messages (and the parent's exit) are taken;
  # everything else waits in the mailbox.
  defp suspend_loop(parent, mod, debug, misc) do
    receive do
      {:system, from, request} ->
        do_handle_system_msg(:suspended, request, from, parent, mod, debug, misc)

      {:EXIT, ^parent, reason} when parent != self() ->
        mod.system_terminate(reason, parent, debug, misc)
    end
  end

  defp do_cmd(_, :suspend, _parent, _mod, debug, misc), do: {:suspended, :ok, debug, misc}

  # genlab's step/2: a suspended process handles n more messages, then is
  # suspended again (see GenServer's loop).
  defp do_cmd(:suspended, {:genlab_step, n}, _parent, mod, debug, misc) do
    if :erlang.function_exported(mod, :__genlab_step__, 2),
      do: {:running, :ok, debug, mod.__genlab_step__(misc, n)},
      else: {:suspended, {:error, :not_supported}, debug, misc}
  end
  defp do_cmd(_, :resume, _parent, _mod, debug, misc), do: {:running, :ok, debug, misc}

  defp do_cmd(sys_state, :get_state, _parent, mod, debug, misc) do
    reply =
      if :erlang.function_exported(mod, :system_get_state, 1) do
        try do
          {:ok, _} = mod.system_get_state(misc)
        catch
          class, reason -> {:error, {:callback_failed, {mod, :system_get_state}, {class, reason}}}
        end
      else
        {:ok, misc}
      end

    {sys_state, reply, debug, misc}
  end

  defp do_cmd(sys_state, {:replace_state, fun}, _parent, mod, debug, misc) do
    if :erlang.function_exported(mod, :system_replace_state, 2) do
      try do
        {:ok, state, nmisc} = mod.system_replace_state(fun, misc)
        {sys_state, {:ok, state}, debug, nmisc}
      catch
        class, reason ->
          {sys_state, {:error, {:callback_failed, {mod, :system_replace_state}, {class, reason}}}, debug, misc}
      end
    else
      nmisc = fun.(misc)
      {sys_state, {:ok, nmisc}, debug, nmisc}
    end
  end

  defp do_cmd(sys_state, :get_status, parent, mod, debug, misc) do
    pdict = :erlang.get()

    fmt_misc =
      if :erlang.function_exported(mod, :format_status, 2) do
        mod.format_status(:normal, [pdict, sys_state, parent, debug, misc])
      else
        misc
      end

    {sys_state, {:status, self(), {:module, mod}, [pdict, sys_state, parent, debug, fmt_misc]}, debug, misc}
  end

  defp do_cmd(_sys_state, {:terminate, reason}, _parent, _mod, debug, misc) do
    {{:terminating, reason}, :ok, debug, misc}
  end

  defp do_cmd(:suspended, {:change_code, module, vsn, extra}, _parent, mod, debug, misc) do
    result =
      if :erlang.function_exported(mod, :system_code_change, 4) do
        mod.system_code_change(misc, module, vsn, extra)
      else
        {:ok, misc}
      end

    case result do
      {:ok, nmisc} -> {:suspended, :ok, debug, nmisc}
      else_ -> {:suspended, else_, debug, misc}
    end
  end

  defp do_cmd(sys_state, {:debug, what}, _parent, _mod, debug, misc) do
    {res, ndebug} = debug_cmd(what, debug)
    {sys_state, res, ndebug, misc}
  end

  defp do_cmd(sys_state, other, _parent, _mod, debug, misc) do
    {sys_state, {:error, {:unknown_system_msg, other}}, debug, misc}
  end

  defp debug_cmd({:trace, true}, debug), do: {:ok, install_debug(:trace, true, debug)}
  defp debug_cmd({:trace, false}, debug), do: {:ok, remove_debug(:trace, debug)}
  defp debug_cmd({:log, true}, debug), do: {:ok, install_debug(:log, {10, get_log_events(debug)}, debug)}
  defp debug_cmd({:log, {true, n}}, debug) when is_integer(n) and n > 0, do: {:ok, install_debug(:log, {n, []}, debug)}
  defp debug_cmd({:log, false}, debug), do: {:ok, remove_debug(:log, debug)}
  defp debug_cmd({:log, :get}, debug), do: {{:ok, __get_log__(debug)}, debug}

  defp debug_cmd({:log, :print}, debug) do
    case :lists.keyfind(:log, 1, debug) do
      {:log, {_n, events}} ->
        Enum.each(:lists.reverse(events), fn {event, state, fun} -> fun.(:standard_io, event, state) end)

      _ ->
        :ok
    end

    {:ok, debug}
  end

  defp debug_cmd({:statistics, true}, debug), do: {:ok, install_debug(:statistics, init_stat(), debug)}
  defp debug_cmd({:statistics, false}, debug), do: {:ok, remove_debug(:statistics, debug)}

  defp debug_cmd({:statistics, :get}, debug) do
    case :lists.keyfind(:statistics, 1, debug) do
      {:statistics, {start_time, reductions, msg_in, msg_out}} ->
        {{:ok,
          [
            start_time: start_time,
            current_time: local_time(),
            reductions: current_reductions() - reductions,
            messages_in: msg_in,
            messages_out: msg_out
          ]}, debug}

      _ ->
        {{:ok, :no_statistics}, debug}
    end
  end

  defp debug_cmd(:no_debug, _debug), do: {:ok, []}
  defp debug_cmd(_other, debug), do: {:unknown_debug, debug}

  # An option already installed stays as it is (OTP's sys does the same).
  defp install_debug(item, value, debug) do
    if :lists.keymember(item, 1, debug), do: debug, else: [{item, value} | debug]
  end
  defp remove_debug(item, debug), do: :lists.keydelete(item, 1, debug)

  defp get_log_events(debug) do
    case :lists.keyfind(:log, 1, debug) do
      {:log, {_n, events}} -> events
      _ -> []
    end
  end

  def __get_log__(debug) do
    debug |> get_log_events() |> :lists.reverse() |> Enum.map(fn {event, _state, _fun} -> event end)
  end

  defp init_stat(), do: {local_time(), current_reductions(), 0, 0}

  defp current_reductions() do
    case :erlang.process_info(self(), :reductions) do
      {:reductions, n} -> n
      _ -> 0
    end
  end

  defp local_time() do
    secs = :erlang.system_time(:second)
    days = div(secs, 86400)
    rem_secs = rem(secs, 86400)
    {Calendar.ISO.unix_days_to_date(days), {div(rem_secs, 3600), rem(div(rem_secs, 60), 60), rem(rem_secs, 60)}}
  end

  # The debug options a behaviour is started with (debug: [:trace, ...]).
  def debug_options(options), do: __debug_options__(options)

  def __debug_options__(options) do
    Enum.reduce(options, [], fn
      :trace, acc -> install_debug(:trace, true, acc)
      {:trace, true}, acc -> install_debug(:trace, true, acc)
      {:log, n}, acc when is_integer(n) and n > 0 -> install_debug(:log, {n, []}, acc)
      :log, acc -> install_debug(:log, {10, []}, acc)
      :statistics, acc -> install_debug(:statistics, init_stat(), acc)
      _, acc -> acc
    end)
  end

  # Records one event: prints it when tracing, keeps it when logging,
  # counts it for statistics.
  def handle_debug([], _fun, _state, _event), do: []

  def handle_debug(debug, fun, state, event) do
    Enum.map(debug, fn
      {:trace, true} = item ->
        fun.(:standard_io, event, state)
        item

      {:log, {n, events}} ->
        {:log, {n, Enum.take([{event, state, fun} | events], n)}}

      {:statistics, {start, reds, msg_in, msg_out}} ->
        case event do
          {:in, _} -> {:statistics, {start, reds, msg_in + 1, msg_out}}
          {:in, _, _} -> {:statistics, {start, reds, msg_in + 1, msg_out}}
          {:out, _, _} -> {:statistics, {start, reds, msg_in, msg_out + 1}}
          {:out, _, _, _} -> {:statistics, {start, reds, msg_in, msg_out + 1}}
          _ -> {:statistics, {start, reds, msg_in, msg_out}}
        end

      item ->
        item
    end)
  end

  def get_log(debug), do: __get_log__(debug)

  def __status_header__(tag, name) when is_pid(name), do: tag ++ ' ' ++ :erlang.binary_to_list(erl_pid(name))
  def __status_header__(tag, name) when is_atom(name), do: tag ++ ' ' ++ :erlang.atom_to_list(name)
  def __status_header__(tag, name), do: {tag, name}

  # ---- io:format, for the debug lines -----------------------------------------

  # Formats like io:format(dev, fmt, args) for the directives ~p ~tp ~w
  # ~tw ~s ~ts ~n ~~ and writes the result.
  def __format__(_dev, fmt, args) do
    out = format_chars(fmt, args, 1, [])
    :genlab.put_chars(:stdio, out)
    :ok
  end

  def __format_to_string__(fmt, args), do: :erlang.iolist_to_binary(format_chars(fmt, args, 1, []))

  defp format_chars(<<>>, _args, _col, acc), do: :lists.reverse(acc)

  defp format_chars(<<"~n", rest::binary>>, args, _col, acc), do: format_chars(rest, args, 1, ["\n" | acc])
  defp format_chars(<<"~~", rest::binary>>, args, col, acc), do: format_chars(rest, args, col + 1, ["~" | acc])

  defp format_chars(<<"~t", c, rest::binary>>, args, col, acc), do: format_directive(c, rest, args, col, acc)
  defp format_chars(<<"~", c, rest::binary>>, args, col, acc), do: format_directive(c, rest, args, col, acc)

  defp format_chars(<<c::utf8, rest::binary>>, args, col, acc) do
    col = if c == ?\n, do: 1, else: col + 1
    format_chars(rest, args, col, [<<c::utf8>> | acc])
  end

  defp format_directive(c, rest, [arg | args], col, acc) do
    text =
      case c do
        ?p -> :erlang.iolist_to_binary(__pretty__(arg, col))
        ?w -> :erlang.iolist_to_binary(write_term(arg))
        ?s -> IO.chardata_to_string(arg)
        _ -> :erlang.iolist_to_binary(write_term(arg))
      end

    format_chars(rest, args, next_col(text, col), [text | acc])
  end

  defp next_col(text, col) do
    case :binary.split(text, "\n", [:global]) do
      [single] -> col + String.length(single)
      parts -> 1 + String.length(List.last(parts))
    end
  end

  # ---- writing Erlang terms (io_lib:write) ----------------------------------

  @doc false
  def __write__(term), do: :erlang.iolist_to_binary(write_term(term))

  defp write_term(term) when is_atom(term), do: write_atom(term)
  defp write_term(term) when is_integer(term), do: :erlang.integer_to_binary(term)
  defp write_term(term) when is_float(term), do: inspect(term)
  defp write_term(term) when is_pid(term), do: erl_pid(term)
  defp write_term(term) when is_reference(term), do: "#Ref" <> strip_prefix(inspect(term), "#Reference")
  defp write_term(term) when is_function(term), do: "#Fun" <> strip_prefix(inspect(term), "#Function")
  defp write_term(term) when is_port(term), do: inspect(term)
  defp write_term(term) when is_binary(term), do: ["<<", write_bytes(term), ">>"]
  defp write_term(term) when is_bitstring(term), do: ["<<", write_bits(term), ">>"]
  defp write_term([]), do: "[]"
  defp write_term(list) when is_list(list), do: ["[", write_list(list), "]"]
  defp write_term(tuple) when is_tuple(tuple), do: ["{", Enum.intersperse(Enum.map(Tuple.to_list(tuple), &write_term/1), ","), "}"]

  defp write_term(map) when is_map(map) do
    pairs = Enum.map(:maps.to_list(map), fn {k, v} -> [write_term(k), " => ", write_term(v)] end)
    ["\#{", Enum.intersperse(pairs, ","), "}"]
  end

  defp write_list([h]), do: [write_term(h)]
  defp write_list([h | t]) when is_list(t), do: [write_term(h), "," | write_list(t)]
  defp write_list([h | t]), do: [write_term(h), "|", write_term(t)]

  defp write_bytes(<<>>), do: []
  defp write_bytes(<<b>>), do: [:erlang.integer_to_binary(b)]
  defp write_bytes(<<b, rest::binary>>), do: [:erlang.integer_to_binary(b), "," | write_bytes(rest)]

  defp write_bits(bits) do
    size = rem(bit_size(bits), 8)
    whole = div(bit_size(bits), 8)
    <<bytes::binary-size(whole), last::size(size)>> = bits
    prefix = if whole > 0, do: [write_bytes(bytes), ","], else: []
    [prefix, :erlang.integer_to_binary(last), ":", :erlang.integer_to_binary(size)]
  end

  defp strip_prefix(string, prefix) do
    size = byte_size(prefix)

    case string do
      <<^prefix::binary-size(size), rest::binary>> -> rest
      _ -> string
    end
  end

  defp erl_pid(pid), do: strip_prefix(inspect(pid), "#PID")

  @reserved [:after, :and, :andalso, :band, :begin, :bnot, :bor, :bsl, :bsr, :bxor, :case, :catch, :cond, :div,
             :end, :fun, :if, :let, :not, :of, :or, :orelse, :receive, :rem, :try, :when, :xor]

  defp write_atom(atom) do
    text = :erlang.atom_to_binary(atom, :utf8)

    if atom not in @reserved and unquoted_atom?(text) do
      text
    else
      ["'", escape_chars(text, ?'), "'"]
    end
  end

  defp unquoted_atom?(<<c::utf8, rest::binary>>) when (c >= ?a and c <= ?z) or (c >= 223 and c <= 255 and c != 247) do
    atom_rest?(rest)
  end

  defp unquoted_atom?(_), do: false

  defp atom_rest?(<<>>), do: true

  defp atom_rest?(<<c::utf8, rest::binary>>)
       when (c >= ?a and c <= ?z) or (c >= ?A and c <= ?Z) or (c >= ?0 and c <= ?9) or c == ?_ or c == ?@ or
              (c >= 192 and c <= 255 and c != 215 and c != 247) do
    atom_rest?(rest)
  end

  defp atom_rest?(_), do: false

  defp escape_chars(text, quote) do
    for <<c::utf8 <- text>>, into: "" do
      escape_char(c, quote)
    end
  end

  defp escape_char(c, c), do: <<?\\, c>>
  defp escape_char(?\\, _), do: "\\\\"
  defp escape_char(?\n, _), do: "\\n"
  defp escape_char(?\r, _), do: "\\r"
  defp escape_char(?\t, _), do: "\\t"
  defp escape_char(?\v, _), do: "\\v"
  defp escape_char(?\b, _), do: "\\b"
  defp escape_char(?\f, _), do: "\\f"
  defp escape_char(?\e, _), do: "\\e"
  defp escape_char(127, _), do: "\\d"
  defp escape_char(c, _) when c < 32, do: "\\^" <> <<c + 64>>
  defp escape_char(c, _), do: <<c::utf8>>

  # ---- pretty printing (io_lib_pretty's layout) -----------------------------
  #
  # A term is first measured into an intermediate form {what, length}:
  # what is {:s, chars} for anything written flat as one piece, or
  # {:list, items} (items may end in an improper tail), {:tuple, tagged?,
  # items}, {:map, pairs}, {:pair, k, v}, {:bin, chars}. Then it is laid
  # out at column `col` in a line of 80.

  @ll 80

  def __pretty__(term, col) when is_atom(term) or is_number(term) or is_pid(term) or is_reference(term) or is_function(term) do
    _ = col
    write_term(term)
  end

  def __pretty__(term, col) do
    col = if col <= 0, do: 1, else: col
    {_, len} = iform = measure(term)
    m = len

    if len < @ll - col and len <= m do
      flat(iform)
    else
      tind =
        Enum.find_value([-1, 4], 1, fn i ->
          try do
            cind(iform, col, @ll, m, i, 0, 0)
          catch
            :no_good -> nil
          end
        end)

      pp(iform, col, @ll, m, tind, col - 1, 0, 0)
    end
  end

  defp measure([]), do: {{:s, "[]"}, 2}
  defp measure({}), do: {{:s, "{}"}, 2}
  defp measure(map) when is_map(map) and map_size(map) == 0, do: {{:s, "\#{}"}, 3}

  defp measure(list) when is_list(list) do
    if printable_list?(list) do
      s = ["\"", escape_chars(List.to_string(list), ?"), "\""]
      {{:s, s}, chars_length(s)}
    else
      items = measure_list(list)
      {{:list, items}, list_length(items, 2)}
    end
  end

  defp measure(tuple) when is_tuple(tuple) do
    items = Enum.map(Tuple.to_list(tuple), &measure/1)
    tagged = is_atom(elem(tuple, 0)) and tuple_size(tuple) > 1
    {{:tuple, tagged, items}, list_length(items, 2)}
  end

  defp measure(map) when is_map(map) do
    pairs =
      Enum.map(:maps.to_list(map), fn {k, v} ->
        {_, kl} = mk = measure(k)
        {_, vl} = mv = measure(v)
        {{:pair, mk, mv}, kl + 4 + vl}
      end)

    {{:map, pairs}, list_length(pairs, 3)}
  end

  defp measure(<<>>), do: {{:s, "<<>>"}, 4}

  defp measure(bin) when is_binary(bin) do
    cond do
      ascii_printable?(bin) ->
        s = ["<<\"", escape_chars(bin, ?"), "\">>"]
        {{:s, s}, chars_length(s)}

      String.valid?(bin) and latin1_printable?(bin) ->
        s = ["<<\"", escape_chars(bin, ?"), "\"/utf8>>"]
        {{:s, s}, chars_length(s)}

      true ->
        s = :erlang.iolist_to_binary(write_term(bin))
        {{:bin, s}, byte_size(s)}
    end
  end

  defp measure(other) do
    s = :erlang.iolist_to_binary(write_term(other))
    {{:s, s}, String.length(s)}
  end

  defp measure_list([]), do: []
  defp measure_list([h | t]) when is_list(t), do: [measure(h) | measure_list(t)]
  defp measure_list([h | t]), do: [measure(h) | measure(t)]

  defp chars_length(iodata), do: String.length(:erlang.iolist_to_binary(iodata))

  defp list_length([], acc), do: acc
  defp list_length([{_, len} | rest], acc), do: list_length_tail(rest, acc + len)
  defp list_length({_, len}, acc), do: acc + len

  defp list_length_tail([], acc), do: acc
  defp list_length_tail([{_, len} | rest], acc), do: list_length_tail(rest, acc + 1 + len)
  defp list_length_tail({_, len}, acc), do: acc + 1 + len

  defp printable_list?([]), do: true
  defp printable_list?([c | rest]) when is_integer(c) and c >= 32 and c <= 126, do: printable_list?(rest)
  defp printable_list?([c | rest]) when is_integer(c) and c >= 160 and c <= 255, do: printable_list?(rest)
  defp printable_list?([c | rest]) when c in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e], do: printable_list?(rest)
  defp printable_list?(_), do: false

  defp ascii_printable?(<<>>), do: true
  defp ascii_printable?(<<c, rest::binary>>) when c >= 32 and c <= 126, do: ascii_printable?(rest)
  defp ascii_printable?(<<c, rest::binary>>) when c in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e], do: ascii_printable?(rest)
  defp ascii_printable?(_), do: false

  defp latin1_printable?(<<>>), do: true
  defp latin1_printable?(<<c::utf8, rest::binary>>) when c >= 32 and c <= 126, do: latin1_printable?(rest)
  defp latin1_printable?(<<c::utf8, rest::binary>>) when c >= 160 and c <= 255, do: latin1_printable?(rest)

  defp latin1_printable?(<<c::utf8, rest::binary>>) when c in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e] do
    latin1_printable?(rest)
  end

  defp latin1_printable?(_), do: false

  defp atm?({{:s, _}, _}), do: true
  defp atm?(_), do: false

  defp atm_pair?({{:pair, k, v}, _}), do: atm?(k) and atm?(v)

  defp spaces(n) when n > 0, do: :binary.copy(" ", n)
  defp spaces(_), do: ""

  defp flat({{:s, s}, _}), do: s
  defp flat({{:bin, s}, _}), do: s
  defp flat({{:list, items}, _}), do: ["[", flat_items(items, "|"), "]"]
  defp flat({{:tuple, _, items}, _}), do: ["{", flat_items(items, ","), "}"]
  defp flat({{:map, pairs}, _}), do: ["\#{", flat_items(pairs, ","), "}"]
  defp flat({{:pair, k, v}, _}), do: [flat(k), " => ", flat(v)]

  defp flat_items([], _sep), do: []
  defp flat_items([e | es], sep), do: [flat(e) | flat_tail(es, sep)]

  defp flat_tail([], _sep), do: []
  defp flat_tail([e | es], sep), do: [",", flat(e) | flat_tail(es, sep)]
  defp flat_tail(e, sep), do: [sep, flat(e)]

  defp last_depth([_ | _], _ld), do: 0
  defp last_depth(_, ld), do: ld + 1

  defp pp({_, len} = iform, col, ll, m, _tind, _ind, ld, w) when len < ll - col - ld and len + w + ld <= m do
    flat(iform)
  end

  defp pp({{:list, items}, _}, col, ll, m, tind, ind, ld, w) do
    ["[", pp_list(items, col + 1, ll, m, tind, ind + 1, ld, "|", w + 1), "]"]
  end

  defp pp({{:tuple, true, items}, _}, col, ll, m, tind, ind, ld, w) do
    ["{", pp_tag_tuple(items, col, ll, m, tind, ind, ld, w + 1), "}"]
  end

  defp pp({{:tuple, false, items}, _}, col, ll, m, tind, ind, ld, w) do
    ["{", pp_list(items, col + 1, ll, m, tind, ind + 1, ld, ",", w + 1), "}"]
  end

  defp pp({{:map, pairs}, _}, col, ll, m, tind, ind, ld, w) do
    ["\#{", pp_map(pairs, col + 2, ll, m, tind, ind + 2, ld, w + 1), "}"]
  end

  defp pp(iform, _col, _ll, _m, _tind, _ind, _ld, _w), do: flat(iform)

  defp pp_tag_tuple([{_, tlen} = tag | items], col, ll, m, tind, ind, ld, w) do
    tag_ind = tlen + 2
    tcol = col + tag_ind

    if tind > 0 and tag_ind > tind do
      [flat(tag) | pp_tail(items, col + tind, tcol, ll, m, tind, ind + tind, ld, ",", w + tlen)]
    else
      [flat(tag), "," | pp_list(items, tcol, ll, m, tind, ind + tag_ind, ld, ",", w + tlen + 1)]
    end
  end

  defp pp_map([p | ps], col, ll, m, tind, ind, ld, w) do
    {ps_s, pw} = pp_pair(p, col, ll, m, tind, ind, last_depth(ps, ld), w)
    [ps_s | pp_pairs_tail(ps, col, col + pw, ll, m, tind, ind, ld, pw)]
  end

  defp pp_pairs_tail([], _col0, _col, _ll, _m, _tind, _ind, _ld, _w), do: []

  defp pp_pairs_tail([{_, len} = p | ps], col0, col, ll, m, tind, ind, ld, w) do
    ld1 = last_depth(ps, ld)
    elen = 1 + len

    if fits_tail?(ld1, elen, col, ll, m, w) and atm_pair?(p) do
      [",", flat(p) | pp_pairs_tail(ps, col0, col + elen, ll, m, tind, ind, ld, w + elen)]
    else
      {ps_s, pw} = pp_pair(p, col0, ll, m, tind, ind, ld1, 0)
      [",\n", spaces(ind), ps_s | pp_pairs_tail(ps, col0, col0 + pw, ll, m, tind, ind, ld, pw)]
    end
  end

  defp fits_tail?(0, elen, col, ll, m, w), do: elen + 1 < ll - col and w + elen + 1 <= m
  defp fits_tail?(ld1, elen, col, ll, m, w), do: elen < ll - col - ld1 and w + elen + ld1 <= m

  defp pp_pair({_, len} = pair, col, ll, m, _tind, _ind, ld, w) when len < ll - col - ld and len + w + ld <= m do
    {flat(pair), if(atm_pair?(pair), do: len, else: ll)}
  end

  defp pp_pair({{:pair, k, v}, _}, col0, ll, m, tind, ind0, ld, w) do
    i = if tind > 0, do: tind, else: 4
    ind = ind0 + i
    {[pp(k, col0, ll, m, tind, ind0, ld, w), " =>\n", spaces(ind) | pp(v, col0 + i, ll, m, tind, ind, ld, 0)], ll}
  end

  defp pp_list([e | es], col0, ll, m, tind, ind, ld, s, w) do
    {es_s, we} = pp_element(e, col0, ll, m, tind, ind, last_depth(es, ld), w)
    [es_s | pp_tail(es, col0, col0 + we, ll, m, tind, ind, ld, s, w + we)]
  end

  defp pp_tail([], _col0, _col, _ll, _m, _tind, _ind, _ld, _s, _w), do: []

  defp pp_tail([{_, len} = e | es], col0, col, ll, m, tind, ind, ld, s, w) do
    ld1 = last_depth(es, ld)
    elen = 1 + len

    if fits_tail?(ld1, elen, col, ll, m, w) and atm?(e) do
      [",", flat(e) | pp_tail(es, col0, col + elen, ll, m, tind, ind, ld, s, w + elen)]
    else
      {es_s, we} = pp_element(e, col0, ll, m, tind, ind, ld1, 0)
      [",\n", spaces(ind), es_s | pp_tail(es, col0, col0 + we, ll, m, tind, ind, ld, s, we)]
    end
  end

  defp pp_tail({_, len} = e, col0, col, ll, m, tind, ind, ld, s, w) do
    if len + 1 < ll - col - (ld + 1) and len + 1 + w + (ld + 1) <= m and atm?(e) do
      [s | flat(e)]
    else
      [s, "\n", spaces(ind) | pp(e, col0, ll, m, tind, ind, ld + 1, 0)]
    end
  end

  defp pp_element({_, len} = e, col, ll, m, tind, ind, ld, w) do
    if len < ll - col - ld and len + w + ld <= m and atm?(e) do
      {flat(e), len}
    else
      {pp(e, col, ll, m, tind, ind, ld, w), ll}
    end
  end

  # The indentation for tagged tuples: -1 (none) unless that would indent
  # past half the line.
  defp cind({_, len}, col, ll, m, ind, ld, w) when len < ll - col - ld and len + w + ld <= m, do: ind
  defp cind({{:list, items}, _}, col, ll, m, ind, ld, w), do: cind_list(items, col + 1, ll, m, ind, ld, w + 1)
  defp cind({{:tuple, true, items}, _}, col, ll, m, ind, ld, w), do: cind_tag_tuple(items, col, ll, m, ind, ld, w + 1)
  defp cind({{:tuple, false, items}, _}, col, ll, m, ind, ld, w), do: cind_list(items, col + 1, ll, m, ind, ld, w + 1)
  defp cind({{:map, pairs}, _}, col, ll, m, ind, ld, w), do: cind_map(pairs, col + 2, ll, m, ind, ld, w + 2)
  defp cind(_, _col, _ll, _m, ind, _ld, _w), do: ind

  defp cind_tag_tuple([{_, tlen} | items], col, ll, m, ind, ld, w) do
    tag_ind = tlen + 2
    tcol = col + tag_ind

    cond do
      ind > 0 and tag_ind > ind ->
        col1 = col + ind

        if m + col1 <= ll or col1 <= div(ll, 2) do
          cind_tail(items, col1, tcol, ll, m, ind, ld, w + tlen)
        else
          throw(:no_good)
        end

      m + tcol < ll or tcol < div(ll, 2) ->
        cind_list(items, tcol, ll, m, ind, ld, w + tlen + 1)

      true ->
        throw(:no_good)
    end
  end

  defp cind_map([p | ps], col, ll, m, ind, ld, w) do
    pw = cind_pair(p, col, ll, m, ind, last_depth(ps, ld), w)
    cind_pairs_tail(ps, col, col + pw, ll, m, ind, ld, w + pw)
  end

  defp cind_pairs_tail([{_, len} = p | ps], col0, col, ll, m, ind, ld, w) do
    ld1 = last_depth(ps, ld)
    elen = 1 + len

    if fits_tail?(ld1, elen, col, ll, m, w) and atm_pair?(p) do
      cind_pairs_tail(ps, col0, col + elen, ll, m, ind, ld, w + elen)
    else
      pw = cind_pair(p, col0, ll, m, ind, ld1, 0)
      cind_pairs_tail(ps, col0, col0 + pw, ll, m, ind, ld, pw)
    end
  end

  defp cind_pairs_tail(_, _col0, _col, _ll, _m, ind, _ld, _w), do: ind

  defp cind_pair({_, len} = pair, col, ll, m, _ind, ld, w) when len < ll - col - ld and len + w + ld <= m do
    if atm_pair?(pair), do: len, else: ll
  end

  defp cind_pair({{:pair, k, v}, _}, col0, ll, m, ind, ld, w0) do
    cind(k, col0, ll, m, ind, ld, w0)
    i = if ind > 0, do: ind, else: 4
    cind(v, col0 + i, ll, m, ind, ld, 0)
    ll
  end

  defp cind_list([e | es], col0, ll, m, ind, ld, w) do
    we = cind_element(e, col0, ll, m, ind, last_depth(es, ld), w)
    cind_tail(es, col0, col0 + we, ll, m, ind, ld, w + we)
  end

  defp cind_list(_, _col0, _ll, _m, ind, _ld, _w), do: ind

  defp cind_tail([], _col0, _col, _ll, _m, ind, _ld, _w), do: ind

  defp cind_tail([{_, len} = e | es], col0, col, ll, m, ind, ld, w) do
    ld1 = last_depth(es, ld)
    elen = 1 + len

    if fits_tail?(ld1, elen, col, ll, m, w) and atm?(e) do
      cind_tail(es, col0, col + elen, ll, m, ind, ld, w + elen)
    else
      we = cind_element(e, col0, ll, m, ind, ld1, 0)
      cind_tail(es, col0, col0 + we, ll, m, ind, ld, we)
    end
  end

  defp cind_tail({_, len} = e, _col0, col, ll, m, ind, ld, w) do
    if len + 1 < ll - col - (ld + 1) and len + 1 + w + (ld + 1) <= m and atm?(e) do
      ind
    else
      cind(e, col, ll, m, ind, ld + 1, 0)
    end
  end

  defp cind_element({_, len} = e, col, ll, m, ind, ld, w) do
    if len < ll - col - ld and len + w + ld <= m and atm?(e) do
      len
    else
      cind(e, col, ll, m, ind, ld, w)
      ll
    end
  end
end
