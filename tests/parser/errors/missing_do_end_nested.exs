if x do
  case y do
    1 -> 2
end
