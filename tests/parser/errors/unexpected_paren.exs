foo)
