fn -> :ok end
fn x -> x end
fn x, y -> x + y end
fn (x, y) -> x end
fn () -> 1 end
fn x when x > 0 -> :pos end
fn x, y when x > y -> x end
fn
  0 -> :zero
  n when n > 0 ->
    :pos
  _ -> :neg
end
fn {:ok, v} -> v; {:error, _} -> nil end
fn x ->
  y = x + 1
  y * 2
end
fn -> end
