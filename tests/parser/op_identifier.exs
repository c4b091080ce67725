foo +1
foo -x
a -1
x - 1
x -1 + 2
