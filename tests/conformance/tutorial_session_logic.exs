# SessionStore's expiry logic with a fixed clock instead of System.system_time.
defmodule SessionLogic do
  @session_timeout 60_000

  def create(state, session_id, user_id, now) do
    session = %{user_id: user_id, created_at: now, last_accessed: now}
    {{:ok, session_id}, Map.put(state, session_id, session)}
  end

  def get(state, session_id, now) do
    case Map.get(state, session_id) do
      nil ->
        {{:error, :not_found}, state}

      session ->
        if session_expired?(session, now) do
          {{:error, :expired}, Map.delete(state, session_id)}
        else
          {{:ok, session}, state}
        end
    end
  end

  def refresh(state, session_id, now) do
    case Map.get(state, session_id) do
      nil -> state
      session -> Map.put(state, session_id, %{session | last_accessed: now})
    end
  end

  def cleanup(state, now) do
    Enum.reject(state, fn {_id, session} -> session_expired?(session, now) end)
    |> Enum.into(%{})
  end

  def session_expired?(session, now), do: now - session.last_accessed > div(@session_timeout, 1000)
  def id_for(n), do: Base.encode64(<<n::128>>)
end

t0 = 1_700_000_000
id1 = SessionLogic.id_for(1)
id2 = SessionLogic.id_for(2)
IO.inspect({id1, id2})
{r, st} = SessionLogic.create(%{}, id1, 42, t0)
IO.inspect(r)
{_, st} = SessionLogic.create(st, id2, 7, t0 + 10)
IO.inspect(st)
{r, st} = SessionLogic.get(st, id1, t0 + 30)
IO.inspect(r)
st = SessionLogic.refresh(st, id1, t0 + 50)
st = SessionLogic.refresh(st, "unknown", t0 + 50)
IO.inspect(st[id1].last_accessed - t0)
{r, st} = SessionLogic.get(st, id2, t0 + 71)
IO.inspect(r)
IO.inspect(Map.keys(st))
IO.inspect(SessionLogic.get(st, "nope", t0))
IO.inspect(SessionLogic.cleanup(st, t0 + 111))
IO.inspect(SessionLogic.cleanup(st, t0 + 110) |> map_size())
IO.inspect(SessionLogic.session_expired?(%{last_accessed: 0}, 60))
IO.inspect(SessionLogic.session_expired?(%{last_accessed: 0}, 61))
