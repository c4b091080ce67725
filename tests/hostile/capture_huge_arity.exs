f = &length/123456789012345
IO.inspect(f)
