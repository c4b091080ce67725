<<<<<<< HEAD
x
