"""What other languages write about a person in their own words, read from per-language word lists
(``rules/languages/<code>.yaml``, see the README there).

* :mod:`.ages` — a person's age written in another language ("de 81 años", "yn 83 oed", "fez 80",
  "70 yaşında") (AGE).
"""
