# Logger's levels and configuration, with a console format without the
# time so that the output is the same on every run.
Logger.configure_backend(:console, format: "[$level] $message\n")
require Logger

pause = fn -> Process.sleep(20) end

IO.inspect(Logger.level())
Logger.debug("debug message")
Logger.info("info message")
Logger.notice("notice message")
Logger.warning("warning message")
Logger.error("error message")
pause.()

Logger.configure(level: :warning)
IO.inspect(Logger.level())
Logger.info("hidden info")
Logger.warning("shown warning")
Logger.error(["chardata ", ?o, 'k'])
Logger.error(fn -> "lazy message" end)
Logger.info(fn -> raise "never evaluated" end)
pause.()

Logger.configure(level: :error)
Logger.warning("hidden warning")
Logger.log(:error, "via log/2")
Logger.critical("critical")
pause.()

Logger.configure(level: :debug)
Logger.debug("multi\nline")
Logger.info("interpolated #{1 + 1}")
pause.()
IO.inspect(Logger.compare_levels(:info, :error))
IO.inspect(Logger.compare_levels(:error, :info))
IO.inspect(Logger.compare_levels(:debug, :debug))
