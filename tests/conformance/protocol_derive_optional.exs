# @derive {Inspect, optional: [...]}: fields left out while they hold
# their default, alone and with only:/except:.
defmodule Job do
  @derive {Inspect, optional: [:retries, :tags]}
  defstruct [:id, retries: 0, tags: []]
end

defmodule Secret do
  @derive {Inspect, except: [:token], optional: [:note]}
  defstruct [:user, :token, note: nil]
end

defmodule Bare do
  @derive {Inspect, optional: [:a]}
  defstruct a: 1
end

defmodule Main do
  def run do
    IO.inspect(struct(Job, id: 1))
    IO.inspect(struct(Job, id: 2, retries: 3))
    IO.inspect(struct(Job, id: 3, tags: [:urgent], retries: 0))
    IO.inspect(struct(Secret, user: "ada", token: "x"))
    IO.inspect(struct(Secret, user: "ada", token: "x", note: "hi"))
    IO.inspect(struct(Bare))
    IO.inspect(struct(Bare, a: 2))
    IO.inspect([struct(Job, id: 4)], structs: false)
    IO.puts(inspect(%{job: struct(Job, id: 5, retries: 1)}, pretty: true, width: 20))
  end
end

Main.run()
