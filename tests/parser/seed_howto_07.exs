def handle_cast({:log_event, event}, state) do
  new_events = [event | state.events]
  {:noreply, %{state | events: new_events}}
end
