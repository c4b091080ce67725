def handle_info({:DOWN, _ref, :process, _pid, _reason}, state) do
  # Handle monitored process crash
  {:noreply, state}
end

def handle_info(:tick, state) do
  # Periodic timer message
  schedule_tick()
  {:noreply, update_state(state)}
end
