"""Pupils' nicknames: an animal, a colour and a number ("Volpe blu 27", "Blue fox 27").

The nickname is drawn in the class's language; the same animal and colour pairs exist in
Italian and English. It is unique within the class (a database constraint).
"""

import secrets

# (Italian, English, Italian gender) — the colour agrees with the animal in Italian.
ANIMALS = (
    ("Volpe", "fox", "f"), ("Lupo", "wolf", "m"), ("Gatto", "cat", "m"), ("Tigre", "tiger", "f"),
    ("Orso", "bear", "m"), ("Gufo", "owl", "m"), ("Riccio", "hedgehog", "m"), ("Lontra", "otter", "f"),
    ("Delfino", "dolphin", "m"), ("Balena", "whale", "f"), ("Aquila", "eagle", "f"), ("Panda", "panda", "m"),
    ("Koala", "koala", "m"), ("Cervo", "deer", "m"), ("Tartaruga", "turtle", "f"), ("Rana", "frog", "f"),
    ("Falco", "hawk", "m"), ("Lince", "lynx", "f"), ("Castoro", "beaver", "m"), ("Scoiattolo", "squirrel", "m"),
    ("Leone", "lion", "m"), ("Zebra", "zebra", "f"), ("Giraffa", "giraffe", "f"), ("Pinguino", "penguin", "m"),
)
# (Italian masculine, Italian feminine, English)
COLOURS = (
    ("blu", "blu", "Blue"), ("rosso", "rossa", "Red"), ("verde", "verde", "Green"), ("giallo", "gialla", "Yellow"),
    ("viola", "viola", "Purple"), ("arancione", "arancione", "Orange"), ("azzurro", "azzurra", "Sky-blue"),
    ("argento", "argento", "Silver"), ("dorato", "dorata", "Golden"), ("rosa", "rosa", "Pink"),
)


def nickname(language="it"):
    animal_it, animal_en, gender = secrets.choice(ANIMALS)
    masculine, feminine, colour_en = secrets.choice(COLOURS)
    number = secrets.randbelow(90) + 10
    if (language or "it").startswith("en"):
        return f"{colour_en} {animal_en} {number}"
    return f"{animal_it} {feminine if gender == 'f' else masculine} {number}"
