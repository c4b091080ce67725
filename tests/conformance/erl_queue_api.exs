# :queue predicates, peeks and the Okasaki API; errors on empty and non-queues.
IO.inspect :queue.filtermap(fn x -> x > 2 end, {[5,4,3],[1,2]})
IO.inspect :queue.filtermap(fn x -> x < 4 end, {[5,4,3],[1,2]})
IO.inspect :queue.filtermap(fn x -> x != 1 end, {[5,4,3],[1,2]})
IO.inspect :queue.delete_with(fn x -> x == 1 end, {[5,4,3],[1]})
IO.inspect :queue.delete_with_r(fn x -> x == 5 end, {[5],[1, 3]})
IO.inspect {:queue.len({[3],[1,2]}), :queue.is_empty({[],[]}), :queue.is_queue({[],[]}), :queue.is_queue({1,2}), :queue.member(2, {[3],[1,2]}), :queue.any(&(&1>2), {[3],[1,2]}), :queue.all(&(&1>2), {[3],[1,2]})}
IO.inspect {:queue.head({[3],[1,2]}), :queue.last({[3],[1,2]}), :queue.daeh({[3],[1,2]}), :queue.peek_r({[3],[1,2]}), :queue.peek({[3],[1,2]}), :queue.init({[3],[1,2]}), :queue.lait({[3],[1,2]}), :queue.drop_r({[3],[1,2]})}
IO.inspect :queue.in(9, {[],[1,2]})
IO.inspect :queue.in_r(9, {[1,2],[]})
IO.inspect(try do :queue.out(:x) rescue e -> e end)
IO.inspect(try do :queue.len(:x) rescue e -> e end)
IO.inspect(try do :queue.drop({[],[]}) rescue e -> e end)
IO.inspect(try do :queue.head({[],[]}) rescue e -> e end)
IO.inspect(try do :queue.split(5, {[],[1]}) rescue e -> e end)
IO.inspect(try do :queue.from_list(:a) rescue e -> e end)
