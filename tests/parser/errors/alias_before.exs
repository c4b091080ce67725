foo Bar Baz
