# IO.ANSI.Docs, as IEx's h/1 prints documentation: without colours (a
# shell whose output is not a terminal) and with IEx's colours.
docs = [
  """
  Returns the value of the `n`th expression in the history.

  `n` can be a negative value: if it is, the corresponding expression value
  relative to the current one is returned. For example, `v(-2)` returns the value
  of the expression evaluated before the last evaluated expression. In
  particular, `v(-1)` returns the result of the last evaluated expression and
  `v()` does the same.

  ## Examples

      iex(1)> "hello" <> " world"
      "hello world"

      iex(2)> 40 + 2
      42
  """,
  """
  There are many other helpers available, here are some examples:

    * `b/1`            - prints callbacks info and docs for a given module
    * `c/2`            - compiles a file and writes bytecode to the given path
    * `open/1`         - opens the source for the given module or function in your editor

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
