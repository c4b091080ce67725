case x do
  1 -> :one
  2 ->
end
