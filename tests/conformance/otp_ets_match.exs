# match, match_object, match_delete with :"$N" variables and :_.
t = :ets.new(:people, [:ordered_set])
:ets.insert(t, [
  {1, "ana", :admin, 31},
  {2, "bo", :user, 25},
  {3, "cy", :user, 40},
  {4, "di", :guest, 19},
  {5, "ed", :admin, 52}
])
IO.inspect(:ets.match(t, {:"$1", :_, :admin, :_}))
IO.inspect(:ets.match(t, {:_, :"$2", :user, :"$1"}), label: "bindings in variable order")
IO.inspect(:ets.match(t, {:"$1", :"$1", :_, :_}), label: "repeated variable")
IO.inspect(:ets.match(t, {:_, :_, :_, :_}) |> length, label: "no variables")
IO.inspect(:ets.match_object(t, {:_, :_, :admin, :_}))
IO.inspect(:ets.match_object(t, {3, :_, :_, :_}), label: "bound key")
IO.inspect(:ets.match(t, {:_, :_}), label: "wrong arity")
IO.inspect(:ets.match(t, :"$1") |> Enum.take(2), label: "whole objects")
IO.inspect(:ets.match_delete(t, {:_, :_, :guest, :_}))
IO.inspect(:ets.match(t, {:"$1", :_, :_, :_}) |> List.flatten())
s = :ets.new(:nested, [])
:ets.insert(s, [{:a, {1, [2, 3]}, %{k: :v, n: 1}}, {:b, {1, [4]}, %{k: :w}}, {:c, {2, []}, %{n: 2}}])
IO.inspect(:ets.match(s, {:"$1", {1, [:"$2" | :_]}, :_}) |> Enum.sort())
IO.inspect(:ets.match(s, {:"$1", :_, %{k: :"$2"}}) |> Enum.sort(), label: "map patterns")
IO.inspect(:ets.match_object(s, {:_, {:_, []}, :_}))
{chunk, cont} = :ets.match(t, {:"$1", :"$2", :_, :_}, 2)
IO.inspect(chunk)
{chunk, cont} = :ets.match(cont)
IO.inspect(chunk)
IO.inspect(:ets.match(cont))
