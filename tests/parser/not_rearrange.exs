not x
!x
x = not y
(!x)
not(x)
