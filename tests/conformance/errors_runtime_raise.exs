show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end
show.(fn -> raise "plain message" end)
show.(fn -> raise RuntimeError end)
show.(fn -> raise RuntimeError, "explicit" end)
show.(fn -> raise "multi\nline" end)
show.(fn -> raise "interp #{1 + 1}" end)
show.(fn -> raise KeyError, key: :k, term: %{} end)
show.(fn -> raise KeyError, "custom key message" end)
show.(fn -> raise MatchError, term: {:some, :term} end)
show.(fn -> raise CaseClauseError, term: 1 end)
show.(fn -> raise ArithmeticError end)
show.(fn -> raise BadMapError, term: 1 end)
show.(fn -> raise FunctionClauseError end)
show.(fn -> raise UndefinedFunctionError end)
show.(fn -> raise UndefinedFunctionError, module: M, function: :f, arity: 2 end)
show.(fn -> raise ErlangError, original: :something end)
IO.puts("done")
