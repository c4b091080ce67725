state = [count: 1]
IO.inspect(state)
%{state | count: 2}
