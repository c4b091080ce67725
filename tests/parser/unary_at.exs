@foo
@foo bar
@foo.bar
@foo[1]
@foo [1]
@doc "text"
@spec foo(integer()) :: integer()
@impl true
@type t :: %__MODULE__{a: integer()}
@moduledoc false
@callback foo(x :: term) :: {:ok, term} | :error
@spec foo(x) :: x when x: var
