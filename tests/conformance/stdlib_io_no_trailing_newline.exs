# The output ends without a newline.
IO.puts("first line")
IO.write("partial ")
IO.write(:line)
