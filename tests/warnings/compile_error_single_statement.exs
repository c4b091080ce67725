# A script of one statement that binds an undefined function's result.
result = compute(1, 2)
