"""A first name's short forms and nicknames: Tom for Thomas, Bill for William, Jan for Johannes.

A short form clipped from a first name's opening (Tom, Thomas; Chris, Christopher) or an everyday form made
from it (Mike, Michael; Bill, William) is a choice, not a spelling, but one story that names one man both
ways has made it twice: beside the same last name it is reported as well. `name_given` holds the forms one
first name takes in other languages.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.kinds.name_keys import skeleton

# The short forms English (and Dutch) copy clips from a longer first name, each with the full names it is
# short for, as copy writes them beside one person's full name: Tom and Thomas, Chris and Christopher, Wil
# and William. Not every name that opens with a short form: Sam is not Samir, nor Jon Jonas, nor Man
# Manchester; and no woman's name, since a woman's shares the short form (Chris and Christine, Sam and
# Samantha), and a brother and a sister may be named in one story.
SHORT_FORMS = """
alex: alexander alexandre alessandro alejandro aleksander aleksandr alexei alexey
alf: alfred alfredo
ben: benjamin benedict
chris: christopher christian christiaan christoph christophe
dan: daniel
don: donald
doug: douglas
ed: edward edmund edwin edgar eduard eduardo
fred: frederick frederic frederik friedrich
greg: gregory gregor
jeff: jeffrey geoffrey
jon: jonathan
ken: kenneth
len: leonard
matt: matthew matthias
max: maximilian maxim
nat: nathan nathaniel
nick: nicholas nicolas nikolai
pat: patrick
pete: peter
phil: philip phillip philippe
ray: raymond
rob: robert roberto
ron: ronald
sam: samuel
stan: stanley stanislav stanislaw
stu: stuart stewart
tim: timothy
tom: thomas tomas tomasz
vic: victor viktor
vince: vincent
walt: walter
wil: william willem wilhelm
will: william willem wilhelm
"""

# The everyday forms Dutch makes of a man's baptismal name, which copy (and the registers and catalogues it
# draws on) writes for one man beside the full form: Jan for Johannes, Kees for Cornelis, Henk for Hendrik.
# Jan is a woman's name in English copy as well, as Sam and Pat are: a woman of that name and a Johannes of
# the same last name in one story would be taken for one person (and so would an Ian, whom a key spells as
# it spells Jan).
DUTCH_FORMS = """
jan: johannes johan
joop: johannes
henk: hendrik
kees: cornelis
klaas: nicolaas
jaap: jacob jacobus
bram: abraham
wim: willem
"""

# The pet forms Czech, Slovak, Polish, Russian and Ukrainian make of a man's first name, which copy from
# those languages (and English copy quoting it) writes for a man known by one: Jirka for Jiří, Wojtek for
# Wojciech, Misha for Mikhail. Most end in an a that makes no woman's name of them; none that is also a
# woman's (Sasha, Zhenya, Valya) or a title (Pasha). Read as the short forms above.
PET_FORMS = """
vojta: vojtech
jirka: jiri
franta: frantisek
tonda: antonin
vasek: vaclav
jarda: jaroslav
mirek: miroslav
standa: stanislav
kuba: jakub
wojtek: wojciech
bartek: bartlomiej
tomek: tomasz
jurek: jerzy
staszek: stanislaw
maciek: maciej
zbyszek: zbigniew
misha: mikhail mikheil mykhailo
dima: dmitry dmitri dmytro dimitrios dimitris demetrios demetrius dimitar
volodya: vladimir volodymyr
kolya: nikolai nikolay mykola
vanya: ivan
petya: pyotr petr petro
seryozha: sergei sergey serhiy
alyosha: alexei aleksei alexey oleksiy
kostya: konstantin kostiantyn
yura: yuri yury yuriy
tolya: anatoly anatoliy
grisha: grigory hryhoriy
borya: boris
fedya: fyodor fedor
lyonya: leonid
"""


# The everyday forms English makes of a man's first name that are not its opening letters alone (Mike,
# Michael; Bill, William; Bob, Robert; Danny, Daniel), which copy writes for a man known by one beside his
# full name, as it writes Tom beside Thomas. Not the forms that are names of their own in modern use (Jack
# and John, Harry and Henry, Frank and Francis can be father and son), nor one that is as often a woman's
# (Jamie, Sandy, Terry, Nicky): a brother and a sister may be named in one story.
NICKNAMES = """
andy: andrew
bert: albert herbert
bill: william
billy: william
bob: robert
bobby: robert
charlie: charles
chuck: charles
danny: daniel
dave: david
dick: richard
eddie: edward edmund
gerry: gerald gerard
jerry: gerald
jim: james
jimmy: james
joe: joseph
johnny: john
kenny: kenneth
larry: lawrence laurence
lenny: leonard
mick: michael
mike: michael
ned: edward
rick: richard
ronnie: ronald
steve: stephen steven
ted: edward
tommy: thomas
tony: anthony antony
"""

# A woman's everyday forms that no man's name shares (Liz, Elizabeth; Sue, Susan), so that no brother and
# sister are joined by them. Not those that are names of their own in modern use (Kate and Katherine, Jenny
# and Jennifer, Maggie and Margaret can be daughter and mother), as Harry and Henry are left out above.
WOMENS_NICKNAMES = """
becky: rebecca
cathy: catherine
debbie: deborah
kathy: katherine kathleen kathryn
liz: elizabeth
mandy: amanda
pam: pamela
peggy: margaret
sue: susan suzanne
trish: patricia
vicky: victoria
"""


@lru_cache(maxsize=1)
def _short_forms() -> frozenset[tuple[str, str]]:
    """Each short form with each full name it is short for, as skeletons."""
    pairs = set()
    for line in (SHORT_FORMS + DUTCH_FORMS + PET_FORMS + NICKNAMES + WOMENS_NICKNAMES).strip().splitlines():
        short, _, full_names = line.partition(":")
        pairs.update((skeleton(short), skeleton(name)) for name in full_names.split())
    return frozenset(pairs)


def is_short_form(a: str, b: str) -> bool:
    """Is one skeleton a short form of the other (`SHORT_FORMS`): Tom and Thomas, Jeff and Geoffrey?"""
    return (a, b) in _short_forms() or (b, a) in _short_forms()
