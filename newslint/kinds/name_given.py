"""One first name in several languages: the forms a wire, a translation or a foreign-desk draft gives one person.

A copy that calls a man "Henri" in one paragraph and "Henry" in the next, or "Sergei" and "Serhiy", names
him two ways, yet no spelling rule connects the two. The families below were written for newslint from
general knowledge of European (Dutch and Catalan among them), Slavic and Arabic given names. They leave
out forms that are a different name in English-speaking copy (John, Ian, Sean and Jack are four men, not
one), forms that are a woman's name in one language and a man's in another (Jean, Joan, Andrea, Nicola,
Simone, Michele), and nicknames (Bill, Bob), which are choices, not spellings. A form only joins two
mentions that already share a last name, spelt the same or respelt.

A short form clipped from a first name's opening (Tom, Thomas; Chris, Christopher) is a choice too, but one
story that names one man both ways has made it twice: beside the same last name it is reported as well.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_spelling import skeleton

FAMILIES = """
john johan johann johannes juan giovanni joao jon ioannis jehan jens
peter pieter piet pierre pietro pedro petrus petr pyotr piotr petar petro petru per pere
paul paulus paolo pablo pavel pawel pavlo pal paulo
anthony antony anton antonio antoine antonius antoni antoon anthonie antal antonin anthonis antonis antonios
william willem wilhelm guillaume guillermo guglielmo wilhelmus vilhelm vilem
charles carl karl carlo carlos carolus karel karol carel
henry henri hendrik heinrich enrique enrico henricus henrik henryk enric
james jacques jaime jaume giacomo
jacob jakob jacobus jakub jacopo yakov yaakov
joseph josef jozef josephus giuseppe jose josep yosef iosif
michael michel michiel miguel mikhail mykhailo michal mihail mikael mikkel miquel
nicholas nicolas nikolaus nicolaus niklaus nikolai nikolay nicolai niccolo nicolau mikolaj nicolaas mykola
stephen steven stefan stephan stefano esteban etienne istvan stepan stephanus stefanos steffen
george georg georges jorge giorgio jerzy jiri georgios joris jorg jordi
francis francois francesco francisco franz frans franciscus frantisek ferenc francesc
frederick frederic friedrich federico frederik fredrik fryderyk fredericus
louis ludwig luis luigi lodewijk ludovic ludovico ludovicus lajos lluis
lucas luke luca lukas luc
mark marc marco marcus markus marek
matthew matthias matteo mateo mathieu matthijs mateusz matej matvei
andrew andreas andre andres andrzej andrei andrey andriy ondrej andras anders
alexander alexandre alessandro alejandro aleksander aleksandr alexandros oleksandr
thomas tomas tommaso tomasz tamas
richard ricardo riccardo rikard ryszard
edward eduard eduardo edouard edoardo
philip phillip philippe filip felipe filippo philipp philippus
christopher christophe cristobal cristoforo krzysztof christoph christoffel
gregory gregor gregorio gregoire grzegorz grigory hryhoriy
lawrence laurence lorenzo laurent lorenz laurens
martin martino maarten marcin martinus
vincent vincenzo vicente wincenty
adolf adolph adolphe adolfo adolphus
gerard gerhard gerardo gerardus gherardo gerrit
bernard bernhard bernardo bernardus bernat
albert alberto albrecht albertus
arthur artur arturo
hugh hugo hugues ugo
dirk dierick diederik dietrich
adrian adriaan adriano adrien adrianus
cornelius cornelis corneille cornelio
maurice maurits moritz mauricio maurizio
raymond raimund raymund raimondo raymundus ramon
joachim joaquim joaquin gioacchino
gustav gustave gustavo gustaf gustavus
rudolf rudolph rodolfo rodolphe rudolphus
ernest ernst ernesto
constantine constantin konstantin costantino konstanty constantijn
leopold leopoldo leopoldus
augustine augustin agustin agostino augustinus
victor viktor vittorio wiktor vitor
dominic domenico dominik domingo
ignatius ignacio ignazio ignace ignacy
eugene eugen eugenio evgeny eugeniusz
sergei sergey serge sergio sergiu serhiy
vladimir volodymyr wladimir wlodzimierz
alexei aleksei alexey oleksiy
dmitry dmitri dmytro
yuri yury iurii jurij
vasily vasyl vassili
oleg oleh
igor ihor
kirill kyrylo
fyodor fedor fedir theodore teodor theodor
mehmet mohammed muhammad mohamed
ahmed ahmad ahmet
omar umar omer
osama usama
othman uthman osman
hussein husayn huseyin
suleiman sulaiman suleyman
yusuf youssef yousef
ibrahim ebrahim
maria mariya marija maryia
catherine katherine katharina caterina catalina katarzyna ekaterina yekaterina kateryna
elizabeth elisabeth elisabetta elzbieta
helen helena helene elena yelena olena
margaret margarethe margherita margarita malgorzata
julia yulia iulia giulia yuliya
natalia natalya nataliya
tatiana tatyana tetiana
sophia sofia sophie zofia
christina kristina cristina krystyna
teresa theresa therese tereza
"""


@lru_cache(maxsize=1)
def _families() -> dict[str, frozenset[int]]:
    """Each folded form and the families it belongs to. Folding the four hundred names costs a one-file run
    about 4 ms, and most stories with names need the table: it is kept in the cache directory."""
    from newslint.rulecache import kept_table

    return kept_table("given-names", _fold_families)


def _fold_families() -> dict[str, frozenset[int]]:
    """The table, from skeletons, so that it also covers romanisations it does not spell out: Dmitriy,
    Aleksey, Mikhaïl."""
    table: dict[str, set[int]] = {}
    for index, line in enumerate(line for line in FAMILIES.splitlines() if line.strip()):
        for name in line.split():
            table.setdefault(skeleton(name), set()).add(index)
    return {key: frozenset(indexes) for key, indexes in table.items()}


def are_cognates(a: str, b: str) -> bool:
    """Are skeletons `a` and `b` one first name in two languages (Henry and Henri, Pyotr and Peter)?"""
    if a == b:
        return False
    families = _families()
    return bool(families.get(a, frozenset()) & families.get(b, frozenset()))


# The short forms English (and Dutch) copy clips from a longer first name's opening letters, as copy writes
# them beside the full name of one person: Tom and Thomas, Chris and Christopher, Wil and William. A list,
# not any opening: Man is not short for Manchester, nor West for Western, nor Con for Consolidated.
SHORT_FORMS = """
alex alf ben cal chris dan doug ed fred greg jeff jon ken matt max nat nick pat phil ray reg rob ron sam stan
tim tom vic wil will
"""
# The full name must add this many letters: Sam and Samuel, not Ed and Edo.
MIN_CUT = 2


@lru_cache(maxsize=1)
def _short_forms() -> frozenset[str]:
    return frozenset(skeleton(name) for name in SHORT_FORMS.split())


def is_short_form(a: str, b: str) -> bool:
    """Is one skeleton a short form of the other (`SHORT_FORMS`), which opens with it? Not where the full name
    ends in an a or an e: a woman's name shares most short forms with a man's (Chris and Christine, Sam and
    Samantha), and a brother and a sister may be named in one story."""
    short, long = sorted((a, b), key=len)
    return (short in _short_forms() and len(long) >= len(short) + MIN_CUT and long.startswith(short)
            and long[-1] not in "ae")
