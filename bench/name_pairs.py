"""Name pairs for the names evaluation: news-style variants and namesake traps written for newslint, and
the JRC-Names pairs (read from ../shared/data at run time, never copied into the project)."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

JRC = Path(__file__).resolve().parents[2] / "shared" / "data" / "jrc-names-pairs"


@dataclass(frozen=True)
class Pair:
    majority: str  # planted twice
    minority: str  # planted once, later
    source: str  # "news", "jrc-spelling", ...
    bare: str = ""  # a last name on its own, planted once after the minority: "MacDonald led Labour"


# Same person, two spellings, as they turn up in real copy: romanisation, diacritics, particles, typos.
NEWS_VARIANTS = [
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"), ("Volodymyr Zelensky", "Volodimir Zelensky"),
    ("Zelensky", "Zelenskiy"), ("Dmitry Peskov", "Dmitri Peskov"), ("Peskov", "Peskoff"),
    ("Muammar Gaddafi", "Muammar Qaddafi"), ("Gaddafi", "Kadhafi"), ("Moammar Gadhafi", "Moammar Gaddafi"),
    ("Mahmoud Abbas", "Mahmud Abbas"), ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Sergei Lavrov", "Sergey Lavrov"), ("Alexei Navalny", "Alexey Navalny"), ("Alexei Navalny", "Aleksei Navalny"),
    ("Yevgeny Prigozhin", "Yevgeniy Prigozhin"), ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ("Mohammed bin Salman", "Muhammad bin Salman"), ("Bashar al-Assad", "Bashar al-Asad"),
    ("Ursula von der Leyen", "Ursula van der Leyen"), ("Mikhail Gorbachev", "Mikhail Gorbachov"),
    ("Boris Yeltsin", "Boris Eltsin"), ("Mikhail Khodorkovsky", "Mikhail Khodorkovskiy"),
    ("Ismail Haniyeh", "Ismail Haniya"), ("Nouri al-Maliki", "Nuri al-Maliki"),
    ("Moqtada al-Sadr", "Muqtada al-Sadr"), ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"),
    ("Hosni Mubarak", "Husni Mubarak"), ("Benjamin Netanyahu", "Binyamin Netanyahu"),
    ("Xi Jinping", "Xi Jin-ping"), ("Nicolas Maduro", "Nicolás Maduro"),
    ("Andres Manuel Lopez Obrador", "Andrés Manuel López Obrador"), ("Viktor Orban", "Viktor Orbán"),
    ("Aleksandar Vucic", "Aleksandar Vučić"), ("Lech Walesa", "Lech Wałęsa"), ("Olaf Scholz", "Olaf Scholtz"),
    ("Rishi Sunak", "Rishi Sunack"), ("Jens Stoltenberg", "Jens Stoltenburg"), ("Antonio Guterres", "António Guterres"),
    ("Tedros Adhanom Ghebreyesus", "Tedros Adhanom Gebreyesus"), ("Abiy Ahmed", "Abiy Ahmad"),
    ("Jair Bolsonaro", "Jair Bolsanaro"), ("Hassan Rouhani", "Hassan Rohani"), ("Ali Khamenei", "Ali Khamenehi"),
    ("Ayman al-Zawahiri", "Ayman al-Zawahri"), ("Osama bin Laden", "Osama bin Ladin"),
    ("Mohammed Morsi", "Mohamed Mursi"), ("Omar al-Bashir", "Omar al-Beshir"), ("Ramzan Kadyrov", "Ramzan Kadirov"),
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev"), ("Shavkat Mirziyoyev", "Shavkat Mirziyoev"),
    ("Tchaikovsky", "Tschaikowsky"), ("Dostoevsky", "Dostoyevsky"), ("Qatar", "Katar"),
    ("Bashar al-Assad", "Bashar Assad"), ("Abdel Fattah el-Sisi", "Abdel Fattah Sisi"),
    ("Jean-Claude Juncker", "Jean Claude Juncker"), ("Emmanuel Macron", "Emanuels Makrons"),
    ("Robert De Niro", "Robert de Niro"), ("Slutsky", "Slutksy"),
    # Hyphens and stops: a double last name with and without its hyphen, initials with and without spaces.
    ("Iain Duncan Smith", "Iain Duncan-Smith"), ("Jacob Rees-Mogg", "Jacob Rees Mogg"),
    ("Andrew Lloyd Webber", "Andrew Lloyd-Webber"), ("J.K. Rowling", "J. K. Rowling"), ("T.S. Eliot", "T. S. Eliot"),
    ("George W. Bush", "George W Bush"),
]

# A second set, written on 2026-11-27 and scored before the matcher saw it: its first score (87/94) says how
# the matcher does on news spellings it was not tuned on. Leaders and officials as wires and papers spell
# them, athletes and composers with and without their accents, common typos, and two groups.
NEWS_VARIANTS_2 = [
    ("Kim Jong Un", "Kim Jong-un"), ("Mohammed bin Zayed", "Mohamed bin Zayed"),
    ("Alexander Lukashenko", "Alexander Lukashenka"), ("Sviatlana Tsikhanouskaya", "Svetlana Tsikhanouskaya"),
    ("Hassan Nasrallah", "Hasan Nasrallah"), ("Yahya Sinwar", "Yehya Sinwar"), ("Mohammed Deif", "Mohammad Deif"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr al-Bagdadi"), ("Hamid Karzai", "Hamed Karzai"),
    ("Pervez Musharraf", "Parvez Musharraf"), ("Nawaz Sharif", "Nawaz Shareef"),
    ("Aung San Suu Kyi", "Aung San Suukyi"), ("Joko Widodo", "Djoko Widodo"),
    ("Prabowo Subianto", "Prabowo Soebianto"), ("Kemal Kilicdaroglu", "Kemal Kılıçdaroğlu"),
    ("Ekrem Imamoglu", "Ekrem İmamoğlu"), ("Ebrahim Raisi", "Ibrahim Raisi"), ("Javad Zarif", "Djavad Zarif"),
    ("Mahmoud Ahmadinejad", "Mahmud Ahmadinejad"), ("Haider al-Abadi", "Haidar al-Abadi"),
    ("Masoud Barzani", "Massoud Barzani"), ("Abdullah Ocalan", "Abdullah Öcalan"), ("Kais Saied", "Kais Saïed"),
    ("Khalifa Haftar", "Khalifa Hafter"), ("Fayez al-Sarraj", "Fayez al-Serraj"),
    ("Isaias Afwerki", "Isaias Afewerki"), ("Yoweri Museveni", "Yoweri Musevini"),
    ("Cyril Ramaphosa", "Cyril Ramapohsa"), ("Emmerson Mnangagwa", "Emerson Mnangagwa"),
    ("Muhammadu Buhari", "Mohammadu Buhari"), ("Felix Tshisekedi", "Félix Tshisekedi"),
    ("Jaroslaw Kaczynski", "Jarosław Kaczyński"), ("Robert Fico", "Róbert Fico"),
    ("Zuzana Caputova", "Zuzana Čaputová"), ("Andrej Babis", "Andrej Babiš"), ("Klaus Iohannis", "Klaus Johannis"),
    ("Maia Sandu", "Maya Sandu"), ("Nikol Pashinyan", "Nikol Pashinian"), ("Ilham Aliyev", "Ilham Aliev"),
    ("Mikheil Saakashvili", "Mikhail Saakashvili"), ("Bidzina Ivanishvili", "Bidzina Ivanichvili"),
    ("Emomali Rahmon", "Emomali Rakhmon"), ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
    ("Gurbanguly Berdimuhamedow", "Gurbanguly Berdymukhamedov"), ("Tsai Ing-wen", "Tsai Ingwen"),
    ("Moon Jae-in", "Moon Jae In"), ("Yoon Suk Yeol", "Yoon Suk-yeol"), ("Thaksin Shinawatra", "Taksin Shinawatra"),
    ("Prayuth Chan-ocha", "Prayut Chan-ocha"), ("Tamim bin Hamad al-Thani", "Tamim bin Hamad Al Thani"),
    ("Sergei Shoigu", "Sergey Shoygu"), ("Maria Zakharova", "Mariya Zakharova"),
    ("Dmitry Medvedev", "Dmitri Medvedev"), ("Yulia Tymoshenko", "Yuliya Tymoshenko"),
    ("Petro Poroshenko", "Petr Poroshenko"), ("Dmytro Kuleba", "Dmitro Kuleba"),
    ("Mykhailo Podolyak", "Mykhailo Podoliak"), ("Andriy Yermak", "Andrii Yermak"),
    ("Valery Zaluzhny", "Valerii Zaluzhnyi"), ("Oleksii Reznikov", "Oleksiy Reznikov"),
    ("Yulia Navalnaya", "Yulia Navalnaia"), ("Kharkiv", "Kharkov"), ("Novak Djokovic", "Novak Đoković"),
    ("Zlatan Ibrahimovic", "Zlatan Ibrahimović"), ("Mesut Ozil", "Mesut Özil"), ("Thomas Mueller", "Thomas Müller"),
    ("Ilkay Gundogan", "İlkay Gündoğan"), ("Wojciech Szczesny", "Wojciech Szczęsny"),
    ("Martin Odegaard", "Martin Ødegaard"), ("Cristiano Ronaldo", "Christiano Ronaldo"),
    ("Shostakovich", "Shostakovitch"), ("Rachmaninoff", "Rachmaninov"), ("Stravinsky", "Strawinsky"),
    ("Kandinsky", "Kandinskiy"), ("Tolstoy", "Tolstoi"), ("Chekhov", "Tchekhov"), ("Keir Starmer", "Keir Starmar"),
    ("Kamala Harris", "Kamala Haris"), ("Angela Merkel", "Angela Merkle"), ("Emmanuel Macron", "Emmanual Macron"),
    ("Pedro Sanchez", "Pedro Sánchez"), ("Mark Rutte", "Mark Rute"), ("Jacinda Ardern", "Jacinda Arden"),
    ("Narendra Modi", "Narendra Mody"), ("Benjamin Netanyahu", "Benjamin Netanyhu"),
    ("Ursula von der Leyen", "Ursula von der Layen"), ("Antony Blinken", "Anthony Blinken"),
    ("Lloyd Austin", "Loyd Austin"), ("Nancy Pelosi", "Nancy Pelossi"), ("Mitch McConnell", "Mitch McConnel"),
    ("Alexandria Ocasio-Cortez", "Alexandria Ocasio Cortez"), ("Hezbollah", "Hizbollah"), ("Al-Shabaab", "Al-Shabab"),
    ("Houthis", "Huthis"),
]

# A third set, written on 2026-11-27 by a helper who had not read the matcher, its pairs fixed (hashed)
# before the first score: 103/120. Wire and paper spellings across Arabic, Persian, Russian, Ukrainian,
# Belarusian, Chinese, Korean, South Asian, Hebrew, Turkish and European names, with copy-desk typos.
NEWS_VARIANTS_3 = [
    ("Mohammed bin Salman", "Muhammad bin Salman"), ("Muammar Gaddafi", "Muammar Qaddafi"), ("Gaddafi", "Kadhafi"),
    ("Bashar al-Assad", "Bashar Assad"), ("Hassan Nasrallah", "Hasan Nasrallah"),
    ("Osama bin Laden", "Usama bin Laden"), ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"),
    ("Mahmoud Abbas", "Mahmud Abbas"), ("Ismail Haniyeh", "Ismail Haniya"), ("Muqtada al-Sadr", "Moqtada al-Sadr"),
    ("Morsi", "Mursi"), ("Khalifa Haftar", "Khalifa Hifter"), ("Ayman al-Zawahiri", "Ayman al-Zawahri"),
    ("Abu Mohammed al-Jolani", "Abu Mohammed al-Golani"), ("Ahmed al-Sharaa", "Ahmad al-Sharaa"),
    ("Nouri al-Maliki", "Nuri al-Maliki"), ("Mohamed bin Zayed", "Mohammed bin Zayed"),
    ("Yahya Sinwar", "Yehya Sinwar"), ("al-Qaeda", "al-Qaida"), ("Hezbollah", "Hizbollah"), ("Houthis", "Huthis"),
    ("Raqqa", "Raqa"), ("Deir ez-Zor", "Deir el-Zour"), ("Khan Younis", "Khan Yunis"), ("Sanaa", "Sana'a"),
    ("Fallujah", "Falluja"), ("Erbil", "Irbil"), ("Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham"),
    ("Ennahda", "Ennahdha"), ("Mahmoud Ahmadinejad", "Mahmud Ahmadinejad"), ("Ebrahim Raisi", "Ebrahim Raeisi"),
    ("Hassan Rouhani", "Hassan Rowhani"), ("Masoud Pezeshkian", "Massoud Pezeshkian"),
    ("Abbas Araghchi", "Abbas Araqchi"), ("Qassem Soleimani", "Qasem Soleimani"), ("Soleimani", "Suleimani"),
    ("Zelensky", "Zelenskiy"), ("Dmitry Peskov", "Dmitri Peskov"), ("Alexei Navalny", "Alexey Navalny"),
    ("Yevgeny Prigozhin", "Evgeny Prigozhin"), ("Lukashenko", "Lukashenka"),
    ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"), ("Sergei Shoigu", "Sergey Shoygu"),
    ("Andriy Yermak", "Andrii Yermak"), ("Oleksandr Syrskyi", "Oleksandr Syrsky"),
    ("Valery Zaluzhny", "Valerii Zaluzhnyi"), ("Dmytro Kuleba", "Dmitry Kuleba"), ("Zaporizhzhia", "Zaporizhia"),
    ("Luhansk", "Lugansk"), ("Avdiivka", "Avdiyivka"), ("Mikhail Gorbachev", "Mikhail Gorbachov"),
    ("Sergei Rachmaninoff", "Sergei Rachmaninov"), ("Dostoevsky", "Dostoyevsky"),
    ("Alexander Ovechkin", "Aleksandr Ovechkin"), ("Roman Abramovich", "Roman Abramovitch"), ("Kyiv", "Kiev"),
    ("Odesa", "Odessa"), ("Lai Ching-te", "Lai Ching-teh"), ("Hou Yu-ih", "Hou Youyi"), ("Uyghurs", "Uighurs"),
    ("Urumqi", "Ürümqi"), ("Kim Jong Un", "Kim Jong-un"), ("Yoon Suk Yeol", "Yoon Suk-yeol"),
    ("Son Heung-min", "Son Heung-Min"), ("Shohei Ohtani", "Shohei Otani"), ("Shehbaz Sharif", "Shahbaz Sharif"),
    ("Pervez Musharraf", "Parvez Musharraf"), ("Mamata Banerjee", "Mamata Bannerjee"),
    ("Lakshmi Mittal", "Laxmi Mittal"), ("Balochistan", "Baluchistan"), ("Lashkar-e-Taiba", "Lashkar-e-Toiba"),
    ("Zabihullah Mujahid", "Zabiullah Mujahid"), ("Haibatullah Akhundzada", "Hibatullah Akhundzada"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"), ("Ekrem Imamoglu", "Ekrem İmamoğlu"),
    ("Mesut Ozil", "Mesut Özil"), ("Itamar Ben-Gvir", "Itamar Ben Gvir"), ("Yoav Gallant", "Yoav Galant"),
    ("Gadi Eisenkot", "Gadi Eizenkot"), ("Be'eri", "Beeri"), ("Emmerson Mnangagwa", "Emmerson Mnangangwa"),
    ("Felix Tshisekedi", "Félix Tshisekedi"), ("Ibrahim Traore", "Ibrahim Traoré"), ("Hemedti", "Hemeti"),
    ("al-Shabab", "al-Shabaab"), ("Ngozi Okonjo-Iweala", "Ngozi Okonjo Iweala"),
    ("Mohamed Salah", "Mohammed Salah"), ("El Fasher", "al-Fashir"),
    ("Abdel Fattah al-Burhan", "Abdel-Fattah Burhan"), ("Nguyen Phu Trong", "Nguyễn Phú Trọng"),
    ("Da Nang", "Danang"), ("Andres Manuel Lopez Obrador", "Andrés Manuel López Obrador"),
    ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva"), ("Sao Paulo", "São Paulo"),
    ("Dilma Rousseff", "Dilma Roussef"), ("Markus Söder", "Markus Soeder"), ("Jürgen Klopp", "Juergen Klopp"),
    ("Lech Walesa", "Lech Wałęsa"), ("Iga Swiatek", "Iga Świątek"), ("Novak Djokovic", "Novak Đoković"),
    ("Viktor Orban", "Viktor Orbán"), ("Ursula von der Leyen", "Ursula Von der Leyen"),
    ("Robert F. Kennedy Jr.", "Robert F Kennedy Jr"), ("J.D. Vance", "JD Vance"),
    ("Alexandria Ocasio-Cortez", "Alexandria Ocasio Cortez"), ("Jean-Luc Melenchon", "Jean-Luc Mélenchon"),
    ("Arnold Schwarzenegger", "Arnold Schwarzeneger"), ("Pete Buttigieg", "Pete Buttigeg"),
    ("Nancy Pelosi", "Nancy Peolsi"), ("Benjamin Netanyahu", "Benjamin Netanayhu"), ("Zuckerberg", "Zuckerburg"),
    ("Warren Buffett", "Warren Buffet"), ("Rupert Murdoch", "Rupert Murdock"), ("Giorgia Meloni", "Georgia Meloni"),
    ("Jens Stoltenberg", "Jens Stoltenburg"), ("Tedros Adhanom Ghebreyesus", "Tedros Adhanom Gebreyesus"),
    ("Beyonce", "Beyoncé"), ("Pedro Almodovar", "Pedro Almodóvar"), ("Naguib Mahfouz", "Naguib Mahfuz"),
    ("Kylian Mbappe", "Kylian Mbappé"),
]

# Different people or places whose names are close: none of these may be reported.
NAMESAKES = [
    ("Joe Biden", "Hunter Biden"), ("John Smith", "Jane Smith"), ("Kim Jong Un", "Kim Yo Jong"),
    ("Austria", "Australia"), ("George Bush", "Jeb Bush"), ("Hillary Clinton", "Bill Clinton"),
    ("Donald Trump", "Ivanka Trump"), ("Ronald Reagan", "Nancy Reagan"), ("Ronald Reagan", "Donald Regan"),
    ("Reagan", "Donald Regan"), ("Raul Castro", "Fidel Castro"), ("Ed Miliband", "David Miliband"),
    ("Boris Johnson", "Jo Johnson"), ("Iran", "Iraq"), ("Slovakia", "Slovenia"), ("Nigeria", "Niger"),
    ("Gambia", "Zambia"), ("Mali", "Malawi"), ("Kim Jong Il", "Kim Jong Un"), ("Mark Thompson", "Emma Thompson"),
    ("Peter Hansen", "Mary Hanson"), ("Colombia", "Columbia"), ("Sweden", "Swedes"), ("Korea", "Korean"),
    ("Democrats", "Democrat"), ("Serena Williams", "Venus Williams"), ("Gordon Brown", "Nick Browne"),
    ("Michael Jackson", "Janet Jackson"), ("Philips", "Phillips"), ("Stephens", "Stevens"),
    ("Mohammed Morsi", "Mohammed Mursi Ali"), ("Sudan", "South Sudan"), ("Jordan", "Gordon"),
    # Couples, siblings and strangers whose names sound alike once endings or vowels are set aside.
    ("Ivan Petrov", "Ivana Petrova"), ("Aleksandr Smirnov", "Aleksandra Smirnova"), ("Paul Martin", "Paula Martin"),
    ("Christian Kern", "Christiane Kern"), ("Marco Rossi", "Maria Rossi"), ("Yuki Sato", "Yuko Saito"),
    ("Hiroshi Nakamura", "Hiroki Nakayama"), ("Koji Tanaka", "Kenji Tanaka"), ("Ian Hughes", "John Hughes"),
    ("Chris Hughes", "Rhys Hughes"), ("Jan Novak", "Jana Novakova"), ("Daniel Ortega", "Daniela Ortiz"),
    ("Kenji Watanabe", "Kenta Watanuki"), ("Sergei Ivanov", "Sergey Ivashov"), ("Maria Gonzalez", "Mario Gonzales"),
    ("Andrei Popov", "Andriy Popovych"), ("Koji Miyamoto", "Kenji Miyamura"), ("Lena Meyer", "Leon Maier"),
    # A son named for his father ("bin"), a brother and sister, two Dutch names with the same ending.
    ("Mohammed bin Salman", "Mohammed Salman"), ("Octavia Popescu", "Octavian Popescu"),
    ("Marietje Bakker", "Marieke Bakker"), ("Jean-Marie Le Pen", "Marine Le Pen"), ("Jean-Pierre Kone", "Jean Kone"),
    ("Martina", "Martian"),
    # Initials are part of who is named: a father and son, two people who share a last name.
    ("George W. Bush", "George Bush"), ("J. Smith", "K. Smith"), ("John F. Kennedy", "John Kennedy"),
    # A last name on its own that either of two people could own, with its inner capitals written the way
    # one of them writes it.
    ("Ramsay MacDonald", "Flora Macdonald", "MacDonald"), ("Iain Macleod", "Alistair MacLeod", "Macleod"),
    # An -s added to both names is no Latvian ending here: different people.
    ("Andreas Peters", "Andre Peter"), ("Carlos Santos", "Carlo Santo"), ("Nicolas Edwards", "Nicola Edward"),
]


# Different people or places that could share a story, written with the third set: 0/60 merged at first.
NAMESAKES_3 = [
    ("Kim Jong Un", "Kim Jong Il"), ("Kim Jong Il", "Kim Il Sung"), ("Donald Trump", "Donald Trump Jr."),
    ("Eric Trump", "Ivanka Trump"), ("Bill Clinton", "Hillary Clinton"), ("George W. Bush", "George H.W. Bush"),
    ("Mohammed bin Salman", "Khalid bin Salman"), ("Mohammed bin Zayed", "Tahnoon bin Zayed"),
    ("Bashar al-Assad", "Maher al-Assad"), ("Nawaz Sharif", "Shehbaz Sharif"),
    ("Zulfikar Ali Bhutto", "Benazir Bhutto"), ("Rahul Gandhi", "Rajiv Gandhi"), ("Raul Castro", "Fidel Castro"),
    ("Ali Khamenei", "Mojtaba Khamenei"), ("Boris Johnson", "Jo Johnson"), ("Ed Miliband", "David Miliband"),
    ("Serena Williams", "Venus Williams"), ("Dmitry Medvedev", "Daniil Medvedev"),
    ("Ali Larijani", "Sadegh Larijani"), ("Lee Jae-myung", "Lee Jae-yong"), ("Park Geun-hye", "Park Chung-hee"),
    ("Xi Jinping", "Xi Zhongxun"), ("Wang Yi", "Wang Yang"), ("Li Qiang", "Li Keqiang"),
    ("Aung San Suu Kyi", "Aung San"), ("Justin Trudeau", "Pierre Trudeau"), ("Ramzan Kadyrov", "Akhmad Kadyrov"),
    ("Alexei Navalny", "Yulia Navalnaya"), ("Vladimir Putin", "Vladimir Potanin"),
    ("Volodymyr Zelensky", "Olena Zelenska"), ("Ahmed al-Sharaa", "Farouk al-Sharaa"),
    ("Yahya Sinwar", "Mohammed Sinwar"), ("Ali Abdullah Saleh", "Ahmed Ali Abdullah Saleh"),
    ("Saddam Hussein", "Uday Hussein"), ("Muammar Gaddafi", "Saif al-Islam Gaddafi"),
    ("Hosni Mubarak", "Gamal Mubarak"), ("Jair Bolsonaro", "Eduardo Bolsonaro"),
    ("Keiko Fujimori", "Alberto Fujimori"), ("Rodrigo Duterte", "Sara Duterte"),
    ("Lee Hsien Loong", "Lee Kuan Yew"), ("Imelda Marcos", "Ferdinand Marcos"), ("Austria", "Australia"),
    ("Slovenia", "Slovakia"), ("Niger", "Nigeria"), ("Iran", "Iraq"), ("Guinea", "Guyana"), ("Gambia", "Zambia"),
    ("Mali", "Malawi"), ("Sudan", "South Sudan"), ("Mauritania", "Mauritius"), ("Paraguay", "Uruguay"),
    ("Iceland", "Ireland"), ("Gaza", "Giza"), ("Hama", "Hamas"), ("Kherson", "Kharkiv"), ("Lagos", "Laos"),
    ("Islamic State", "Islamic Jihad"), ("Rosneft", "Rosatom"), ("UNICEF", "UNESCO"),
    ("Hezbollah", "Kataib Hezbollah"),
]

def news_variants() -> list[Pair]:
    sets = (("news", NEWS_VARIANTS), ("news-2", NEWS_VARIANTS_2), ("news-3", NEWS_VARIANTS_3))
    return [Pair(a, b, source) for source, pairs in sets for a, b in pairs]


def namesakes() -> list[Pair]:
    return ([Pair(a, b, "namesakes", *bare) for a, b, *bare in NAMESAKES]
            + [Pair(a, b, "namesakes-3") for a, b in NAMESAKES_3])


# JRC-Names ------------------------------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff .'\u2019-]+")
_ABBREVIATION = re.compile(r"\w{1,5}\.|\w|(?:\w\.)+\w?\.?")  # "Dr.", "Mej.", "Balt.", "A.", "C.B." and bare initials


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def jrc_category(a: str, b: str) -> str:
    """What separates two names of one person, judged on plain characters, not by newslint's matcher:
    `case-punct` (Van/van, "Jansz."): no letter differs (a diacritic is a letter: Gomez/Gómez is
    spelling); `other`: initials that differ or stand for a full word, titles, reordering, added or
    translated words; `inflected`: a word carries another language's grammatical ending (Latvian
    Roberts, Latin Robertus, Italian Roberto); `spelling`: the same words respelt (initials the
    same on both sides are set aside: "R. Nunez"/"R. Núñez"); `single`: a one-word name respelt."""
    from rapidfuzz import fuzz

    if _LETTERS_ONLY.sub("", a.casefold()) == _LETTERS_ONLY.sub("", b.casefold()):
        return "case-punct"
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return "other"
    plain_a, plain_b = [_plain(w) for w in words_a], [_plain(w) for w in words_b]
    if plain_a != plain_b and sorted(plain_a) == sorted(plain_b):
        return "other"  # reordered: Li Wenhua/Wenhua Li
    shared = [x == y and _ABBREVIATION.fullmatch(x) for x, y in zip(words_a, words_b)]
    words_a = [w for w, same in zip(words_a, shared) if not same]
    words_b = [w for w, same in zip(words_b, shared) if not same]
    if not words_a or any(_ABBREVIATION.fullmatch(w) for w in words_a + words_b):
        return "other"
    pairs = [(_plain(x), _plain(y)) for x, y in zip(words_a, words_b)]
    if not all(fuzz.ratio(x, y) >= 60 for x, y in pairs):
        return "other"
    if any(x != y and _ENDING.fullmatch(_tail(x, y)) and _ENDING.fullmatch(_tail(y, x)) for x, y in pairs):
        return "inflected"
    return "single" if len(pairs) == 1 else "spelling"


_LETTERS_ONLY = re.compile(r"[^\w]|_")
_ENDING = re.compile(r"(?:[aeiouys]|as|is|us|ys|es|os|ov|ova|ová|ovic|ius|ovna|ona|ins|ns)?")


def _tail(x: str, y: str) -> str:
    """What `x` has after the longest start it shares with `y`."""
    prefix = 0
    while prefix < min(len(x), len(y)) and x[prefix] == y[prefix]:
        prefix += 1
    return x[prefix:]


def jrc_variants() -> list[Pair]:
    pairs = []
    for line in (JRC / "derived" / "latin_true_variant_pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        a, _, b = line.partition("\t")
        if a and b and _LATIN.fullmatch(a) and _LATIN.fullmatch(b) and a[:1].isupper() and b[:1].isupper():
            pairs.append(Pair(a, b, "jrc-" + jrc_category(a, b)))
    return pairs


def jrc_different_people(limit: int, seed: int = 5) -> tuple[list[Pair], list[Pair]]:
    """Random different-person pairs (FALSE in the data), and harder ones built here: two names with the
    same last word that no TRUE pair connects (namesakes, as far as the data knows)."""
    rows = [line.split("\t") for line in (JRC / "name_pairs.txt").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if len(r) == 3 and all(_LATIN.fullmatch(n) and n[:1].isupper() for n in r[:2])]
    person: dict[str, str] = {}

    def find(name):
        person.setdefault(name, name)
        while person[name] != name:
            name = person[name]
        return name

    for a, b, same in rows:
        if same == "TRUE":
            person[find(a)] = find(b)
    rng = random.Random(seed)
    random_pairs = [Pair(a, b, "jrc-random") for a, b, same in rows if same == "FALSE"]
    by_last: dict[str, list[str]] = {}
    for name in sorted(person):
        words = name.split()
        if len(words) >= 2 and not any(_ABBREVIATION.fullmatch(w) for w in words):
            by_last.setdefault(_plain(words[-1]), []).append(name)
    namesake_pairs = [Pair(a, b, "jrc-namesakes") for names in by_last.values() for a in names for b in names
                      if a < b and find(a) != find(b) and _plain(a.split()[0]) != _plain(b.split()[0])]
    rng.shuffle(random_pairs)
    rng.shuffle(namesake_pairs)
    return random_pairs[:limit], namesake_pairs[:limit]
