IO.puts(:bom)
