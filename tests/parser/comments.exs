# comment
x = 1 # trailing
# another
y = 2
"# not a comment"
