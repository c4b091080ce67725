IO.puts("abc
