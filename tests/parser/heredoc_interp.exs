x = """
#{a}
text #{b} more
  #{c}
"""
