case x do
  1
  2 -> 3
end
