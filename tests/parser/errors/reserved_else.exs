x = else
