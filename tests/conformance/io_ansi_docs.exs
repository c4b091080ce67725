# IO.ANSI.Docs, as IEx's h/1 prints documentation: without colours (a
# shell whose output is not a terminal) and with IEx's colours.
docs = [
  """
  Looks up the `k`th entry of the log, counting from the oldest one.

  `k` may be negative: then it counts back from the newest entry, so that `at(-1)`
  is the newest and `at(-2)` the one written just before it. With no argument at
  all, `at()` behaves as `at(-1)` does.

  ## Examples

      iex(1)> Log.write(:started)
      :ok

      iex(2)> Log.at(-1)
      :started
  """,
  """
  A few more things it can do:

    * `at/1`           - reads one entry back
    * `write/2`        - appends an entry and tags it with the given label
    * `replay/1`       - sends every entry since the given one again to the calling process

  A **bold** word, an *emphasised* one and an _underlined_ one, then snake_case
  and a long run of words that goes on past the width so that it has to wrap
  around at least once or twice, with `inline code` here and there in it.

  1. first, a numbered item long enough that it needs to wrap onto a second line
  2. second

  - a dash item

  ```elixir
  fenced(code)
  ```

  > a quote

  ### A smaller heading
  """
]

for enabled <- [false, true] do
  IO.ANSI.Docs.print_headings(["def v(n \\\\ -1)"], enabled: enabled, width: 80)
  IO.ANSI.Docs.print_headings(["def pid(string)", "def pid(x, y, z)"], enabled: enabled, width: 80)
  IO.ANSI.Docs.print_metadata(%{since: "1.5.0"}, enabled: enabled, width: 80)
  IO.ANSI.Docs.print_metadata(%{deprecated: "Use y/1 instead", since: "1.4.0"}, enabled: enabled, width: 80)
  for doc <- docs, do: IO.ANSI.Docs.print(doc, "text/markdown", enabled: enabled, width: 80)
end
