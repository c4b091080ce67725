x "a" "b"
