result =
  with {:ok, a} <- {:ok, 1},
       {:ok, b} <- {:error, :second_step} do
    a + b
  else
    {:error, :first_step} -> :handled
  end

IO.inspect(result)
