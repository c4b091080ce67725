IO.puts("abcÿþdef")
