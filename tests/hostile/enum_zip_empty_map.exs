IO.inspect(Enum.zip(%{}))
IO.inspect(Enum.zip([%{}, [1]]))
IO.inspect(Enum.zip(%{a: 1}, [2, 3]))
