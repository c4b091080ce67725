IO.puts("about to throw")
throw({:unexpected, 42})
