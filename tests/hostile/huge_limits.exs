# Sizes past the system's limits raise.
import Bitwise
IO.inspect(try do Tuple.duplicate(0, 100_000_000) |> tuple_size rescue e -> e end)
IO.inspect(try do Bitwise.bsl(1, 10_000_000_000) rescue e -> e end)
IO.inspect(try do List.duplicate(0, -1) rescue e -> e end)
IO.inspect(try do :erlang.make_tuple(1 <<< 40, 0) rescue e -> e end)
IO.inspect(try do :erlang.list_to_atom(List.duplicate(?a, 256)) rescue e -> e end)
IO.inspect(try do String.to_atom(String.duplicate("a", 256)) rescue e -> e end)
