"""One first name in several languages: the forms a wire, a translation or a foreign-desk draft gives one person.

A copy that calls a man "Henri" in one paragraph and "Henry" in the next, or "Sergei" and "Serhiy", names
him two ways, yet no spelling rule connects the two. The families below were written for newslint from
general knowledge of European (Dutch and Catalan among them), Greek, Hebrew, Slavic and Arabic given
names. They leave out forms that are a different name in English-speaking copy (John, Ian, Sean and Jack
are four men, not one; Lew is not Leo), forms whose spelling folds to another name's (Egyptian Gamal reads as
Kamal, not Jamal), forms that are a woman's name in one language and a man's in another (Jean, Joan, Andrea, Nicola,
Simone, Michele), and short forms and nicknames (Tom, Bill: `name_short_forms`), which are choices, not
spellings. A form only joins two mentions that already share a last name, spelt the same or respelt.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_keys import skeleton

FAMILIES = """
john johan johann johannes juan giovanni joao jon ioannis jehan jens giannis yiannis ioannes iohannes jovan
peter pieter piet pierre pietro pedro petrus petr pyotr piotr petar petro petru per pere
paul paulus paolo pablo pavel pawel pavlo pal paulo pavlos
anthony antony anton antonio antoine antonius antoni antoon anthonie antal antonin anthonis antonis antonios
william willem wilhelm guillaume guillermo guglielmo wilhelmus vilhelm vilem
charles carl karl carlo carlos carolus karel karol carel carles
henry henri hendrik heinrich enrique enrico henricus henrik henryk enric
james jacques jaime jaume giacomo
jacob jakob jacobus jakub jacopo yakov yaakov
joseph josef jozef josephus giuseppe jose josep yosef iosif jozsef
michael michel michiel miguel mikhail mykhailo michal mihail mikael mikkel miquel michail mihai mihaly mikheil
nicholas nicolas nikolaus nicolaus niklaus nikolai nikolay nicolai niccolo nicolau mikolaj nicolaas mykola nikolaos
stephen steven stefan stephan stefano esteban etienne istvan stepan stephanus stefanos steffen stjepan szczepan
george georg georges jorge giorgio jerzy jiri georgios joris jorg jordi giorgos yorgos giorgi gheorghe
francis francois francesco francisco franz frans franciscus frantisek ferenc francesc franciszek
frederick frederic friedrich federico frederik fredrik fryderyk fredericus
louis ludwig luis luigi lodewijk ludovic ludovico ludovicus lajos lluis ludvik ludwik ludvig
lucas luke luca lukas luc
mark marc marco marcus markus marek
matthew matthias matteo mateo mathieu matthijs mateusz matej matvei
andrew andreas andre andres andrzej andrei andrey andriy ondrej andras anders andrius andrija
alexander alexandre alessandro alejandro aleksander aleksandr alexandros oleksandr aleksandar alexandru
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
constantine constantin konstantin costantino konstanty constantijn konstantinos kostiantyn
leopold leopoldo leopoldus
leonard leonardo leonhard lennart leonardus leonardas
augustine augustin agustin agostino augustinus
victor viktor vittorio wiktor vitor
dominic domenico dominik domingo
ignatius ignacio ignazio ignace ignacy
eugene eugen eugenio evgeny eugeniusz
sergei sergey serge sergio sergiu serhiy
vladimir volodymyr wladimir wlodzimierz
alexei aleksei alexey oleksiy
dmitry dmitri dmytro dimitrios dimitris demetrios demetrius dimitar
yuri yury iurii jurij
vasily vasyl vassili basil wassily vasile basile basilio
oleg oleh
igor ihor
kirill kyrylo
fyodor fedor fedir theodore teodor theodor
david dawid davide dovid davit
daniel daniil danilo
samuel samuele samuil shmuel
gabriel gavriel gavril
abraham avraham abrahamus
isaac isaak izaak yitzhak itzhak yitzchak
solomon salomon shlomo salomone
simon simeon shimon szymon semyon
moses moshe moise moises mozes
benjamin binyamin beniamino
jonathan yonatan jonatan
joshua josue josua jozua
elijah ilya eliyahu
zachary zacharias zachariah zechariah zaccaria
raphael rafael raffaele rafal
emmanuel emanuel immanuel emanuele
timothy timotheus timothee timoteo timofei timofey tymoteusz
leonid leonidas
vladislav wladyslaw ladislav ladislaus laszlo
stanislav stanislaw stanislaus stanislas stanislao
wenceslas wenceslaus vaclav waclaw wenzel
casimir kazimierz kazimir kasimir casimiro
walter walther gauthier gautier gualtiero valter
ferdinand fernando hernando fernand ferran ferdinando
alphonse alfonso alfons afonso alphonsus
sebastian sebastien sebastiano sebastiao
benedict benedikt benedetto benoit benedictus benedykt
bartholomew bartolomeo bartholomaus bartlomiej barthelemy bartolome
jerome hieronymus girolamo jeronimo hieronim jeroen
ambrose ambrogio ambroise ambrosius
clement clemente klemens clemens
julius julio giulio jules juliusz
julian julien giuliano juliano
emil emile emilio
rainer reinier rainier reiner ranieri
conrad konrad corrado
valentin valentino valentijn walenty
olaf olav olof
knut knud canute
mehmet mohammed muhammad mohamed
ahmed ahmad ahmet
omar umar omer
osama usama
othman uthman osman
hussein husayn huseyin hossein husain hussain
suleiman sulaiman suleyman
yusuf youssef yousef
ibrahim ebrahim
najib naguib nagib
rajab ragab
reza riza
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
