1 true
