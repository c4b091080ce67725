# Functions of List and String the doc sweep found missing or different:
# edit scripts, bag distance, lazy splitting, chunks, replacement by a
# function, and inspect's :charlists option with any value.
IO.inspect(List.myers_difference([:a, :b, :c, :d], [:a, :c, :d, :e]))
IO.inspect(List.myers_difference([], [1, 2]))
IO.inspect(List.myers_difference([1, 2], []))
IO.inspect(List.myers_difference([5, 1, 5], [1, 5, 1, 5]))
IO.inspect(List.myers_difference(["cat", "dog", "x"], ["cut", "dog"], &String.myers_difference/2))
IO.inspect(List.myers_difference([1, 2, 3], [1, 9, 3], fn _, _ -> nil end))
IO.inspect(String.myers_difference("kitten", "sitting"))
IO.inspect(String.myers_difference("", "new"))
IO.inspect(String.myers_difference("same", "same"))

IO.inspect(String.bag_distance("hello", "olleh"))
IO.inspect(String.bag_distance("aabb", "ab"))
IO.inspect(String.bag_distance("", ""))
IO.inspect(String.bag_distance("x", ""))

IO.inspect(String.splitter("a-b--c", "-") |> Enum.to_list())
IO.inspect(String.splitter("a-b--c-", "-", trim: true) |> Enum.to_list())
IO.inspect(String.splitter("one two,three", [" ", ","]) |> Enum.take(2))
IO.inspect(String.splitter("xy", "") |> Enum.to_list())
IO.inspect(String.splitter("", "") |> Enum.to_list())
IO.inspect(String.splitter("", "-", trim: true) |> Enum.to_list())
IO.inspect(String.splitter("abc", []) |> Enum.to_list())

IO.inspect(String.chunk("hello\0world", :printable))
IO.inspect(String.chunk(<<"ok", 255, 254, "fine">>, :valid))
IO.inspect(String.chunk("", :valid))

IO.inspect(String.replace("1 + 2 = 3", ~w(1 2 3), fn d -> "<" <> d <> ">" end))
IO.inspect(String.replace("aaa", "a", &String.upcase/1, global: false))
IO.inspect(String.replace("ab", "", fn _ -> "." end))
IO.inspect(String.replace("ab", "", fn _ -> "." end, global: false))
IO.inspect(String.replace("nothing", "z", fn _ -> "!" end))

IO.inspect([104, 105], charlists: :as_lists)
IO.inspect([104, 105], charlists: :lists_please)
IO.inspect([[104, 105]], charlists: :as_charlists)
IO.inspect([104, 105], charlists: :infer)
