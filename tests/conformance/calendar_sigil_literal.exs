# A calendar sigil with an invalid literal fails as it expands.
~D[2020-1-1]
