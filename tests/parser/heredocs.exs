x = """
  indented
    more
  back
"""
y = """
no indent
"""
z = """
  with #{interp} inside
  ok
  """
w = '''
  charlist heredoc
  '''
v = """
abc
""" |> String.trim()
