# A session store whose sessions are structs with String.Chars and Inspect
# showing their DateTime expiry; expired sessions are swept on a timer.
defmodule Session do
  defstruct [:user, :token, :expires_at]

  def new(user, now, ttl), do: %Session{user: user, token: "tok-" <> user, expires_at: DateTime.add(now, ttl, :second)}
  def expired?(%Session{expires_at: at}, now), do: DateTime.compare(now, at) != :lt

  defimpl String.Chars do
    def to_string(%Session{user: user, expires_at: at}), do: "#{user} until #{at |> DateTime.to_time() |> Time.to_string()}"
  end

  defimpl Inspect do
    import Inspect.Algebra
    def inspect(%Session{user: user, expires_at: at}, opts) do
      concat(["#Session<", to_doc(user, opts), " expires ", to_doc(at, opts), ">"])
    end
  end
end

defmodule Store do
  use GenServer

  def start(now), do: GenServer.start(__MODULE__, now, name: __MODULE__)
  def login(user, ttl), do: GenServer.call(__MODULE__, {:login, user, ttl})
  def advance(seconds), do: GenServer.call(__MODULE__, {:advance, seconds})
  def active, do: GenServer.call(__MODULE__, :active)

  @impl true
  def init(now), do: {:ok, %{now: now, sessions: %{}}}

  @impl true
  def handle_call({:login, user, ttl}, _from, s) do
    session = Session.new(user, s.now, ttl)
    {:reply, session, put_in(s.sessions[user], session)}
  end

  def handle_call({:advance, seconds}, _from, s) do
    now = DateTime.add(s.now, seconds, :second)
    {expired, alive} = Enum.split_with(s.sessions, fn {_, sess} -> Session.expired?(sess, now) end)
    {:reply, Enum.map(expired, fn {user, _} -> user end), %{s | now: now, sessions: Map.new(alive)}}
  end

  def handle_call(:active, _from, s), do: {:reply, Map.values(s.sessions), s}
end

defmodule Main do
  def run do
    {:ok, _} = Store.start(~U[2024-03-01 12:00:00Z])
    a = Store.login("ada", 60)
    IO.puts("logged in: #{a}")
    IO.inspect(a)
    Store.login("bob", 300)
    IO.inspect(Store.active(), label: "active")
    IO.inspect(Store.advance(30), label: "expired after 30s")
    IO.inspect(Store.advance(30), label: "expired after 60s")
    IO.puts(Enum.join(Store.active(), "; "))
    IO.inspect(:sys.get_state(Store), label: "state")
    IO.inspect(Store.advance(600), label: "expired after 660s")
    IO.inspect(Store.active())
  end
end

Main.run()
