# apply/3 with arguments of the wrong type: each is blamed, all at once.
for {m, f, a} <- [{1, 2, 3}, {:nope, :x, :y}, {Enum, "x", [1]}, {1, :x, [1 | 2]}, {"m", "f", [1 | 2]}, {1, 2, []}, {Enum, :nope, [1, 2]}] do
  try do
    apply(m, f, a)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end

apply(1, 2, 3)
