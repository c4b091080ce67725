# A pinned variable is its value from before the pattern, even when the
# same pattern binds that name again (in a match, a case, a fn head).
count = 10
{count, ^count} = {11, 10}
IO.inspect(count)

name = "a"

case ["b", "a"] do
  [name, ^name] -> IO.inspect({:case, name})
end

limit = 3
check = fn {limit, ^limit} -> {:fn, limit} end
IO.inspect(check.({4, 3}))

key = :k
%{^key => key} = %{k: :v}
IO.inspect(key)

try do
  level = 1
  {level, ^level} = {2, 2}
rescue
  e -> IO.puts(Exception.message(e))
end
