-if a do b end + c
!case x do _ -> 1 end |> f
@doc if a do b end
x = not if a do b end
