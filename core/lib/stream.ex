# Stream: lazy, composable enumerables. A stream is an arity-2 function
# that Enumerable.reduce/3 drives (see enumerable.ex), so nothing runs until
# an Enum function or Stream.run walks it, and a walk stops as soon as its
# consumer halts (Enum.take of an endless stream).
defmodule Stream do
  # ---- building blocks -------------------------------------------------------

  # A stream that passes each element of `enum` through `step`, which gets
  # the element, the downstream accumulator, its own state and the
  # downstream reducer, and answers {tag, {acc, state}}. `finish` may emit
  # what is left once `enum` is done.
  defp stateful(enum, init, step, finish \\ nil) do
    fn acc, fun -> stateful_run(enum, init, step, finish, acc, fun) end
  end

  defp stateful_run(_enum, _init, _step, _finish, {:halt, acc}, _fun), do: {:halted, acc}

  defp stateful_run(enum, init, step, finish, {:suspend, acc}, fun),
    do: {:suspended, acc, &stateful_run(enum, init, step, finish, &1, fun)}

  defp stateful_run(enum, init, step, finish, {:cont, acc}, fun) do
    result = Enumerable.reduce(enum, {:cont, {acc, init}}, fn x, {acc, st} -> step.(x, acc, st, fun) end)
    unwrap(result, finish, fun)
  end

  defp unwrap({:done, {acc, st}}, nil, _fun), do: done_with(st, acc)
  defp unwrap({:done, {acc, st}}, finish, fun), do: finish_run(finish.(st), acc, fun)
  defp unwrap({:halted, {acc, _st}}, _finish, _fun), do: {:halted, acc}

  # A step that emits several elements (flat_map, transform, intersperse)
  # may be suspended between two of them: it leaves the rest as `inner`, a
  # continuation of the reduce protocol, and the source resumes only once
  # `inner` is done.
  defp unwrap({:suspended, {acc, {:"$stream_inner", inner, st}}, cont}, finish, fun),
    do: {:suspended, acc, fn tagged -> resume_inner(inner.(tagged), st, cont, finish, fun) end}

  defp unwrap({:suspended, {acc, st}, cont}, finish, fun),
    do: {:suspended, acc, fn {tag, acc} -> unwrap(cont.({tag, {acc, st}}), finish, fun) end}

  defp resume_inner({:done, acc}, st, cont, finish, fun), do: unwrap(cont.({:cont, {acc, st}}), finish, fun)
  defp resume_inner({:halted, acc}, st, cont, finish, fun), do: unwrap(cont.({:halt, {acc, st}}), finish, fun)

  defp resume_inner({:suspended, acc, inner}, st, cont, finish, fun),
    do: {:suspended, acc, fn tagged -> resume_inner(inner.(tagged), st, cont, finish, fun) end}

  # What a step answers when the downstream suspended it in the middle of
  # its elements: `inner` continues them.
  defp suspend_inner(acc, inner, st), do: {:suspend, {acc, {:"$stream_inner", inner, st}}}

  defp done_with(_st, acc), do: {:done, acc}

  # Emits the leftover elements `items` after the source is done.
  defp finish_run([], acc, _fun), do: {:done, acc}

  defp finish_run([x | rest], acc, fun) do
    case fun.(x, acc) do
      {:cont, acc} -> finish_run(rest, acc, fun)
      {:halt, acc} -> {:halted, acc}
      {:suspend, acc} -> {:suspended, acc, fn {:cont, acc} -> finish_run(rest, acc, fun); {:halt, acc} -> {:halted, acc} end}
    end
  end

  # Passes one element downstream, keeping `st`.
  defp emit(x, acc, st, fun) do
    {tag, acc} = fun.(x, acc)
    {tag, {acc, st}}
  end

  # Passes several elements downstream.
  defp emit_many([], acc, st, _fun), do: {:cont, {acc, st}}

  defp emit_many([x | rest], acc, st, fun) do
    case fun.(x, acc) do
      {:cont, acc} -> emit_many(rest, acc, st, fun)
      {:suspend, acc} when rest != [] -> suspend_inner(acc, &Enumerable.reduce(rest, &1, fun), st)
      {tag, acc} -> {tag, {acc, st}}
    end
  end

  # ---- one to one ----------------------------------------------------------------

  def map(enum, f) when is_function(f, 1),
    do: fn acc, fun -> Enumerable.reduce(enum, acc, fn x, acc -> fun.(f.(x), acc) end) end

  def each(enum, f) when is_function(f, 1),
    do: fn acc, fun -> Enumerable.reduce(enum, acc, fn x, acc -> f.(x); fun.(x, acc) end) end

  def filter(enum, f) when is_function(f, 1),
    do: fn acc, fun -> Enumerable.reduce(enum, acc, fn x, acc -> if f.(x), do: fun.(x, acc), else: {:cont, acc} end) end

  def reject(enum, f) when is_function(f, 1), do: filter(enum, &(!f.(&1)))

  def with_index(enum, offset \\ 0) when is_integer(offset),
    do: stateful(enum, offset, fn x, acc, i, fun -> emit({x, i}, acc, i + 1, fun) end)

  def map_every(enum, 0, _f), do: enum
  def map_every(enum, nth, f) when is_integer(nth) and nth > 0,
    do: stateful(enum, 0, fn x, acc, i, fun -> emit(if(i == 0, do: f.(x), else: x), acc, rem(i + 1, nth), fun) end)

  def scan(enum, f) do
    stateful(enum, :first, fn
      x, acc, :first, fun -> emit(x, acc, {:acc, x}, fun)
      x, acc, {:acc, a}, fun -> y = f.(x, a); emit(y, acc, {:acc, y}, fun)
    end)
  end

  def scan(enum, init, f), do: stateful(enum, init, fn x, acc, a, fun -> y = f.(x, a); emit(y, acc, y, fun) end)

  def dedup(enum), do: dedup_by(enum, fn x -> x end)

  def dedup_by(enum, f) do
    stateful(enum, :none, fn x, acc, last, fun ->
      key = f.(x)
      if last == {:key, key}, do: {:cont, {acc, last}}, else: emit(x, acc, {:key, key}, fun)
    end)
  end

  def uniq(enum), do: uniq_by(enum, fn x -> x end)

  def uniq_by(enum, f) do
    stateful(enum, %{}, fn x, acc, seen, fun ->
      key = f.(x)
      if is_map_key(seen, key), do: {:cont, {acc, seen}}, else: emit(x, acc, Map.put(seen, key, true), fun)
    end)
  end

  def intersperse(enum, sep) do
    stateful(enum, false, fn
      x, acc, false, fun -> emit(x, acc, true, fun)
      x, acc, true, fun -> emit_many([sep, x], acc, true, fun)
    end)
  end

  # ---- taking and dropping ---------------------------------------------------------

  def take(_enum, 0), do: fn {_, acc}, _fun -> {:done, acc} end

  def take(enum, n) when is_integer(n) and n > 0 do
    stateful(enum, n, fn x, acc, left, fun ->
      case fun.(x, acc) do
        {:cont, acc} when left == 1 -> {:halt, {acc, 0}}
        {tag, acc} -> {tag, {acc, left - 1}}
      end
    end)
  end

  def take(enum, n) when is_integer(n) and n < 0, do: lazy_list(fn -> Enum.take(enum, n) end)

  def drop(enum, n) when is_integer(n) and n >= 0,
    do: stateful(enum, n, fn x, acc, left, fun -> if left > 0, do: {:cont, {acc, left - 1}}, else: emit(x, acc, 0, fun) end)

  def drop(enum, n) when is_integer(n) and n < 0, do: lazy_list(fn -> Enum.drop(enum, n) end)

  def take_while(enum, f) do
    stateful(enum, nil, fn x, acc, st, fun ->
      if f.(x), do: emit(x, acc, st, fun), else: {:halt, {acc, st}}
    end)
  end

  def drop_while(enum, f) do
    stateful(enum, true, fn x, acc, dropping, fun ->
      if dropping and f.(x), do: {:cont, {acc, true}}, else: emit(x, acc, false, fun)
    end)
  end

  def take_every(enum, nth) when is_integer(nth) and nth > 0,
    do: stateful(enum, 0, fn x, acc, i, fun -> if i == 0, do: emit(x, acc, rem(i + 1, nth), fun), else: {:cont, {acc, rem(i + 1, nth)}} end)

  def drop_every(enum, 0), do: enum
  def drop_every(enum, nth) when is_integer(nth) and nth > 0,
    do: stateful(enum, 0, fn x, acc, i, fun -> if i == 0, do: {:cont, {acc, rem(i + 1, nth)}}, else: emit(x, acc, rem(i + 1, nth), fun) end)

  defp lazy_list(make), do: fn acc, fun -> Enumerable.reduce(make.(), acc, fun) end

  # ---- chunks -----------------------------------------------------------------------

  def chunk_every(enum, count), do: chunk_every(enum, count, count, [])
  def chunk_every(enum, count, step), do: chunk_every(enum, count, step, [])

  # State {newest-first buffer, its length, elements still to skip, whether
  # the buffer holds elements no chunk has carried yet}.
  def chunk_every(enum, count, step, leftover) when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    stateful(
      enum,
      {[], 0, 0, false},
      fn
        _x, acc, {buf, len, skip, fresh}, _fun when skip > 0 ->
          {:cont, {acc, {buf, len, skip - 1, fresh}}}

        x, acc, {buf, len, 0, _}, fun ->
          buf = [x | buf]

          if len + 1 == count do
            chunk = :lists.reverse(buf)

            next =
              if step >= count,
                do: {[], 0, step - count, false},
                else: {:lists.sublist(buf, count - step), count - step, 0, false}

            emit(chunk, acc, next, fun)
          else
            {:cont, {acc, {buf, len + 1, 0, true}}}
          end
      end,
      fn {buf, len, _skip, _fresh} ->
        cond do
          buf == [] or leftover == :discard -> []
          true -> [:lists.reverse(buf) ++ Enum.take(leftover, count - len)]
        end
      end
    )
  end

  def chunk_by(enum, f) do
    chunk_while(
      enum,
      nil,
      fn x, acc ->
        key = f.(x)

        case acc do
          nil -> {:cont, {key, [x]}}
          {^key, items} -> {:cont, {key, [x | items]}}
          {_, items} -> {:cont, :lists.reverse(items), {key, [x]}}
        end
      end,
      fn
        nil -> {:cont, nil}
        {_, items} -> {:cont, :lists.reverse(items), nil}
      end
    )
  end

  def chunk_while(enum, init, chunk_fun, after_fun) do
    stateful(
      enum,
      init,
      fn x, acc, st, fun ->
        case chunk_fun.(x, st) do
          {:cont, chunk, st} -> emit(chunk, acc, st, fun)
          {:cont, st} -> {:cont, {acc, st}}
          {:halt, st} -> {:halt, {acc, st}}
        end
      end,
      fn st ->
        case after_fun.(st) do
          {:cont, chunk, _} -> [chunk]
          {:cont, _} -> []
        end
      end
    )
  end

  # ---- many from one -------------------------------------------------------------------

  def flat_map(enum, f) when is_function(f, 1), do: transform(enum, nil, fn x, st -> {f.(x), st} end)

  def transform(enum, init, f) when is_function(f, 2), do: transform(enum, fn -> init end, f, nil, fn _ -> :ok end)

  def concat(enums), do: flat_map(enums, fn e -> e end)
  def concat(first, second), do: flat_map([first, second], fn e -> e end)

  # ---- generators --------------------------------------------------------------------

  def unfold(state, f) when is_function(f, 1), do: fn acc, fun -> unfold_run(state, f, acc, fun) end

  defp unfold_run(_state, _f, {:halt, acc}, _fun), do: {:halted, acc}
  defp unfold_run(state, f, {:suspend, acc}, fun), do: {:suspended, acc, &unfold_run(state, f, &1, fun)}

  defp unfold_run(state, f, {:cont, acc}, fun) do
    case f.(state) do
      nil -> {:done, acc}
      {x, state} -> unfold_run(state, f, fun.(x, acc), fun)
    end
  end

  def iterate(start, f) when is_function(f, 1) do
    unfold({:first, start}, fn
      {:first, x} -> {x, {:next, x}}
      {:next, x} -> y = f.(x); {y, {:next, y}}
    end)
  end

  def repeatedly(f) when is_function(f, 0), do: unfold(nil, fn nil -> {f.(), nil} end)

  def cycle(enum) do
    case Enum.to_list(enum) do
      [] -> raise ArgumentError, "cannot cycle over an empty enumerable"
      list -> unfold(list, fn [x] -> {x, list}; [x | rest] -> {x, rest} end)
    end
  end

  def duplicate(x, n) when is_integer(n) and n >= 0, do: take(repeatedly(fn -> x end), n)

  # Emits 0, 1, 2, ... each after `period` ms of the (virtual) clock.
  def interval(period) when is_integer(period) and period >= 0 do
    unfold(0, fn i ->
      receive do
      after
        period -> {i, i + 1}
      end
    end)
  end

  def timer(delay) when is_integer(delay) and delay >= 0, do: take(interval(delay), 1)

  # transform/4,5: start_fun gives the accumulator when the stream starts;
  # when the source ends (or the reducer halts) last_fun's items follow;
  # after_fun gets the accumulator however the stream stops.
  def transform(enum, start_fun, reducer, after_fun)
      when is_function(start_fun, 0) and is_function(reducer, 2) and is_function(after_fun, 1),
      do: transform(enum, start_fun, reducer, nil, after_fun)

  def transform(enum, start_fun, reducer, last_fun, after_fun) do
    fn
      {:halt, acc}, _fun -> {:halted, acc}
      {:suspend, acc}, fun -> {:suspended, acc, &transform(enum, start_fun, reducer, last_fun, after_fun).(&1, fun)}
      {:cont, acc}, fun -> transform_start(enum, start_fun.(), reducer, last_fun, after_fun, acc, fun)
    end
  end

  defp transform_start(enum, st, reducer, last_fun, after_fun, acc, fun) do
    step = fn x, {acc, st, _how} ->
      case reducer.(x, st) do
        {:halt, st} -> {:halt, {acc, st, :self}}
        {items, st} ->
          case Enumerable.reduce(items, {:cont, acc}, fun) do
            {:done, acc} -> {:cont, {acc, st, :cont}}
            {:halted, acc} -> {:halt, {acc, st, :down}}
            # the consumer paused (zip) with items of this batch left
            {:suspended, acc, rest} -> {:suspend, {acc, st, {:pending, rest}}}
          end
      end
    end

    transform_end(Enumerable.reduce(enum, {:cont, {acc, st, :cont}}, step), last_fun, after_fun, fun)
  end

  defp transform_end({:done, {acc, st, _}}, last_fun, after_fun, fun), do: transform_last(acc, st, last_fun, after_fun, fun)

  defp transform_end({:halted, {acc, st, :self}}, last_fun, after_fun, fun),
    do: transform_last(acc, st, last_fun, after_fun, fun)

  defp transform_end({:halted, {acc, st, _}}, _last_fun, after_fun, _fun) do
    after_fun.(st)
    {:halted, acc}
  end

  defp transform_end({:suspended, {acc, st, how}, cont}, last_fun, after_fun, fun),
    do: {:suspended, acc, &transform_resume(&1, st, how, cont, last_fun, after_fun, fun)}

  # a paused batch's items go first, then the source goes on
  defp transform_resume(tagged, st, {:pending, rest}, cont, last_fun, after_fun, fun) do
    case rest.(tagged) do
      {:done, acc} -> transform_end(cont.({:cont, {acc, st, :cont}}), last_fun, after_fun, fun)
      {:halted, acc} -> transform_end(cont.({:halt, {acc, st, :down}}), last_fun, after_fun, fun)
      {:suspended, acc, rest} -> {:suspended, acc, &transform_resume(&1, st, {:pending, rest}, cont, last_fun, after_fun, fun)}
    end
  end

  defp transform_resume({tag, acc}, st, how, cont, last_fun, after_fun, fun),
    do: transform_end(cont.({tag, {acc, st, how}}), last_fun, after_fun, fun)

  defp transform_last(acc, st, nil, after_fun, _fun) do
    after_fun.(st)
    {:done, acc}
  end

  defp transform_last(acc, st, last_fun, after_fun, fun) do
    {items, st} = last_fun.(st)
    after_last(Enumerable.reduce(items, {:cont, acc}, fun), st, after_fun)
  end

  defp after_last({:suspended, acc, rest}, st, after_fun),
    do: {:suspended, acc, fn tagged -> after_last(rest.(tagged), st, after_fun) end}

  defp after_last(result, st, after_fun) do
    after_fun.(st)
    result
  end

  # into/2,3: each element, transformed, also goes into the collectable
  # as the stream runs; the collectable is told :done however it stops.
  def into(enum, collectable, transform \\ fn x -> x end) when is_function(transform, 1) do
    fn
      {:halt, acc}, _fun -> {:halted, acc}
      {:suspend, acc}, fun -> {:suspended, acc, &into(enum, collectable, transform).(&1, fun)}
      {:cont, acc}, fun ->
        {init, collect} = Collectable.into(collectable)

        step = fn x, {acc, into_acc} ->
          into_acc = collect.(into_acc, {:cont, transform.(x)})
          {tag, acc} = fun.(x, acc)
          {tag, {acc, into_acc}}
        end

        into_end(Enumerable.reduce(enum, {:cont, {acc, init}}, step), collect)
    end
  end

  defp into_end({:suspended, {acc, into_acc}, cont}, collect),
    do: {:suspended, acc, fn {tag, acc} -> into_end(cont.({tag, {acc, into_acc}}), collect) end}

  defp into_end({tag, {acc, into_acc}}, collect) do
    collect.(into_acc, :done)
    {tag, acc}
  end

  def resource(start_fun, next_fun, after_fun) do
    fn acc, fun -> resource_run(start_fun.(), next_fun, after_fun, acc, fun) end
  end

  defp resource_run(res, _next, after_fun, {:halt, acc}, _fun) do
    after_fun.(res)
    {:halted, acc}
  end

  defp resource_run(res, next, after_fun, {:suspend, acc}, fun),
    do: {:suspended, acc, &resource_run(res, next, after_fun, &1, fun)}

  defp resource_run(res, next, after_fun, {:cont, acc}, fun) do
    step =
      try do
        next.(res)
      catch
        kind, reason ->
          after_fun.(res)
          :erlang.raise(kind, reason, __STACKTRACE__)
      end

    case step do
      {:halt, res} ->
        after_fun.(res)
        {:done, acc}

      {items, res} ->
        resource_emit(Enum.to_list(items), res, next, after_fun, acc, fun)
    end
  end

  defp resource_emit([], res, next, after_fun, acc, fun), do: resource_run(res, next, after_fun, {:cont, acc}, fun)

  defp resource_emit([x | rest], res, next, after_fun, acc, fun) do
    result =
      try do
        fun.(x, acc)
      catch
        kind, reason ->
          after_fun.(res)
          :erlang.raise(kind, reason, __STACKTRACE__)
      end

    case result do
      {:cont, acc} -> resource_emit(rest, res, next, after_fun, acc, fun)
      {:halt, acc} -> resource_run(res, next, after_fun, {:halt, acc}, fun)
      {:suspend, acc} -> {:suspended, acc, fn
          {:cont, acc} -> resource_emit(rest, res, next, after_fun, acc, fun)
          other -> resource_run(res, next, after_fun, other, fun)
        end}
    end
  end

  # ---- zipping --------------------------------------------------------------------

  def zip(left, right), do: zip([left, right])
  def zip(enums), do: zip_with(enums, &:erlang.list_to_tuple/1)
  def zip_with(left, right, f) when is_function(f, 2), do: zip_with([left, right], fn [a, b] -> f.(a, b) end)

  # Each enumerable is walked one element at a time by suspending it.
  def zip_with(enums, f) when is_function(f, 1) do
    fn acc, fun ->
      steps = Enum.map(enums, fn e -> fn tagged -> Enumerable.reduce(e, tagged, fn x, _ -> {:suspend, x} end) end end)
      zip_run(steps, f, acc, fun)
    end
  end

  defp zip_run(steps, _f, {:halt, acc}, _fun) do
    zip_close(steps)
    {:halted, acc}
  end

  defp zip_run(steps, f, {:suspend, acc}, fun), do: {:suspended, acc, &zip_run(steps, f, &1, fun)}

  defp zip_run(steps, f, {:cont, acc}, fun) do
    case zip_next(steps, [], []) do
      {:ok, items, steps} -> zip_run(steps, f, fun.(f.(items), acc), fun)
      {:done, rest} ->
        zip_close(rest)
        {:done, acc}
    end
  end

  defp zip_next([], items, steps), do: {:ok, :lists.reverse(items), :lists.reverse(steps)}

  defp zip_next([step | rest], items, steps) do
    case step.({:cont, nil}) do
      {:suspended, x, cont} -> zip_next(rest, [x | items], [cont | steps])
      _ -> {:done, steps ++ rest}
    end
  end

  # Lets the enumerables not yet finished clean up (resource's after).
  defp zip_close(steps), do: Enum.each(steps, fn step -> step.({:halt, nil}) end)

  # ---- running --------------------------------------------------------------------

  def run(stream) do
    Enumerable.reduce(stream, {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end
end
