# A call in a try's else, catch or rescue body is a tail call: the
# function with the try leaves no frame in the stack trace (the BEAM's
# try...of and catch bodies run outside the try's protection). With an
# after, the call is not in tail position.
defmodule TailTry do
  def in_else do
    try do
      :ok
    catch
      _ -> :never
    else
      :ok -> boom()
    end
  end

  def in_catch do
    try do
      throw(:x)
    catch
      :x -> boom()
    end
  end

  def in_rescue do
    try do
      raise "first"
    rescue
      _ -> boom()
    end
  end

  def with_after do
    try do
      throw(:x)
    catch
      :x -> boom()
    after
      :ok
    end
  end

  def loop(0), do: :done

  def loop(n) do
    try do
      n
    catch
      _ -> :never
    else
      _ -> loop(n - 1)
    end
  end

  def boom, do: raise("boom")
end

for f <- [:in_else, :in_catch, :in_rescue, :with_after] do
  try do
    apply(TailTry, f, [])
  rescue
    e ->
      frames = for {TailTry, name, arity, _} <- __STACKTRACE__, do: {name, arity}
      IO.inspect({f, e.message, frames})
  end
end

# a loop through else runs in constant stack
IO.inspect(TailTry.loop(1_000_000))
