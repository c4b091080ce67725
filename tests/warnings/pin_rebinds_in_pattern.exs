# The variable a pattern binds again next to its pin is the unused one.
level = 1
{level, ^level} = {2, 1}
