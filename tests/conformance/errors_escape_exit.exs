IO.puts("about to exit")
exit(:boom)
