# A capture that names another module's function with its arguments in
# order is that function (an external fun), not a fn: Elixir reads
# &fun(&1, &2) as &fun/2, and Kernel's inlined functions as :erlang's.
IO.inspect([&IO.puts/1, &IO.puts(&1), &(&1 + &2), &Enum.map(&1, &2), &is_atom(&1), &length/1, &hd/1])
IO.inspect([&max(&1, &2), &(&1 != &2), &(&1 <= &2), &(&1 === &2), &(&1 !== &2), &(-&1), &(not &1)])
IO.inspect([&inspect/1, &inspect(&1, &2), &Kernel.inspect/2, &String.upcase(&1), &Kernel.+/2])
import List, only: [flatten: 1]
IO.inspect({&flatten/1, &flatten(&1)})
IO.inspect(Enum.reduce([1, 2, 3], 0, &(&1 + &2)))
IO.inspect(Enum.map(["a", "b"], &String.upcase(&1)))
IO.inspect(Enum.sort([3, 1, 2], &(&1 >= &2)))
IO.inspect(Enum.map([[1, [2]], [3]], &flatten(&1)))
IO.inspect(:erlang.fun_info(&(&1 + &2), :type))
IO.inspect(:erlang.fun_info(&(&1 * 2), :type))
IO.inspect((&(&1 * 2)).(21))
# macros stay fns, as does a capture whose arguments are not in order
IO.inspect(Enum.map([:a, 1], &to_string(&1)))
IO.inspect(:erlang.fun_info(&to_string/1, :type))
IO.inspect(:erlang.fun_info(&is_nil(&1), :type))
IO.inspect(:erlang.fun_info(&Enum.map(&2, &1), :type))
IO.inspect((&Enum.map(&2, &1)).(&(&1 + 1), [1, 2]))
