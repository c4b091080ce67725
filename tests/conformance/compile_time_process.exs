# Compile-time code (a module body, an attribute's value, a macro) runs in
# the process that compiles: for a script, the script's own process. It can
# send to itself and receive, as any code can.
me = self()

defmodule Body do
  send(self(), {:from_body, self()})
  send(self(), :ping)

  got =
    receive do
      :ping -> :pong
    end

  IO.inspect(got, label: "received in the body")
  @late (receive do
           :never -> :never
         after
           10 -> :timed_out
         end)
  def late, do: @late

  defmacro whose do
    send(self(), {:from_macro, self()})
    :ok
  end
end

defmodule User do
  require Body
  def f, do: Body.whose()
end

receive do
  {:from_body, pid} -> IO.inspect(pid == me, label: "body ran in the script's process")
end

receive do
  {:from_macro, pid} -> IO.inspect(pid == me, label: "macro ran in the script's process")
end

IO.inspect(Body.late())
IO.inspect(User.f())

# a process the body starts and waits for answers it
defmodule Asker do
  parent = self()
  child = spawn(fn -> send(parent, {:answer, 6 * 7}) end)
  answer =
    receive do
      {:answer, n} -> n
    end

  @answer answer
  def answer, do: @answer
  IO.inspect(Process.alive?(child) in [true, false])
end

IO.inspect(Asker.answer())
