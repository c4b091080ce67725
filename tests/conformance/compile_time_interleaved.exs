# A macro that waits for another process which compiles code meanwhile
# (Code.eval_string, one that fails to parse): both compile, each in its
# own process, and the macro gets its answer.
defmodule Waiter do
  defmacro wait_for_other do
    me = self()
    spawn(fn ->
      r = try do
        Code.eval_string("1 +")
      rescue
        e -> {:error, e.__struct__}
      end
      {v, _} = Code.eval_string("x = 20; x + 1")
      send(me, {:other, r, v})
    end)
    receive do
      {:other, r, v} -> Macro.escape({r, v})
    end
  end
end
defmodule UsesWaiter do
  require Waiter
  def f, do: Waiter.wait_for_other()
end
IO.inspect(UsesWaiter.f())
x = 5
IO.inspect(x)
