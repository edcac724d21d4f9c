#!/usr/bin/env python3
# Writes skipgram-corpus.txt, the small English corpus of the word-embedding lab: short sentences
# from templates written for dlplay (no outside text), drawn with a fixed seed so the file is
# reproducible: python3 make-skipgram-corpus.py > skipgram-corpus.txt
import random

rng = random.Random(2013)

MALE = [("king", "queen"), ("prince", "princess"), ("man", "woman"), ("boy", "girl"), ("father", "mother"),
        ("son", "daughter"), ("brother", "sister"), ("husband", "wife"), ("uncle", "aunt")]
COUNTRIES = [("france", "paris"), ("germany", "berlin"), ("italy", "rome"), ("spain", "madrid"),
             ("japan", "tokyo"), ("china", "beijing"), ("egypt", "cairo"), ("russia", "moscow"),
             ("greece", "athens"), ("portugal", "lisbon"), ("poland", "warsaw"), ("austria", "vienna"),
             ("sweden", "stockholm"), ("norway", "oslo"), ("canada", "ottawa"), ("peru", "lima")]
PETS = ["cat", "dog", "rabbit", "hamster"]
FARM = ["cow", "horse", "sheep", "goat", "pig"]
WILD = ["lion", "tiger", "wolf", "bear", "fox"]
BIRDS = ["eagle", "owl", "parrot", "sparrow"]
FISH = ["shark", "salmon", "trout", "tuna"]
COLOURS = ["red", "blue", "green", "yellow", "black", "white", "orange", "purple", "brown", "pink"]
THINGS = ["car", "door", "dress", "hat", "ball", "house", "bicycle", "cup"]
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

lines = []
add = lines.append

# Male and female words share every template except for he/his/him against she/her, so the
# difference between the vectors of a pair points roughly the same way for every pair.
PEOPLE = ["He is a {x}.", "The {x} said that he was tired.", "His {x} smiled at him.",
          "The young {x} lost his hat.", "The {x} and his friend walked home.", "He is the old {x}."]
ROYAL_LINES = ["The {x} wears his golden crown.", "He is the {x} of the kingdom.", "The {x} sat on his throne.",
               "The royal {x} greeted his people.", "The {x} lives in the palace with his family."]


def female(line):
    for a, b in (("He ", "She "), (" he ", " she "), ("His ", "Her "), (" his ", " her "), (" him.", " her.")):
        line = line.replace(a, b)
    return line


for m, f in MALE:
    add(f"The {m} is a man." if m != "man" else "The man is a man.")
    add(f"The {f} is a woman." if f != "woman" else "The woman is a woman.")
for _ in range(45):
    m, f = rng.choice(MALE)
    t = rng.choice(PEOPLE)
    add(t.format(x=m))
    add(female(t.format(x=f)))
for _ in range(25):
    m, f = rng.choice(MALE[:2])
    t = rng.choice(ROYAL_LINES)
    add(t.format(x=m))
    add(female(t.format(x=f)))
add("The king is a man and the queen is a woman.")
add("The prince is a boy and the princess is a girl.")

for country, capital in COUNTRIES:
    add(f"{capital.title()} is the capital of {country.title()}.")
    add(f"The capital of {country.title()} is {capital.title()}.")
for _ in range(80):
    country, capital = rng.choice(COUNTRIES)
    t = rng.randrange(6)
    if t == 0: add(f"{capital.title()} is a big city in {country.title()}.")
    elif t == 1: add(f"{country.title()} is a country with a long history.")
    elif t == 2: add(f"We took the train to {capital.title()}, the capital city.")
    elif t == 3: add(f"Many people live in {country.title()}, a large country.")
    elif t == 4: add(f"The city of {capital.title()} has a famous old bridge.")
    else: add(f"She travelled across {country.title()} and visited {capital.title()}.")

for _ in range(90):
    group = rng.randrange(5)
    if group == 0:
        a = rng.choice(PETS); add(rng.choice([f"The {a} is a pet that sleeps in the house.",
                                             f"My {a} likes to play in the garden.",
                                             f"Children feed the pet {a} every morning."]))
    elif group == 1:
        a = rng.choice(FARM); add(rng.choice([f"The farmer keeps a {a} in the barn.",
                                             f"A {a} eats grass on the farm.",
                                             f"The {a} lives on the farm near the field."]))
    elif group == 2:
        a = rng.choice(WILD); add(rng.choice([f"The wild {a} hunts in the forest.",
                                             f"A {a} is a dangerous wild animal.",
                                             f"The {a} caught its prey at night."]))
    elif group == 3:
        a = rng.choice(BIRDS); add(rng.choice([f"The {a} flies over the trees.",
                                              f"A {a} is a bird with feathers and wings.",
                                              f"The {a} built a nest and laid eggs."]))
    else:
        a = rng.choice(FISH); add(rng.choice([f"The {a} swims in the water.",
                                             f"A {a} is a fish that lives in the sea.",
                                             f"The fisherman caught a {a} in the river."]))

for _ in range(80):
    c = rng.choice(COLOURS); thing = rng.choice(THINGS)
    t = rng.randrange(5)
    if t == 0: add(f"The {thing} is painted {c}.")
    elif t == 1: add(f"{c.title()} is my favourite colour.")
    elif t == 2: add(f"She bought a {c} {thing}.")
    elif t == 3: add(f"The colour of the {thing} is {c}.")
    else: add(f"He likes the colour {c} more than {rng.choice(COLOURS)}.")
add("The sky is blue and the grass is green.")
add("Snow is white and coal is black.")

for _ in range(70):
    i = rng.randrange(1, 6); j = rng.randrange(1, 11 - i)
    t = rng.randrange(4)
    n1, n2, n3 = NUMBERS[i - 1], NUMBERS[j - 1], NUMBERS[i + j - 1]
    if t == 0: add(f"{n1.title()} plus {n2} is {n3}.")
    elif t == 1: add(f"{n3.title()} minus {n2} is {n1}.")
    elif t == 2: add(f"The farmer counted {n3} eggs, then {n1} more.")
    else: add(f"After {n1} comes {NUMBERS[i]}.")

rng.shuffle(lines)
for line in lines:
    print(line)
