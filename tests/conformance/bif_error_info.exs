# A BIF's error in a stack trace: the call with its arguments and OTP's
# error_info (%{module: :erl_erts_errors}, nothing else), while the message
# still says which argument was wrong.
defmodule Calls do
  def head(l), do: hd(l)
  def element(t, i), do: elem(t, i)
  def atom(b), do: :erlang.binary_to_existing_atom(b, :utf8)
  def size(t), do: tuple_size(t)

  def show(f) do
    try do
      f.()
    rescue
      e ->
        IO.inspect(Enum.take(__STACKTRACE__, 2))
        IO.puts(Exception.message(e))
        IO.puts(Exception.format(:error, e, __STACKTRACE__) |> String.split("\n") |> Enum.take(4) |> Enum.join("\n"))
    end
  end
end

Calls.show(fn -> Calls.head([]) end)
Calls.show(fn -> Calls.element({1, 2}, 5) end)
Calls.show(fn -> Calls.atom("surely_no_such_atom_here_42") end)
Calls.show(fn -> Calls.size([:not, :a, :tuple]) end)
# the same BIF raising twice, then formatted in the other order
e1 = try do Calls.element({1}, 3) rescue e -> {e, __STACKTRACE__} end
e2 = try do Calls.element(:no, 1) rescue e -> {e, __STACKTRACE__} end
for {e, st} <- [e2, e1], do: IO.puts(Exception.format(:error, e, st) |> String.split("\n") |> Enum.take(3) |> Enum.join("\n"))
