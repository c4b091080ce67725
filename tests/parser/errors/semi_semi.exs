x;;y
