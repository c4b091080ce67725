x = "\uZZZZ"
