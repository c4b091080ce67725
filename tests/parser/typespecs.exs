@type t :: %{optional(atom()) => term()}
@type result :: {:ok, term()} | {:error, String.t()}
@spec foo(list(integer()), keyword()) :: :ok
@typep state :: [any()]
@opaque o :: map()
@spec bar(a) :: a when a: atom()
@callback init(args :: term()) :: {:ok, state :: term()}
