# Stream: lazy, composable enumerables, as Elixir 1.14 builds them. The
# one-to-one and filtering functions (map, filter, take, with_index,
# chunk_every, ...) answer a %Stream{}: the source `enum` and its stages
# `funs`, newest first, each a function of one argument that wraps the
# next stage's reducer in its own. A stage that keeps state (take's count,
# with_index's index) finds it in `accs`: while the stream runs, the
# accumulator is [acc | states], oldest stage's state first, and each
# stateful stage takes its own off before calling the next. `done` (only
# chunk_while's) may emit what is left once the source ends. Generators,
# flat_map, transform, concat, zip and the others answer an arity-2
# function that Enumerable.reduce/3 drives. Nothing runs until an Enum
# function or Stream.run walks a stream, and a walk stops as soon as its
# consumer halts (Enum.take of an endless stream).
defmodule Stream do
  defstruct enum: nil, funs: [], accs: [], done: nil

  # The funs a stream shows (the stages of a %Stream{}, the functions
  # the others are) carry the identity Elixir 1.14's compiled Stream
  # gives them, so they inspect alike: {def, arity, which fn of the def
  # (from 0, in source order), index}, and the module's uniq.
  @genlab_fun_ids {103_858_489,
                   [
                     {:chunk_while, 4, 0, 3},
                     {:dedup_by, 2, 0, 11},
                     {:drop, 2, 0, 34},
                     {:drop, 2, 2, 35},
                     {:drop_every, 2, 0, 36},
                     {:drop_while, 2, 0, 37},
                     {:each, 2, 0, 39},
                     {:filter, 2, 0, 40},
                     {:into, 3, 0, 46},
                     {:map, 2, 0, 48},
                     {:map_every_after_guards, 3, 0, 49},
                     {:reject, 2, 0, 50},
                     {:repeatedly, 1, 0, 51},
                     {:resource, 3, 0, 52},
                     {:scan, 2, 0, 54},
                     {:scan, 3, 0, 55},
                     {:take_after_guards, 2, 0, 56},
                     {:take_after_guards, 2, 2, 57},
                     {:take_every_after_guards, 2, 0, 58},
                     {:take_while, 2, 0, 59},
                     {:transform, 3, 0, 60},
                     {:transform, 4, 0, 61},
                     {:transform, 5, 0, 62},
                     {:unfold, 2, 0, 63},
                     {:uniq_by, 2, 0, 65},
                     {:with_index, 2, 0, 66},
                     {:zip_with, 2, 0, 72},
                     {:zip_with, 3, 1, 74}
                   ]}

  # ---- composing stages --------------------------------------------------------

  # A stateless stage on enum: added to it when it is a stream without a
  # `done` (which must stay the last stage), else a new stream around it.
  defp lazy(%Stream{done: nil, funs: funs} = stream, stage), do: %{stream | funs: [stage | funs]}
  defp lazy(enum, stage), do: %Stream{enum: enum, funs: [stage]}

  # A stage with state `acc`.
  defp lazy(%Stream{done: nil, funs: funs, accs: accs} = stream, acc, stage),
    do: %{stream | funs: [stage | funs], accs: [acc | accs]}

  defp lazy(enum, acc, stage), do: %Stream{enum: enum, funs: [stage], accs: [acc]}

  # A stage with state `acc` and a `done`.
  defp lazy(%Stream{done: nil, funs: funs, accs: accs} = stream, acc, stage, done),
    do: %{stream | funs: [stage | funs], accs: [acc | accs], done: done}

  defp lazy(enum, acc, stage, done), do: %Stream{enum: enum, funs: [stage], accs: [acc], done: done}

  # A stateful stage passes x on with its new state `st`: the next stages
  # see the accumulator without it, and it goes back in place after them.
  defp pass(next, x, head, st, tail) do
    {tag, [head | tail]} = next.(x, [head | tail])
    {tag, [head, st | tail]}
  end

  # Enumerable.reduce/3 of a %Stream{}. With no stateful stage, the
  # stages see the caller's accumulator itself: a pipeline of maps and
  # filters costs no more than the functions it calls.
  @doc false
  def __reduce__(%Stream{enum: enum, funs: funs, accs: [], done: nil}, acc, fun),
    do: Enumerable.reduce(enum, acc, :lists.foldl(fn stage, next -> stage.(next) end, fun, funs))

  def __reduce__(%Stream{enum: enum, funs: funs, accs: accs, done: done}, acc, fun) do
    last = fn x, [acc] ->
      {tag, acc} = fun.(x, acc)
      {tag, [acc]}
    end

    reducer = :lists.foldl(fn stage, next -> stage.(next) end, last, funs)
    run_stages(&Enumerable.reduce(enum, &1, reducer), done, fun, :lists.reverse(accs), acc)
  end

  defp run_stages(reduce, done, fun, states, {tag, acc}) do
    case reduce.({tag, [acc | states]}) do
      {:suspended, [acc | states], cont} -> {:suspended, acc, &run_stages(cont, done, fun, states, &1)}
      {reason, [acc | states]} -> finish_stages(reason, acc, states, done, fun)
    end
  end

  defp finish_stages(reason, acc, _states, nil, _fun), do: {reason, acc}

  # `done` belongs to the newest stage, whose state is the last.
  defp finish_stages(reason, acc, states, done, fun) do
    case done.(acc, :lists.last(states), fun) do
      {:cont, acc} -> {reason, acc}
      {:halt, acc} -> {:halted, acc}
      {:suspend, acc} -> {:suspended, acc, fn {_, acc} -> {:done, acc} end}
    end
  end

  # ---- one to one ----------------------------------------------------------------

  def map(enum, f) when is_function(f, 1),
    do: lazy(enum, fn next -> fn x, acc -> next.(f.(x), acc) end end)

  def each(enum, f) when is_function(f, 1) do
    lazy(enum, fn next ->
      fn x, acc ->
        f.(x)
        next.(x, acc)
      end
    end)
  end

  def filter(enum, f) when is_function(f, 1),
    do: lazy(enum, fn next -> fn x, acc -> if f.(x), do: next.(x, acc), else: {:cont, acc} end end)

  def reject(enum, f) when is_function(f, 1),
    do: lazy(enum, fn next -> fn x, acc -> if f.(x), do: {:cont, acc}, else: next.(x, acc) end end)

  def with_index(enum, offset \\ 0) when is_integer(offset),
    do: lazy(enum, offset, fn next -> fn x, [head, i | tail] -> pass(next, {x, i}, head, i + 1, tail) end end)

  def map_every(enum, 1, f) when is_function(f, 1), do: map(enum, f)
  def map_every(enum, 0, f) when is_function(f, 1), do: %Stream{enum: enum}

  def map_every(enum, nth, f) when is_integer(nth) and nth > 0 and is_function(f, 1),
    do: map_every_after_guards(enum, nth, f)

  defp map_every_after_guards(enum, nth, f) do
    lazy(enum, 0, fn next ->
      fn
        x, [head, 0 | tail] -> pass(next, f.(x), head, rem(1, nth), tail)
        x, [head, i | tail] -> pass(next, x, head, rem(i + 1, nth), tail)
      end
    end)
  end

  def scan(enum, f) when is_function(f, 2) do
    lazy(enum, :first, fn next ->
      fn
        x, [head, :first | tail] -> pass(next, x, head, {:acc, x}, tail)
        x, [head, {:acc, a} | tail] ->
          y = f.(x, a)
          pass(next, y, head, {:acc, y}, tail)
      end
    end)
  end

  def scan(enum, init, f) when is_function(f, 2) do
    lazy(enum, init, fn next ->
      fn x, [head, a | tail] ->
        y = f.(x, a)
        pass(next, y, head, y, tail)
      end
    end)
  end

  def dedup(enum), do: dedup_by(enum, fn x -> x end)

  # the state: nil before the first element, then {key} of the last one
  def dedup_by(enum, f) when is_function(f, 1) do
    lazy(enum, nil, fn next ->
      fn x, [head, last | tail] = acc ->
        key = f.(x)
        if last == {key}, do: {:cont, acc}, else: pass(next, x, head, {key}, tail)
      end
    end)
  end

  def uniq(enum), do: uniq_by(enum, fn x -> x end)

  def uniq_by(enum, f) when is_function(f, 1) do
    lazy(enum, %{}, fn next ->
      fn x, [head, seen | tail] = acc ->
        key = f.(x)
        if is_map_key(seen, key), do: {:cont, acc}, else: pass(next, x, head, Map.put(seen, key, true), tail)
      end
    end)
  end

  def intersperse(enum, sep) do
    transform(enum, false, fn
      x, false -> {[x], true}
      x, true -> {[sep, x], true}
    end)
  end

  # ---- taking and dropping ---------------------------------------------------------

  def take(enum, n) when is_integer(n), do: take_after_guards(enum, n)

  defp take_after_guards(_enum, 0), do: %Stream{enum: []}

  defp take_after_guards(enum, n) when n > 0 do
    lazy(enum, n, fn next ->
      fn
        x, [head, 1 | tail] ->
          case pass(next, x, head, 0, tail) do
            {:cont, acc} -> {:halt, acc}
            other -> other
          end

        _x, [_head, 0 | _tail] = acc -> {:halt, acc}
        x, [head, left | tail] -> pass(next, x, head, left - 1, tail)
      end
    end)
  end

  defp take_after_guards(enum, n), do: &Enumerable.reduce(Enum.take(enum, n), &1, &2)

  def drop(enum, n) when is_integer(n) and n >= 0 do
    lazy(enum, n, fn next ->
      fn
        _x, [head, left | tail] when left > 0 -> {:cont, [head, left - 1 | tail]}
        x, [head, left | tail] -> pass(next, x, head, left, tail)
      end
    end)
  end

  # The last -n elements are held back in a queue: each new one lets the
  # oldest through.
  def drop(enum, n) when is_integer(n) and n < 0 do
    keep = -n

    lazy(enum, {0, :queue.new()}, fn next ->
      fn x, [head, {held, queue} | tail] ->
        queue = :queue.in(x, queue)

        if held < keep do
          {:cont, [head, {held + 1, queue} | tail]}
        else
          {{:value, out}, queue} = :queue.out(queue)
          pass(next, out, head, {held, queue}, tail)
        end
      end
    end)
  end

  def take_while(enum, f) when is_function(f, 1),
    do: lazy(enum, fn next -> fn x, acc -> if f.(x), do: next.(x, acc), else: {:halt, acc} end end)

  def drop_while(enum, f) when is_function(f, 1) do
    lazy(enum, true, fn next ->
      fn x, [head, dropping | tail] = acc ->
        if dropping and f.(x), do: {:cont, acc}, else: pass(next, x, head, false, tail)
      end
    end)
  end

  def take_every(enum, nth) when is_integer(nth) and nth >= 0, do: take_every_after_guards(enum, nth)

  defp take_every_after_guards(_enum, 0), do: %Stream{enum: []}

  defp take_every_after_guards(enum, nth) do
    lazy(enum, 0, fn next ->
      fn
        x, [head, 0 | tail] -> pass(next, x, head, rem(1, nth), tail)
        _x, [head, i | tail] -> {:cont, [head, rem(i + 1, nth) | tail]}
      end
    end)
  end

  def drop_every(enum, 0), do: %Stream{enum: enum}

  def drop_every(enum, nth) when is_integer(nth) and nth > 0 do
    lazy(enum, 0, fn next ->
      fn
        _x, [head, 0 | tail] -> {:cont, [head, rem(1, nth) | tail]}
        x, [head, i | tail] -> pass(next, x, head, rem(i + 1, nth), tail)
      end
    end)
  end

  # ---- chunks -----------------------------------------------------------------------

  def chunk_every(enum, count), do: chunk_every(enum, count, count, [])
  def chunk_every(enum, count, step), do: chunk_every(enum, count, step, [])

  # State {newest-first buffer, its length, elements still to skip}.
  def chunk_every(enum, count, step, leftover)
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk_while(
      enum,
      {[], 0, 0},
      fn
        _x, {buf, len, skip} when skip > 0 ->
          {:cont, {buf, len, skip - 1}}

        x, {buf, len, 0} ->
          buf = [x | buf]

          cond do
            len + 1 < count -> {:cont, {buf, len + 1, 0}}
            step >= count -> {:cont, :lists.reverse(buf), {[], 0, step - count}}
            true -> {:cont, :lists.reverse(buf), {:lists.sublist(buf, count - step), count - step, 0}}
          end
      end,
      fn
        {[], _, _} = st -> {:cont, st}
        st when leftover == :discard -> {:cont, st}
        {buf, len, _} = st -> {:cont, :lists.reverse(buf) ++ Enum.take(leftover, count - len), st}
      end
    )
  end

  def chunk_by(enum, f) when is_function(f, 1) do
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

  # The state is [chunk_fun's accumulator | after_fun]; after_fun becomes
  # nil once the consumer has halted, so that nothing more is emitted.
  def chunk_while(enum, acc, chunk_fun, after_fun) when is_function(chunk_fun, 2) and is_function(after_fun, 1) do
    lazy(
      enum,
      [acc | after_fun],
      fn next ->
        fn x, [head, [acc | after_fun] | tail] ->
          case chunk_fun.(x, acc) do
            {:cont, chunk, acc} ->
              case next.(chunk, [head | tail]) do
                {:halt, [head | tail]} -> {:halt, [head, [acc | nil] | tail]}
                {tag, [head | tail]} -> {tag, [head, [acc | after_fun] | tail]}
              end

            {:cont, acc} ->
              {:cont, [head, [acc | after_fun] | tail]}

            {:halt, acc} ->
              {:halt, [head, [acc | after_fun] | tail]}
          end
        end
      end,
      &chunk_while_done/3
    )
  end

  defp chunk_while_done(acc, [_ | nil], _fun), do: {:cont, acc}

  defp chunk_while_done(acc, [chunk_acc | after_fun], fun) do
    case after_fun.(chunk_acc) do
      {:cont, chunk, _} -> fun.(chunk, acc)
      {:cont, _} -> {:cont, acc}
    end
  end

  # ---- many from one -------------------------------------------------------------------

  def flat_map(enum, f) when is_function(f, 1), do: transform(enum, nil, fn x, st -> {f.(x), st} end)

  def transform(enum, init, f) when is_function(f, 2),
    do: fn tagged, fun -> transform_run(enum, fn -> init end, f, nil, fn _ -> :ok end, tagged, fun) end

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

  def repeatedly(f) when is_function(f, 0), do: fn acc, fun -> repeatedly_run(f, acc, fun) end

  defp repeatedly_run(_f, {:halt, acc}, _fun), do: {:halted, acc}
  defp repeatedly_run(f, {:suspend, acc}, fun), do: {:suspended, acc, &repeatedly_run(f, &1, fun)}
  defp repeatedly_run(f, {:cont, acc}, fun), do: repeatedly_run(f, fun.(f.(), acc), fun)

  def cycle(enum) do
    case Enum.to_list(enum) do
      [] -> raise ArgumentError, "cannot cycle over an empty enumerable"
      list -> unfold(list, fn [x] -> {x, list}; [x | rest] -> {x, rest} end)
    end
  end

  def duplicate(x, n) when is_integer(n) and n >= 0, do: unfold(n, fn 0 -> nil; left -> {x, left - 1} end)

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
      do: fn tagged, fun -> transform_run(enum, start_fun, reducer, nil, after_fun, tagged, fun) end

  def transform(enum, start_fun, reducer, last_fun, after_fun),
    do: fn tagged, fun -> transform_run(enum, start_fun, reducer, last_fun, after_fun, tagged, fun) end

  defp transform_run(_enum, _start_fun, _reducer, _last_fun, _after_fun, {:halt, acc}, _fun), do: {:halted, acc}

  defp transform_run(enum, start_fun, reducer, last_fun, after_fun, {:suspend, acc}, fun),
    do: {:suspended, acc, &transform_run(enum, start_fun, reducer, last_fun, after_fun, &1, fun)}

  defp transform_run(enum, start_fun, reducer, last_fun, after_fun, {:cont, acc}, fun),
    do: transform_start(enum, start_fun.(), reducer, last_fun, after_fun, acc, fun)

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

  def zip(left, right), do: zip_with(left, right, fn a, b -> {a, b} end)
  def zip(enums), do: zip_with(enums, &:erlang.list_to_tuple/1)

  def zip_with(left, right, f) when is_function(f, 2) do
    f = fn [a, b] -> f.(a, b) end
    fn acc, fun -> zip_start([left, right], f, acc, fun) end
  end

  def zip_with(enums, f) when is_function(f, 1), do: fn acc, fun -> zip_start(enums, f, acc, fun) end

  # Each enumerable is walked one element at a time by suspending it.
  defp zip_start(enums, f, acc, fun) do
    steps = Enum.map(enums, fn e -> fn tagged -> Enumerable.reduce(e, tagged, fn x, _ -> {:suspend, x} end) end end)
    zip_run(steps, f, acc, fun)
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
