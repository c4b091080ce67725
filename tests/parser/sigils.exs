~w(foo bar baz)
~w(foo bar)a
~s(string with #{interp})
~S(no #{interp})
~c(charlist)
~r/regex/i
~r{braces}
~r[brackets]
~r<angles>
~r|pipes|
~r"quotes"
~r'single'
~s(escaped \) paren)
~S"""
heredoc sigil
"""
~r/a\/b/
