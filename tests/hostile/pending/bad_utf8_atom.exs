IO.puts(:ÿ)
