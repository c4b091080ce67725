x = Ólá
