parse = fn input ->
  with {:ok, n} <- Map.fetch(input, :n),
       true <- is_integer(n),
       doubled = n * 2,
       {:ok, m} when m > 0 <- {:ok, doubled} do
    {:result, m}
  end
end
IO.inspect(parse.(%{n: 4}))
IO.inspect(parse.(%{}))
IO.inspect(parse.(%{n: "x"}))
IO.inspect(parse.(%{n: -1}))

fetch = fn m ->
  with {:ok, user} <- Map.fetch(m, :user),
       {:ok, email} <- Map.fetch(user, :email) do
    "email: #{email}"
  else
    :error -> "missing"
    other -> "unexpected #{inspect(other)}"
  end
end
IO.puts(fetch.(%{user: %{email: "a@b"}}))
IO.puts(fetch.(%{user: %{}}))
IO.puts(fetch.(%{}))

checked = fn x ->
  with n when is_number(n) <- x,
       {:positive, true} <- {:positive, n > 0} do
    :ok
  else
    {:positive, false} -> :not_positive
    s when is_binary(s) -> :string
    _ -> :other
  end
end
IO.inspect(Enum.map([5, -5, "s", :a], checked))
IO.inspect(with x <- 1, y <- x + 1, do: x + y)
IO.inspect(with {:ok, _} <- :error, do: :unreachable)
IO.inspect(with {:ok, x} <- {:ok, 1}, {:ok, y} <- {:ok, 2} do
  x + y
end)
IO.inspect(with [h | _] <- [9, 8], do: h)
