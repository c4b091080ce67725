IO.puts("parsing")
IO.inspect(String.to_integer("12"))
String.to_integer("twelve")
