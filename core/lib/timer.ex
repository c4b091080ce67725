# :timer, as OTP 25 answers it. One-shot sends are plain erlang timers
# ({:send_local, ref}); applies and intervals are kept by a :timer_server
# process started on first use, which schedules each firing against the
# original start so an interval does not drift, and drops an interval when
# the process it belongs to exits. hms/hours/minutes/seconds are natives.
defmodule :timer do
  @moduledoc false

  def sleep(time) do
    receive do
    after
      time -> :ok
    end
  end

  def send_after(time, msg), do: send_after(time, self(), msg)

  def send_after(time, dest, msg) when is_integer(time) and time >= 0 and (is_pid(dest) or is_atom(dest)),
    do: {:ok, {:send_local, :erlang.send_after(time, dest, msg)}}

  def send_after(_time, _dest, _msg), do: {:error, :badarg}

  def exit_after(time, reason), do: exit_after(time, self(), reason)
  def exit_after(time, pid, reason), do: apply_after(time, :erlang, :exit, [pid, reason])
  def kill_after(time), do: exit_after(time, self(), :kill)
  def kill_after(time, pid), do: exit_after(time, pid, :kill)

  def apply_after(time, m, f, a) when is_integer(time) and time >= 0 and is_atom(m) and is_atom(f) and is_list(a),
    do: request({:once, time, {m, f, a}, nil})

  def apply_after(_time, _m, _f, _a), do: {:error, :badarg}

  def send_interval(time, msg), do: send_interval(time, self(), msg)

  def send_interval(time, dest, msg) when is_integer(time) and time >= 0 and (is_pid(dest) or is_atom(dest)) do
    owner = if is_pid(dest), do: dest, else: self()
    request({:interval, time, {:erlang, :send, [dest, msg]}, owner})
  end

  def send_interval(_time, _dest, _msg), do: {:error, :badarg}

  def apply_interval(time, m, f, a) when is_integer(time) and time >= 0 and is_atom(m) and is_atom(f) and is_list(a),
    do: request({:interval, time, {m, f, a}, self()})

  def apply_interval(_time, _m, _f, _a), do: {:error, :badarg}

  def cancel({:send_local, ref}) when is_reference(ref) do
    :erlang.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel({kind, ref} = tref) when (kind == :once or kind == :interval) and is_reference(ref) do
    if :erlang.whereis(:timer_server) != :undefined, do: request({:cancel, tref})
    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}

  def tc(fun) when is_function(fun, 0), do: timed(fn -> fun.() end)
  def tc(fun, args) when is_function(fun) and is_list(args), do: timed(fn -> apply(fun, args) end)
  def tc(m, f, a), do: timed(fn -> apply(m, f, a) end)

  defp timed(run) do
    start = :erlang.monotonic_time(:microsecond)
    value = run.()
    {:erlang.monotonic_time(:microsecond) - start, value}
  end

  def now_diff({a2, b2, c2}, {a1, b1, c1}), do: ((a2 - a1) * 1_000_000 + (b2 - b1)) * 1_000_000 + (c2 - c1)

  # ---- the server -----------------------------------------------------------

  defp request(req) do
    server = ensure_server()
    mref = :erlang.monitor(:process, server)
    send(server, {:timer_request, self(), mref, req})

    receive do
      {^mref, reply} ->
        :erlang.demonitor(mref, [:flush])
        reply
    end
  end

  defp ensure_server do
    case :erlang.whereis(:timer_server) do
      :undefined ->
        pid = :erlang.spawn(fn -> server_loop(%{}) end)
        :erlang.register(:timer_server, pid)
        pid

      pid ->
        pid
    end
  end

  # timers: %{tref => {timer_ref, mfa, interval | nil, next_due, owner_monitor}}
  defp server_loop(timers) do
    receive do
      {:timer_request, from, mref, {:once, time, mfa, _}} ->
        tref = {:once, make_ref()}
        t = :erlang.send_after(time, self(), {:timer_fire, tref})
        send(from, {mref, {:ok, tref}})
        server_loop(Map.put(timers, tref, {t, mfa, nil, 0, nil}))

      {:timer_request, from, mref, {:interval, time, mfa, owner}} ->
        tref = {:interval, make_ref()}
        due = :erlang.monotonic_time(:millisecond) + time
        t = :erlang.send_after(time, self(), {:timer_fire, tref})
        watch = :erlang.monitor(:process, owner)
        send(from, {mref, {:ok, tref}})
        server_loop(Map.put(timers, tref, {t, mfa, time, due, watch}))

      {:timer_request, from, mref, {:cancel, tref}} ->
        send(from, {mref, {:ok, :cancel}})
        server_loop(drop(timers, tref))

      {:timer_fire, tref} ->
        case timers do
          %{^tref => {_t, {m, f, a}, nil, _due, _watch}} ->
            :erlang.spawn(m, f, a)
            server_loop(Map.delete(timers, tref))

          %{^tref => {_t, {m, f, a}, time, due, watch}} ->
            if m == :erlang and f == :send, do: apply(m, f, a), else: :erlang.spawn(m, f, a)
            next = due + time
            wait = max(next - :erlang.monotonic_time(:millisecond), 0)
            t = :erlang.send_after(wait, self(), {:timer_fire, tref})
            server_loop(Map.put(timers, tref, {t, {m, f, a}, time, next, watch}))

          _ ->
            server_loop(timers)
        end

      {:DOWN, watch, :process, _, _} ->
        gone = for {tref, {_, _, _, _, ^watch}} <- timers, do: tref
        server_loop(Enum.reduce(gone, timers, &drop(&2, &1)))

      _ ->
        server_loop(timers)
    end
  end

  defp drop(timers, tref) do
    case timers do
      %{^tref => {t, _, _, _, watch}} ->
        :erlang.cancel_timer(t)
        if watch, do: :erlang.demonitor(watch, [:flush])
        Map.delete(timers, tref)

      _ ->
        timers
    end
  end
end
