# Logger metadata is per process; the console shows the keys it is told to.
Logger.configure_backend(:console, format: "$metadata[$level] $message\n", metadata: [:request_id, :user])
require Logger

IO.inspect(Logger.metadata())
Logger.metadata(request_id: 42)
IO.inspect(Logger.metadata())
Logger.info("with request id")
Process.sleep(20)
Logger.info("with user too", user: "ann")
Process.sleep(20)
Logger.metadata(user: "bob", other: :ignored)
Logger.warning("both")
Process.sleep(20)
Logger.metadata(request_id: nil)
IO.inspect(Logger.metadata())
Logger.error("after removing request_id")
Process.sleep(20)

task = spawn(fn -> Logger.info("another process has its own metadata") end)
ref = Process.monitor(task)
receive do
  {:DOWN, ^ref, _, _, _} -> :ok
end
Process.sleep(20)
Logger.reset_metadata()
IO.inspect(Logger.metadata())
