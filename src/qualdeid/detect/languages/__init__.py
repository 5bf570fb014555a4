"""What other languages write about a person in their own words, read from per-language word lists
(``rules/languages/<code>.yaml``, see the README there).

* :mod:`.ages` — a person's age written in another language ("de 74 años", "yn 79 oed", "fez 80",
  "70 yaşında") (AGE).
* :mod:`.kin` — a name after the language's kinship words and forms of address ("mi hermano Efrén", "Abuela
  Zulema") (PERSON), in a text partly written in that language.
* :mod:`.organisations` — a church, an association, a school or a market named after the language's word
  for it ("Chiesa di San Rocco", "w kościele pw. św. Józefa", "Yeşiltepe Camii") (ORGANIZATION), in a text
  partly written in that language.
"""
