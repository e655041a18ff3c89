#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates the multi-agency sample case under examples/sample-case/case/.

A synthetic migrant-smuggling ring on the Western Balkan routes (AL, XK, MK,
RS, BA, ME, HR, and AT/DE/IT as destinations), seen through six files that
six different agencies exported, each in its own format:

    cdr_operator_al.csv   call records, Albanian operator  (; UTF-8, CRLF)
    cdr_operator_rs.csv   call records, Serbian operator   (, windows-1250)
    subscribers_mk.csv    subscriber list, North Macedonia (TAB windows-1251, CRLF)
    transfers.csv         money transfers                  (, UTF-8)
    border_crossings.csv  vehicle border crossings         (; UTF-8)
    associations.csv      police intelligence associations (, UTF-8 + BOM, CRLF)

plus TRUTH.json, the planted ground truth (organisers, brokers, cells, SIM
switches, the collector account, and for every file the exact number of
records and of bad records by kind, with their line numbers).

Everything is invented: names, numbers, IMEIs, accounts, plates. Phone
numbers are valid under libphonenumber's metadata and IBANs carry correct
ISO 13616 (and national) check digits, so that normalizers can be tested.

Deterministic and standard library only: the same script writes the same
bytes on every run.

    /usr/bin/python3 examples/sample-case/make_case.py          # writes case/
    /usr/bin/python3 examples/sample-case/make_case.py --check  # also verifies
        phone numbers with python3-phonenumbers, IBANs with python3-stdnum and
        the planted bad records (needs those two Debian packages)
"""
import datetime as _dt
import hashlib
import json
import math
import os
import random
import sys

SEED = 20240201
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "case")

rng = random.Random(SEED)

# --------------------------------------------------------------------------
# time: every instant is a UTC epoch second; files render it their own way.
# The whole region (and AT/DE/IT) keeps Central European time with EU
# daylight saving, computed here so no tz database is needed.
UTC = _dt.timezone.utc
DAY = 86400


def utc_ts(y, m, d, H=0, M=0, S=0):
    return int(_dt.datetime(y, m, d, H, M, S, tzinfo=UTC).timestamp())


def _last_sunday(y, m):
    d = _dt.date(y, m + 1, 1) - _dt.timedelta(days=1)
    return d - _dt.timedelta(days=(d.weekday() - 6) % 7)


_DST = {}


def cet_offset(ts):
    y = _dt.datetime.fromtimestamp(ts, UTC).year
    if y not in _DST:
        s, e = _last_sunday(y, 3), _last_sunday(y, 10)
        _DST[y] = (utc_ts(s.year, s.month, s.day, 1), utc_ts(e.year, e.month, e.day, 1))
    s, e = _DST[y]
    return 7200 if s <= ts < e else 3600


FIRST_DAY = _dt.date(2024, 2, 1)
N_DAYS = 182                                          # 2024-02-01 .. 2024-07-31 local
T_START = utc_ts(2024, 1, 31, 23)                     # 2024-02-01 00:00 CET
T_END = utc_ts(2024, 7, 31, 22)                       # 2024-08-01 00:00 CEST
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HOUR_W = [2, 1, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 9, 9, 9, 9, 9, 10, 11, 11, 10, 8, 6, 4]


def local_dt(ts):
    return _dt.datetime.fromtimestamp(ts + cet_offset(ts), UTC)


def local_midnight(day):
    d = FIRST_DAY + _dt.timedelta(days=day)
    u = utc_ts(d.year, d.month, d.day)
    return u - cet_offset(u + 12 * 3600)


def rand_time_in_day(day, hours=HOUR_W):
    h = rng.choices(range(24), weights=hours)[0]
    return local_midnight(day) + h * 3600 + rng.randrange(3600)


def rand_time(t0=T_START, t1=T_END):
    """A time in [t0, t1) with the daily rhythm of people's calls."""
    d0 = max(0, (t0 - T_START) // DAY - 1)
    d1 = min(N_DAYS - 1, (t1 - T_START) // DAY + 1)
    for _ in range(50):
        ts = rand_time_in_day(rng.randint(d0, d1))
        if t0 <= ts < t1:
            return ts
    return rng.randrange(t0, t1)


def fmt_al(ts):            # Albanian operator: local time, dd.mm.yyyy HH:MM:SS
    return local_dt(ts).strftime("%d.%m.%Y %H:%M:%S")


def fmt_rs(ts):            # Serbian operator: ISO 8601 with the UTC offset
    off = cet_offset(ts)
    return local_dt(ts).strftime("%Y-%m-%dT%H:%M:%S") + "+%02d:00" % (off // 3600)


def fmt_transfer(ts):      # payment records: UTC, 05-Mar-2024 14:22:10
    d = _dt.datetime.fromtimestamp(ts, UTC)
    return "%02d-%s-%04d %02d:%02d:%02d" % (d.day, MONTHS[d.month - 1], d.year, d.hour, d.minute, d.second)


def fmt_crossing(ts):      # border police: local time to the minute
    return local_dt(ts).strftime("%Y-%m-%d %H:%M")


def iso_utc(ts):
    return _dt.datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def poisson(lam):
    if lam <= 0:
        return 0
    if lam < 40:
        lim, k, p = math.exp(-lam), 0, rng.random()
        while p > lim:
            k += 1
            p *= rng.random()
        return k
    return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


# --------------------------------------------------------------------------
# names and scripts
SQ_M = ["Ardit", "Agron", "Artan", "Arjan", "Bujar", "Besnik", "Blerim", "Driton", "Elton", "Endrit",
        "Erion", "Ermal", "Fatmir", "Fisnik", "Florian", "Gentian", "Gëzim", "Granit", "Jetmir",
        "Kastriot", "Klodian", "Labinot", "Lulzim", "Mentor", "Mërgim", "Naim", "Petrit", "Rexhep",
        "Saimir", "Shpëtim", "Sokol", "Visar", "Xhevdet", "Ylli", "Agim", "Armend", "Bashkim", "Dardan",
        "Egzon", "Fitim", "Hysen", "Ilirjan", "Kujtim", "Liridon", "Nexhat", "Qamil", "Skënder",
        "Taulant", "Vullnet", "Zenel", "Arben", "Besim", "Valon", "Luan"]
SQ_F = ["Anila", "Albana", "Arta", "Besa", "Blerta", "Drita", "Elona", "Flutura", "Lindita", "Majlinda",
        "Mimoza", "Teuta", "Vjosa", "Valbona", "Shqipe", "Lule", "Hana", "Fatbardha", "Entela", "Mirela"]
SQ_L = ["Gashi", "Shehu", "Leka", "Dervishi", "Muça", "Kola", "Brahimi", "Hysa", "Bytyqi", "Hoti",
        "Kelmendi", "Zeqiri", "Qerimi", "Jashari", "Ahmeti", "Xhaferi", "Demiri", "Halili", "Mustafa",
        "Osmani", "Selimi", "Rexhepi", "Morina", "Shala", "Krasniqi", "Berisha", "Hoxha", "Lika", "Çela",
        "Doçi", "Mema", "Veliu", "Zeneli", "Bajrami", "Sinani", "Ramadani", "Haxhiu", "Tahiri",
        "Mehmeti", "Dauti", "Sejdiu", "Kastrati"]
MK_M = ["Goce", "Nikola", "Dejan", "Bojan", "Igor", "Vlatko", "Sašo", "Toni", "Aleksandar", "Blagoja",
        "Dragi", "Ljupčo", "Kiril", "Mitko", "Darko", "Zlatko", "Vasko", "Trajče", "Kosta", "Filip",
        "Martin", "Stojan", "Marjan", "Vladimir", "Riste"]
MK_F = ["Biljana", "Marija", "Elena", "Katerina", "Snežana", "Vesna", "Jasmina", "Slavica", "Gordana", "Lidija"]
MK_L = ["Trajkovski", "Ristovski", "Angelovski", "Nikolovski", "Jovanovski", "Dimitrovski", "Petrovski",
        "Ilievski", "Georgievski", "Kostovski", "Stefanovski", "Trajanovski", "Mitrevski", "Spasovski",
        "Cvetkovski", "Todorovski", "Velkovski", "Stojanovski", "Popovski", "Janevski", "Arsovski",
        "Naumovski", "Božinovski", "Kuzmanovski"]
SR_M = ["Goran", "Dragan", "Miloš", "Nebojša", "Saša", "Vladimir", "Marko", "Ivan", "Dušan", "Stefan",
        "Nenad", "Zoran", "Dejan", "Aleksandar", "Milan", "Nikola", "Predrag", "Slobodan", "Željko",
        "Đorđe", "Bojan", "Uroš", "Lazar", "Miroslav", "Srđan", "Vladan", "Branko", "Darko", "Ljubomir", "Radoš"]
SR_F = ["Jelena", "Ivana", "Milica", "Snežana", "Dragana", "Marija", "Tijana", "Jovana", "Dragica", "Ljiljana"]
SR_L = ["Petrović", "Marković", "Jovanović", "Ilić", "Đorđević", "Stanković", "Nikolić", "Pavlović",
        "Kovačević", "Popović", "Živković", "Stojanović", "Mitrović", "Todorović", "Lazić", "Ristić",
        "Kostić", "Savić", "Tomić", "Jovičić", "Radovanović", "Milenković", "Stevanović", "Đukić", "Lukić",
        "Obradović", "Vasić", "Simić", "Krstić", "Gajić"]
BS_M = ["Emir", "Adnan", "Haris", "Mirza", "Jasmin", "Senad", "Dino", "Amel", "Kenan", "Edin", "Almir",
        "Nermin", "Samir", "Armin", "Damir", "Sead", "Muhamed", "Adis", "Elvir", "Mensur", "Zlatan",
        "Tarik", "Enes", "Vedad", "Nihad"]
BS_F = ["Amra", "Lejla", "Selma", "Amela", "Aida", "Emina", "Merima", "Azra", "Naida", "Belma"]
BS_L = ["Begić", "Mehmedović", "Kovač", "Hasanović", "Delić", "Salihović", "Softić", "Alić", "Mujić",
        "Ibrahimović", "Hadžić", "Husić", "Omerović", "Halilović", "Karić", "Muratović", "Mešić", "Zukić",
        "Hodžić", "Kurtagić", "Suljić", "Avdić", "Bešić", "Čaušević", "Dedić"]
ME_M = ["Vuk", "Nikola", "Marko", "Vesko", "Budimir", "Danilo", "Filip", "Igor", "Rade", "Veselin",
        "Milorad", "Luka", "Petar", "Balša", "Novak"]
ME_L = ["Radonjić", "Vujović", "Bulatović", "Vukčević", "Đurović", "Perović", "Šćekić", "Knežević",
        "Rakočević", "Vujošević", "Radulović", "Bošković", "Pejović", "Lekić", "Jovović"]
HR_M = ["Ante", "Tomislav", "Ivica", "Josip", "Mario", "Krešimir", "Stjepan", "Damir", "Zdravko", "Dario",
        "Hrvoje", "Mate", "Marin", "Domagoj", "Luka", "Ivo", "Zvonimir", "Davor", "Boris", "Tihomir"]
HR_F = ["Ana", "Petra", "Ivana", "Marina", "Katarina", "Martina", "Nikolina", "Vesna", "Sanja", "Maja"]
HR_L = ["Babić", "Horvat", "Kovačić", "Marić", "Jurić", "Novak", "Knežević", "Vuković", "Perić", "Matić",
        "Tomić", "Pavić", "Šarić", "Lovrić", "Grgić", "Božić", "Blažević", "Radić", "Barišić"]
DE_M = ["Thomas", "Stefan", "Andreas", "Michael", "Klaus", "Markus", "Jürgen", "Wolfgang", "Florian",
        "Christian", "Martin", "Peter"]
DE_F = ["Sabine", "Andrea", "Claudia", "Monika", "Julia", "Katrin"]
DE_L = ["Gruber", "Huber", "Wagner", "Bauer", "Richter", "Müller", "Schmid", "Weber", "Hofer", "Fischer",
        "Becker", "Wimmer"]
IT_M = ["Marco", "Luca", "Giuseppe", "Francesco", "Alessandro", "Matteo", "Andrea", "Paolo", "Roberto", "Stefano"]
IT_F = ["Giulia", "Francesca", "Chiara", "Sara", "Valentina", "Elena"]
IT_L = ["Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
        "Conti", "Costa"]
POOLS = {"sq": (SQ_M, SQ_F, SQ_L), "mk": (MK_M, MK_F, MK_L), "sr": (SR_M, SR_F, SR_L),
         "bs": (BS_M, BS_F, BS_L), "me": (ME_M, SR_F, ME_L), "hr": (HR_M, HR_F, HR_L),
         "de": (DE_M, DE_F, DE_L), "it": (IT_M, IT_F, IT_L)}
# migrants: each entry lists the spellings of one name (transliterations vary by who writes it)
MIG_FIRST = [["Mohammad", "Mohammed", "Muhammad", "Mohamed"], ["Ahmad", "Ahmed"], ["Ali"], ["Hassan", "Hasan"],
             ["Omar", "Umar"], ["Khalid", "Khaled"], ["Yusuf", "Youssef", "Yousef"], ["Mustafa", "Mostafa"],
             ["Abdul", "Abdel"], ["Bilal"], ["Imran"], ["Tariq", "Tarek"], ["Farid"], ["Karim", "Kareem"],
             ["Jawad"], ["Reza"], ["Hamid"], ["Nasir", "Naser", "Nasser"], ["Zaid", "Zayed"], ["Amir"],
             ["Rashid", "Rasheed"], ["Walid", "Waleed"], ["Mehdi", "Mahdi"], ["Sajjad", "Sajad"],
             ["Faisal", "Faysal"], ["Ibrahim", "Ebrahim"], ["Idris", "Idrees"], ["Rahim", "Raheem"],
             ["Hussein", "Hussain", "Husain"], ["Said", "Saeed", "Sayed"], ["Javed", "Javid"], ["Noor", "Nur"],
             ["Ismail", "Esmail"], ["Samir", "Sameer"]]
MIG_LAST = [(["Ahmadi"], "AF"), (["Rahimi"], "AF"), (["Hussaini", "Husseini"], "AF"), (["Karimi"], "AF"),
            (["Haidari", "Haydari"], "AF"), (["Noori", "Nouri"], "AF"), (["Sultani"], "AF"), (["Popal"], "AF"),
            (["Safi"], "AF"), (["Mohammadi", "Muhammadi"], "AF"), (["Jafari", "Jaafari"], "AF"),
            (["Azizi"], "AF"), (["Nazari"], "AF"), (["Al-Hassan", "Alhassan", "Al Hassan"], "SY"),
            (["Al-Ahmad", "Alahmad"], "SY"), (["Khalil"], "SY"), (["Haddad"], "SY"), (["Hamdan"], "SY"),
            (["Mansour", "Mansur"], "SY"), (["Khan"], "PK"), (["Iqbal"], "PK"), (["Malik"], "PK"),
            (["Raza"], "PK"), (["Butt"], "PK"), (["Qureshi", "Kureshi"], "PK"), (["Abbasi"], "PK"),
            (["Yousufzai", "Yousafzai"], "PK"), (["El Amrani", "Elamrani"], "MA"), (["Benali", "Ben Ali"], "MA"),
            (["Bouzid"], "MA"), (["Rahman"], "BD"), (["Islam"], "BD"), (["Uddin"], "BD"),
            (["Sharifi"], "IR"), (["Hashimi", "Hashemi"], "IQ")]

SR_CYR = {"a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г",
          "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
          "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж"}
SR_DI = {"lj": "љ", "nj": "њ", "dž": "џ"}
MK_CYR = dict(SR_CYR, **{"ć": "ќ", "đ": "ѓ"})
MK_DI = {"lj": "љ", "nj": "њ", "dž": "џ", "gj": "ѓ", "kj": "ќ", "dz": "ѕ"}
SQ_CYR = {"a": "а", "b": "б", "c": "ц", "ç": "ч", "d": "д", "e": "е", "ë": "е", "f": "ф", "g": "г", "h": "х",
          "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "ќ", "r": "р",
          "s": "с", "t": "т", "u": "у", "v": "в", "x": "ѕ", "y": "и", "z": "з"}
SQ_DI = {"dh": "д", "gj": "ѓ", "ll": "л", "nj": "њ", "rr": "р", "sh": "ш", "th": "т", "xh": "џ", "zh": "ж"}
SQ_SR_CYR = dict(SQ_CYR, **{"q": "ћ", "x": "дз"})
SQ_SR_DI = dict(SQ_DI, **{"gj": "ђ"})


def _translit(text, single, di):
    out, i = [], 0
    while i < len(text):
        two = text[i:i + 2]
        if len(two) == 2 and two.lower() in di:
            c = di[two.lower()]
            out.append(c.upper() if two[0].isupper() else c)
            i += 2
            continue
        ch = text[i]
        c = single.get(ch.lower())
        if c is None:
            out.append(ch)
        else:
            out.append(c.upper() if ch.isupper() else c)
        i += 1
    return "".join(out)


def cyrillic(p, text, writer="mk"):
    """How a Macedonian (writer='mk') or Serbian ('sr') clerk writes the name."""
    if p["eth"] == "sq":
        return _translit(text, SQ_CYR, SQ_DI) if writer == "mk" else _translit(text, SQ_SR_CYR, SQ_SR_DI)
    if writer == "mk" or p["eth"] == "mk":
        return _translit(text, MK_CYR, MK_DI)
    return _translit(text, SR_CYR, SR_DI)


FOLD = {"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj", "ë": "e", "ç": "c", "ü": "ue", "ö": "oe", "ä": "ae",
        "Č": "C", "Ć": "C", "Š": "S", "Ž": "Z", "Đ": "Dj", "Ë": "E", "Ç": "C", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae"}


def ascii_fold(s):
    return "".join(FOLD.get(c, c) for c in s)


CYRILLIC_CHARS = set("абвгдђѓежзѕијклљмнњопрстћќуфхцчџшАБВГДЂЃЕЖЗЅИЈКЛЉМНЊОПРСТЋЌУФХЦЧЏШ")


# --------------------------------------------------------------------------
# people
persons = []
_full_names = set()


def rand_birth(lo=1964, hi=2001):
    d = _dt.date(lo, 1, 1) + _dt.timedelta(days=rng.randrange((_dt.date(hi, 12, 31) - _dt.date(lo, 1, 1)).days))
    return d.isoformat()


def add_person(first, last, sex, eth, country, group=None, role=None, unique=True, **kw):
    full = first + " " + last
    if unique and full in _full_names:
        raise ValueError("duplicate name " + full)
    _full_names.add(full)
    p = {"id": "P%04d" % (len(persons) + 1), "first": first, "last": last, "sex": sex, "eth": eth,
         "country": country, "group": group, "role": role, "birth_date": rand_birth(*kw.pop("years", (1964, 2001))),
         "spellings": {}, "phones": [], "accounts": [], "vehicles": []}
    p.update(kw)
    persons.append(p)
    return p


def pick_name(eth, sex, last=None):
    m, f, ls = POOLS[eth]
    for _ in range(500):
        first = rng.choice(m if sex == "M" else f)
        ln = last or rng.choice(ls)
        if sex == "F" and ln.endswith("ski"):
            ln = ln[:-3] + "ska"
        if first + " " + ln not in _full_names:
            return first, ln
    raise RuntimeError("name pool exhausted")


def new_person(eth, sex, country, last=None, **kw):
    first, ln = pick_name(eth, sex, last)
    return add_person(first, ln, sex, eth, country, **kw)


def spell(p, style):
    """Writes a person's name in one of the styles the agencies use, and
    remembers every spelling that reaches a file (see TRUTH.json)."""
    first, last = p.get("write_first", p["first"]), p.get("write_last", p["last"])
    if style == "natural":
        s = first + " " + last
    elif style == "surname_first":
        s = last + " " + first
    elif style == "police":                 # HOXHA Dritan
        s = last.upper() + " " + first
    elif style == "upper":
        s = (first + " " + last).upper()
    elif style == "bank":                   # HOXHA DRITAN, no diacritics
        s = ascii_fold(last + " " + first).upper()
    elif style == "ascii":
        s = ascii_fold(first + " " + last)
    elif style == "ascii_upper":            # passport machine-readable style
        s = ascii_fold(first + " " + last).upper()
    elif style == "cyr_mk":
        s = cyrillic(p, first + " " + last, "mk")
    elif style == "cyr_sr":
        s = cyrillic(p, first + " " + last, "sr")
    else:
        raise ValueError(style)
    return s


def used(p, s):
    p["spellings"][s] = p["spellings"].get(s, 0) + 1
    return s


def mig_spell(m, variant_bias=None):
    """A migrant's name as one border officer wrote it."""
    f = rng.choice(m["first_variants"]) if rng.random() < 0.45 else m["first"]
    ln = rng.choice(m["last_variants"]) if rng.random() < 0.35 else m["last"]
    style = rng.random()
    if style < 0.55:
        s = f + " " + ln
    elif style < 0.8:
        s = (f + " " + ln).upper()
    else:
        s = ln.upper() + " " + f
    return used(m, s)


# --------------------------------------------------------------------------
# identifiers: phones, IMEIs, IBANs, plates
PHONE_PLAN = {
    "AL": ("355", [("69", 7)] * 6 + [("6%d" % d, 6) for d in (72, 73, 74, 75, 76, 77, 78, 79, 82, 83, 84, 85, 86, 87, 88, 89)]),
    "XK": ("383", [("43", 6), ("44", 6), ("45", 6), ("49", 6)]),
    "MK": ("389", [("70", 6), ("71", 6), ("72", 6), ("75", 6), ("76", 6), ("77", 6), ("78", 6)]),
    "RS": ("381", [("60", 7), ("61", 7), ("62", 7), ("63", 7), ("64", 7), ("65", 7), ("66", 7)]),
    "BA": ("387", [("61", 6), ("62", 6), ("63", 6), ("65", 6)]),
    "ME": ("382", [("67", 6), ("68", 6), ("69", 6)]),
    "HR": ("385", [("91", 7), ("92", 7), ("95", 7), ("98", 7), ("99", 7)]),
    "AT": ("43", [("664", 7), ("676", 7), ("699", 8)]),
    "DE": ("49", [("151", 8), ("160", 7), ("170", 7), ("171", 7), ("176", 8)]),
    "IT": ("39", [("320", 7), ("328", 7), ("333", 7), ("340", 7), ("347", 7), ("348", 7)]),
}
phones = []
_e164 = set()


def new_phone(country, owner=None, use="contact"):
    cc, plan = PHONE_PLAN[country]
    while True:
        pre, n = rng.choice(plan)
        nsn = pre + "".join(str(rng.randrange(10)) for _ in range(n))
        if "+" + cc + nsn not in _e164:
            break
    ph = {"e164": "+" + cc + nsn, "cc": cc, "nsn": nsn, "country": country, "owner": owner["id"] if owner else None,
          "use": use, "active_from": T_START, "active_to": T_END, "imeis": [], "registered_to": None, "cells": None}
    _e164.add(ph["e164"])
    phones.append(ph)
    if owner:
        owner["phones"].append(ph)
    return ph


def _grouped(nsn):
    """69 212 3456 / 64 123 4567 / 70 123 456 / 664 123 4567."""
    k = 3 if len(nsn) >= 10 or nsn[:3] in ("664", "676", "699") else 2
    head, rest = nsn[:k], nsn[k:]
    return head + " " + rest[:3] + " " + rest[3:]


def intl_variants(ph):
    return ["+" + ph["cc"] + ph["nsn"], "00" + ph["cc"] + ph["nsn"], "+" + ph["cc"] + " " + _grouped(ph["nsn"])]


PHONE_STRINGS = []          # (string, default region, expected E.164): verified by --check


def phone_str(ph, region, column):
    """How one operator's export writes a number: its own subscribers as
    MSISDN (no +) in the A column and as dialled (national, +, 00, spaced,
    slashed) in the B column; foreign numbers always with a country code."""
    cc, nsn = ph["cc"], ph["nsn"]
    if ph["country"] == region:
        nat = "0" + nsn
        if column == "A":
            s = cc + nsn if rng.random() < 0.85 else "+" + cc + nsn
        elif region == "AL":
            s = rng.choices([nat, "+" + cc + nsn, "00" + cc + nsn, "+" + cc + " " + _grouped(nsn), cc + nsn],
                            weights=[45, 20, 15, 12, 8])[0]
        elif region == "RS":
            s = rng.choices([nat, "0" + nsn[:2] + "/" + nsn[2:5] + "-" + nsn[5:], "+" + cc + nsn,
                             "00" + cc + nsn, cc + nsn], weights=[40, 20, 15, 15, 10])[0]
        else:  # MK subscriber list
            s = rng.choices(["0" + _grouped(nsn), nat, "+" + cc + " " + _grouped(nsn), cc + nsn,
                             "0" + nsn[:2] + "/" + nsn[2:5] + "-" + nsn[5:]], weights=[40, 20, 15, 15, 10])[0]
    else:
        s = rng.choices(intl_variants(ph), weights=[55, 35, 10])[0]
    PHONE_STRINGS.append((s, region, ph["e164"]))
    return s


BAD_PHONES = {"AL": ["+355 69", "06912345678901", "+999 123 4567", "00999123456789", "0"],
              "RS": ["+38164", "064123456789012", "+999 64 123 45", "00999641234567", "0"],
              "MK": ["+389 7", "0701234567890", "12", "+999 70 123 456"]}

TACS = ["35332811", "35891203", "35420011", "86429804", "35288710", "35677009", "35404806", "86769803",
        "35916507", "35203310"]
_imeis = set()


def luhn_digit(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def new_imei():
    while True:
        s = rng.choice(TACS) + "%06d" % rng.randrange(10 ** 6)
        s += luhn_digit(s)
        if s not in _imeis:
            _imeis.add(s)
            return s


def iban_check_digits(cc, bban):
    s = bban + cc + "00"
    n = int("".join(str(int(c, 36)) for c in s))
    return "%02d" % (98 - n % 97)


def iban_ok(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def _digits(n):
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _mod97_national(prefix):
    return prefix + "%02d" % (98 - int(prefix + "00") % 97)


def _mod11_10(digits):
    p = 10
    for ch in digits:
        s = (int(ch) + p) % 10 or 10
        p = (s * 2) % 11
    return str((11 - p) % 10)


_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _it_cin(s):
    t = 0
    for i, ch in enumerate(s):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        t += _IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + t % 26)


BANKS = {"AL": ["202", "204", "205", "208", "212", "221"], "XK": ["1212", "1501", "1701", "1110", "1902"],
         "MK": ["300", "250", "210", "270", "380"], "RS": ["160", "170", "205", "265", "325", "340"],
         "BA": ["129", "161", "338", "141"], "ME": ["510", "505", "535", "520"],
         "HR": ["234000", "236000", "240200", "248400"], "AT": ["12000", "20111", "32000", "19043"],
         "DE": ["70050000", "37040044", "50010517", "10010010", "60050101"],
         "IT": ["05428", "03069", "02008", "01030"]}


def make_bban(cc):
    b = rng.choice(BANKS[cc])
    if cc == "AL":
        s7 = b + _digits(4)
        w = [9, 7, 3, 1, 9, 7, 3]
        chk = (10 - sum(int(c) * x for c, x in zip(s7, w)) % 10) % 10
        return s7 + str(chk) + _digits(16)
    if cc == "XK":
        return _mod97_national(b + _digits(10))
    if cc in ("RS", "ME"):
        return _mod97_national(b + _digits(13))
    if cc == "MK":
        return _mod97_national(b + _digits(10))
    if cc == "BA":
        return _mod97_national(b + _digits(3) + _digits(8))
    if cc == "HR":
        acct = _digits(9)
        return b + _mod11_10(b) + acct + _mod11_10(acct)
    if cc == "AT":
        return b + _digits(11)
    if cc == "DE":
        return b + _digits(10)
    if cc == "IT":
        rest = b + "%05d" % rng.randrange(1000, 99999) + _digits(12)
        return _it_cin(rest) + rest
    raise ValueError(cc)


accounts = []
_ibans = set()


def new_account(cc, holder, role="personal"):
    while True:
        bban = make_bban(cc)
        iban = cc + iban_check_digits(cc, bban) + bban
        if iban not in _ibans:
            break
    assert iban_ok(iban)
    _ibans.add(iban)
    acc = {"iban": iban, "country": cc, "holder": holder["id"], "role": role}
    accounts.append(acc)
    holder["accounts"].append(acc)
    return acc


IBAN_STRINGS = []           # (string, expected compact IBAN): verified by --check


def iban_str(acc):
    iban = acc["iban"]
    s = iban if rng.random() < 0.7 else " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    IBAN_STRINGS.append((s, iban))
    return s


LAT2CYR = {"A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С", "T": "Т",
           "X": "Х", "Y": "У", "J": "Ј"}
PLATE_LETTERS = "ABCDEFGHIJKLMNOPRSTUVZ"
CONFUSABLE = "ABEKMHOPCTXY"


def _L(n, alphabet=PLATE_LETTERS):
    return "".join(rng.choice(alphabet) for _ in range(n))


def make_plate(cc):
    if cc == "RS":
        return "%s %s-%s" % (rng.choice(["BG", "NS", "NI", "VR", "SU", "KG", "SM"]), _digits(rng.choice([3, 4])), _L(2))
    if cc == "MK":
        return "%s %s %s" % (rng.choice(["SK", "KU", "TE", "GV", "OH", "BT"]), _digits(4), _L(2, CONFUSABLE))
    if cc == "AL":
        return "%s %s %s" % (_L(2), _digits(3), _L(2))
    if cc == "XK":
        return "%02d-%s-%s" % (rng.randint(1, 7), _digits(3), _L(2))
    if cc == "BA":
        return "%s%s-%s-%s" % (_L(1, "AEJKMOT"), _digits(2), _L(1, "AEJKMOT"), _digits(3))
    if cc == "ME":
        return "%s %s%s" % (rng.choice(["PG", "BR", "UL", "RO", "BD", "NK"]), _L(2), _digits(3))
    if cc == "HR":
        return "%s %s-%s" % (rng.choice(["ZG", "ST", "OS", "SB", "KA", "RI"]), _digits(rng.choice([3, 4])), _L(rng.choice([1, 2])))
    if cc == "AT":
        return "%s %s %s" % (rng.choice(["W", "G", "L", "S", "K"]), _digits(rng.choice([3, 4])), _L(2))
    if cc == "DE":
        return "%s-%s %s" % (rng.choice(["M", "B", "S", "N", "F", "HH"]), _L(rng.choice([1, 2])), str(rng.randint(1, 9999)))
    if cc == "IT":
        return "%s %s %s" % (_L(2), _digits(3), _L(2))
    raise ValueError(cc)


def plate_key(s):
    """The normalized plate the README documents: look-alike Cyrillic
    letters to Latin, upper case, letters and digits only."""
    back = {v: k for k, v in LAT2CYR.items()}
    out = []
    for ch in s.upper():
        ch = back.get(ch, ch)
        if ch.isascii() and ch.isalnum():
            out.append(ch)
    return "".join(out)


def plate_variant(v, recorder):
    plate = v["plate"]
    r = rng.random()
    if recorder in ("RS", "MK", "BA", "ME") and r < 0.18 and any(c in CONFUSABLE for c in plate):
        s = "".join(LAT2CYR.get(c, c) if c in CONFUSABLE else c for c in plate)
    elif r < 0.45:
        s = plate.replace(" ", "").replace("-", "")
    elif r < 0.55:
        s = plate.replace("-", " ")
    elif r < 0.62:
        s = plate.replace(" ", "-")
    elif r < 0.67:
        s = plate.lower()
    else:
        s = plate
    v["spellings"][s] = v["spellings"].get(s, 0) + 1
    return s


# --------------------------------------------------------------------------
# the ring
GROUP_COUNTRY = {"AL": "AL", "XK": "XK", "MK": "MK", "RS": "RS", "BA": "BA", "ME": "ME", "HR": "HR", "DEST": None}
CELL_SPEC = [  # group, members besides the named ones, ethnic mix
    ("AL", 13, [("sq", 1.0)]),
    ("XK", 9, [("sq", 1.0)]),
    ("MK", 10, [("mk", 0.6), ("sq", 0.4)]),
    ("RS", 13, [("sr", 1.0)]),
    ("BA", 10, [("bs", 0.8), ("sr", 0.2)]),
    ("ME", 7, [("me", 0.6), ("bs", 0.2), ("sq", 0.2)]),
    ("HR", 7, [("hr", 1.0)]),
    ("DEST", 9, [("sq", 0.45), ("bs", 0.25), ("de", 0.15), ("it", 0.15)]),
]
named = {}
named["Ilir Hoxha"] = add_person("Ilir", "Hoxha", "M", "sq", "AL", "AL", "organiser", years=(1968, 1972))
named["Bekim Shala"] = add_person("Bekim", "Shala", "M", "sq", "XK", "XK", "organiser", years=(1970, 1976))
LEADERS = {"AL": ("Dritan", "Hoxha", "sq"), "XK": ("Valon", "Berisha", "sq"), "MK": ("Zoran", "Stojanovski", "mk"),
           "RS": ("Miloš", "Jovanović", "sr"), "BA": ("Emir", "Hodžić", "bs"), "ME": ("Vuk", "Radonjić", "me"),
           "HR": ("Tomislav", "Babić", "hr"), "DEST": ("Fadil", "Rexhepi", "sq")}
leader = {}
for g, (f, ln, eth) in LEADERS.items():
    leader[g] = add_person(f, ln, "M", eth, GROUP_COUNTRY[g] or "AT", g, "leader", years=(1970, 1985))
    named[f + " " + ln] = leader[g]
BROKERS = [("Arben", "Krasniqi", "sq", "MK", ["AL", "MK", "XK"]), ("Goran", "Petrović", "sr", "MK", ["MK", "RS"]),
           ("Dragan", "Marković", "sr", "RS", ["RS", "BA"]), ("Adis", "Kurtagić", "bs", "ME", ["ME", "BA"]),
           ("Stjepan", "Jurić", "hr", "HR", ["HR", "BA"]), ("Luan", "Morina", "sq", "XK", ["XK", "DEST"])]
brokers = []
for f, ln, eth, home, bridges in BROKERS:
    b = add_person(f, ln, "M", eth, GROUP_COUNTRY[home], home, "broker", bridges=bridges, years=(1972, 1990))
    brokers.append(b)
    named[f + " " + ln] = b
named["Ilir Hoxha"]["group"] = "AL"

members = {g: [] for g in GROUP_COUNTRY}
for p in persons:
    members[p["group"]].append(p)
DEST_COUNTRY = {"sq": ["AT", "DE", "IT"], "bs": ["AT", "DE"], "de": ["AT", "DE"], "it": ["IT"]}
for g, n, mix in CELL_SPEC:
    roles = []
    if g in ("AL", "XK", "MK", "RS", "BA"):
        roles.append("cashier")
    roles += ["driver"] * (3 if g in ("AL", "RS", "MK", "BA") else 2)
    roles += ["guide"] * (2 if g in ("MK", "BA", "ME") else 1)
    roles += ["safehouse"]
    roles += ["member"] * (n - len(roles))
    for role in roles:
        eth = rng.choices([e for e, _ in mix], weights=[w for _, w in mix])[0]
        country = GROUP_COUNTRY[g] or rng.choice(DEST_COUNTRY[eth])
        members[g].append(new_person(eth, "M" if rng.random() < 0.94 else "F", country, group=g, role=role,
                                     years=(1975, 2003)))
core = [p for g in members for p in members[g]]

# family and friends around every ring member ("peripheral" contacts)
FAMILY_REL = ["brother", "father", "wife", "mother", "cousin", "brother-in-law", "sister"]
peripheral = []
mirela = add_person("Mirela", "Hoxha", "F", "sq", "AL", None, "nominee", relation="wife", related_to=named["Ilir Hoxha"]["id"],
                    years=(1974, 1978))
peripheral.append(mirela)
for p in core:
    k = rng.randint(2, 4) if p["role"] in ("organiser", "leader", "broker") else rng.randint(1, 3)
    for _ in range(k):
        if rng.random() < 0.6:
            rel = rng.choice(FAMILY_REL)
            sex = "F" if rel in ("wife", "mother", "sister") else "M"
            eth = p["eth"]
            last = p["last"] if rel not in ("cousin", "brother-in-law") else None
        else:
            rel = rng.choice(["friend", "friend", "business", "neighbour"])
            sex = "M" if rng.random() < 0.75 else "F"
            eth = p["eth"] if rng.random() < 0.7 else {"AL": "sq", "XK": "sq", "MK": "mk", "RS": "sr", "BA": "bs",
                                                       "ME": "me", "HR": "hr", "AT": "de", "DE": "de", "IT": "it"}[p["country"]]
            last = None
        q = new_person(eth, sex, p["country"], last=last, role="contact", relation=rel, related_to=p["id"])
        peripheral.append(q)
        p.setdefault("contacts", []).append(q)
named["Ilir Hoxha"].setdefault("contacts", []).append(mirela)

# planted homonyms: different people who share a name with a key figure
homonyms = []
h1 = add_person("Arben", "Krasniqi", "M", "sq", "XK", None, "unrelated", unique=False, years=(1985, 1990),
                relation="none", note="namesake of the broker Arben Krasniqi; not involved")
h2 = add_person("Dragan", "Marković", "M", "sr", "RS", None, "unrelated", unique=False, years=(1958, 1962),
                relation="none", note="namesake of the broker Dragan Marković; not involved")
homonyms += [(named["Arben Krasniqi"], h1), (named["Dragan Marković"], h2)]
peripheral += [h1, h2]

# --------------------------------------------------------------------------
# phones
SIM_MIX = {"AL": [("AL", 1)], "XK": [("AL", 0.6), ("XK", 0.4)], "RS": [("RS", 1)],
           "BA": [("RS", 0.5), ("BA", 0.5)], "ME": [("ME", 0.4), ("RS", 0.3), ("AL", 0.3)],
           "HR": [("HR", 0.5), ("RS", 0.5)]}
SIM_FIXED = {"Ilir Hoxha": "AL", "Bekim Shala": "AL", "Dritan Hoxha": "AL", "Valon Berisha": "AL",
             "Zoran Stojanovski": "RS", "Miloš Jovanović": "RS", "Emir Hodžić": "RS", "Vuk Radonjić": "RS",
             "Tomislav Babić": "RS", "Fadil Rexhepi": "AL", "Arben Krasniqi": "AL", "Goran Petrović": "RS",
             "Dragan Marković": "RS", "Adis Kurtagić": "AL", "Stjepan Jurić": "RS", "Luan Morina": "AL"}
PERSONAL_FIXED = {"Ilir Hoxha": "AL", "Zoran Stojanovski": "MK", "Goran Petrović": "MK", "Emir Hodžić": "BA",
                  "Fadil Rexhepi": "AT", "Bekim Shala": "XK", "Arben Krasniqi": "MK"}


def sim_for(p):
    full = p["first"] + " " + p["last"]
    if full in SIM_FIXED and p["role"] != "unrelated":
        return SIM_FIXED[full]
    g = p["group"]
    if g == "MK":
        mix = [("AL", 0.5), ("MK", 0.5)] if p["eth"] == "sq" else [("MK", 0.6), ("RS", 0.4)]
    elif g == "DEST":
        mix = [(p["country"], 0.5), ("AL", 0.3), ("RS", 0.2)]
    else:
        mix = SIM_MIX[g]
    return rng.choices([c for c, _ in mix], weights=[w for _, w in mix])[0]


for p in core:
    ph = new_phone(sim_for(p), p, "operational")
    p["op_phones"] = [ph]
    full = p["first"] + " " + p["last"]
    if full in PERSONAL_FIXED:
        p["personal"] = new_phone(PERSONAL_FIXED[full], p, "personal")
    elif rng.random() < 0.2:
        home = p["country"] if p["country"] != "XK" or rng.random() < 0.5 else "AL"
        p["personal"] = new_phone(home, p, "personal")
    else:
        p["personal"] = None
for q in peripheral:
    if q is mirela or rng.random() < 0.93:
        c = q["country"]
        if c == "XK" and rng.random() < 0.4:
            c = "AL"
        ph = new_phone(c, q, "contact")
        q["op_phones"] = [ph]
    else:
        q["op_phones"] = []
    q["personal"] = None

# numbers nobody in the case is known to own: shops, taxis, garages ...
noise_phones = []
for c, n in [("AL", 34), ("RS", 34), ("MK", 14), ("XK", 10), ("BA", 8), ("ME", 5), ("HR", 5), ("DE", 3), ("AT", 3), ("IT", 3)]:
    for _ in range(n):
        noise_phones.append(new_phone(c, None, "unknown"))

# SIM switches: the phone goes silent, a new one with the same contacts starts
SWITCHERS = [("Ilir Hoxha", 2), ("Bekim Shala", 1), ("Dritan Hoxha", 1), ("Arben Krasniqi", 1),
             ("Goran Petrović", 1), ("Miloš Jovanović", 1), ("Emir Hodžić", 1), ("Valon Berisha", 1), ("Luan Morina", 1)]
switch_people = [(named[n], k) for n, k in SWITCHERS]
drivers_visible = [p for p in core if p["role"] == "driver" and p["op_phones"][0]["country"] in ("AL", "RS")]
for p in rng.sample(drivers_visible, 3):
    switch_people.append((p, 1))
sim_switches = []
for p, k in switch_people:
    fracs = [0.5] if k == 1 else [0.33, 0.7]
    for fr in fracs:
        old = p["op_phones"][-1]
        t = T_START + int((T_END - T_START) * (fr + rng.uniform(-0.08, 0.08)))
        gap = rng.randint(6 * 3600, 3 * DAY)
        cc = old["country"] if rng.random() < 0.85 else ("RS" if old["country"] == "AL" else "AL")
        new = new_phone(cc, p, "operational")
        old["active_to"] = t
        new["active_from"] = t + gap
        p["op_phones"].append(new)
        sim_switches.append({"person": p, "old": old, "new": new, "switch_time": t, "same_handset": rng.random() < 0.5})

# handsets (IMEI) of every phone; handset-only switches on a few phones
for ph in phones:
    ph["imeis"] = [(ph["active_from"], new_imei())]
for sw in sim_switches:
    if sw["same_handset"]:
        sw["new"]["imeis"] = [(sw["new"]["active_from"], sw["old"]["imeis"][-1][1])]
handset_switches = []
for ph in rng.sample([ph for ph in phones if ph["country"] == "AL" and ph["use"] == "operational"
                      and ph["active_from"] == T_START and ph["active_to"] == T_END], 3):
    t = T_START + int((T_END - T_START) * rng.uniform(0.3, 0.7))
    ph["imeis"].append((t, new_imei()))
    handset_switches.append({"phone": ph, "time": t})


def imei_at(ph, ts):
    cur = ph["imeis"][0][1]
    for t, i in ph["imeis"]:
        if ts >= t:
            cur = i
    return cur


# who a phone is registered to at its operator (RS and MK keep registers)
nominee_registrations = []
for p in core + peripheral:
    for ph in p["phones"]:
        if ph["country"] not in ("RS", "MK"):
            continue
        r = rng.random()
        fam = [q for q in p.get("contacts", []) if q.get("relation") in FAMILY_REL]
        if p["role"] in ("organiser", "leader", "broker") and fam and r < 0.35:
            ph["registered_to"] = rng.choice(fam)
            nominee_registrations.append((ph, p, ph["registered_to"]))
        elif r < (0.72 if ph["country"] == "RS" else 0.88):
            ph["registered_to"] = p
        # else: prepaid SIM, never registered
# the planted nominee of the RS leader: his phone is in his mother's name
milos = named["Miloš Jovanović"]
mom = next((q for q in milos["contacts"] if q["relation"] == "mother"), None)
if mom is None:
    mom = add_person("Dragica", "Jovanović", "F", "sr", "RS", None, "contact", relation="mother", related_to=milos["id"],
                     years=(1950, 1955))
    peripheral.append(mom)
    milos["contacts"].append(mom)
    mom["op_phones"] = [new_phone("RS", mom, "contact")]
    mom["personal"] = None
nominee_registrations = [n for n in nominee_registrations if n[0] is not milos["op_phones"][0]]
milos["op_phones"][0]["registered_to"] = mom
nominee_registrations.append((milos["op_phones"][0], milos, mom))
for ph in noise_phones:
    if ph["country"] == "RS" and rng.random() < 0.6:
        eth = "sr"
        ph["registered_to"] = new_person(eth, "M" if rng.random() < 0.7 else "F", "RS", role="unrelated", relation="none")
    elif ph["country"] == "MK" and rng.random() < 0.8:
        eth = "mk" if rng.random() < 0.7 else "sq"
        ph["registered_to"] = new_person(eth, "M" if rng.random() < 0.7 else "F", "MK", role="unrelated", relation="none")
# the RS homonym is a registered subscriber too (he calls his neighbour, a ring member's father)
h2_phone = new_phone("RS", h2, "contact")
h2_phone["registered_to"] = h2
h2["op_phones"] = [h2_phone]
h2["personal"] = None

# --------------------------------------------------------------------------
# Albanian operator's cell sites
AL_CELLS = [("TIR0101", "Tiranë Qendër"), ("TIR0207", "Tiranë Kombinat"), ("TIR0315", "Tiranë Kinostudio"),
            ("TIR0422", "Tiranë Laprakë"), ("TIR0530", "Tiranë Don Bosko"), ("DUR0104", "Durrës Plazh"),
            ("DUR0211", "Durrës Porti"), ("SHK0103", "Shkodër Qendër"), ("SHK0220", "Shkodër Bahçallëk"),
            ("KUK0102", "Kukës Qendër"), ("KUK0305", "Morinë Kufiri"), ("HTT0101", "Hani i Hotit"),
            ("KOP0104", "Koplik"), ("VLO0112", "Vlorë Skelë"), ("ELB0107", "Elbasan Qendër"),
            ("KRC0102", "Korçë Qendër"), ("KRC0209", "Kapshticë"), ("POG0101", "Pogradec"),
            ("QTH0101", "Qafë Thanë"), ("FIE0103", "Fier Qendër"), ("LEZ0102", "Lezhë"), ("KAV0104", "Kavajë"),
            ("BER0102", "Berat"), ("LUS0101", "Lushnjë"), ("DIB0103", "Peshkopi"), ("TRP0101", "Bajram Curri")]
BORDER_CELLS = ["KUK0305", "HTT0101", "QTH0101", "KRC0209", "KOP0104", "KUK0102"]
cell_name = dict(AL_CELLS)
for ph in phones:
    if ph["country"] != "AL":
        continue
    owner = persons[int(ph["owner"][1:]) - 1] if ph["owner"] else None
    if owner is None or owner["country"] == "AL":
        home = rng.sample([c for c, _ in AL_CELLS], 3)
        cells = [(home[0], 60), (home[1], 20), (home[2], 10)]
        if owner is not None and owner.get("role") == "driver":
            cells += [(c, 6) for c in BORDER_CELLS]
        ph["cells"] = cells
    # else: the subscriber roams abroad: the operator records no cell


# --------------------------------------------------------------------------
# contacts between people, and the calls they make
def op_phone_at(p, ts):
    for ph in p.get("op_phones", []):
        if ph["active_from"] <= ts < ph["active_to"]:
            return ph
    return None


def phone_at(p, ts, channel):
    if channel == "personal" and p.get("personal"):
        return p["personal"]
    return op_phone_at(p, ts)


edges = []   # (a, b, calls per day, channel, sms share, a-initiates share)


def edge(a, b, rate, channel="op", sms=0.35, init=0.5):
    edges.append((a, b, rate, channel, sms, init))


ilir, bekim = named["Ilir Hoxha"], named["Bekim Shala"]
for g, ldr in leader.items():
    edge(ilir, ldr, 0.9 if g == "AL" else 0.35, init=0.7)
edge(ilir, bekim, 0.5)
for g in ("XK", "AL", "DEST"):
    edge(bekim, leader[g], 0.3, init=0.6)
ROLE_RATE = {"driver": 0.45, "cashier": 0.3, "guide": 0.3, "safehouse": 0.2, "member": 0.15, "broker": 0.35,
             "organiser": 0.0, "leader": 0.0}
for g, ms in members.items():
    ldr = leader[g]
    for p in ms:
        if p is ldr or p["role"] == "organiser":
            continue
        edge(ldr, p, ROLE_RATE[p["role"]], init=0.6)
        if p["role"] == "cashier":
            edge(bekim, p, 0.1)
    rest = [p for p in ms if p["role"] not in ("organiser",)]
    for i, a in enumerate(rest):
        for b in rest[i + 1:]:
            if a is ldr or b is ldr:
                continue
            pr = 0.45 if {a["role"], b["role"]} <= {"driver", "guide", "safehouse"} else 0.22
            if rng.random() < pr:
                edge(a, b, rng.uniform(0.03, 0.12))
for b in brokers:
    for g in b["bridges"]:
        if g == b["group"]:
            continue
        edge(b, leader[g], 0.35)
        others = [p for p in members[g] if p is not leader[g] and p["role"] not in ("organiser",)]
        for q in rng.sample(others, min(len(others), rng.randint(4, 7))):
            edge(b, q, rng.uniform(0.1, 0.25))
# the only leader-to-leader ties: AL-XK (one people, two states) and HR-DEST
# (no broker there)
edge(leader["AL"], leader["XK"], 0.2)
edge(leader["HR"], leader["DEST"], 0.12)
for p in core + peripheral:
    for q in p.get("contacts", []):
        edge(p, q, rng.uniform(0.1, 0.3), channel="personal", sms=0.25)
    fam = [q for q in p.get("contacts", []) if q.get("relation") in FAMILY_REL]
    for i, a in enumerate(fam):
        for b in fam[i + 1:]:
            if rng.random() < 0.5:
                edge(a, b, 0.05, sms=0.2)
noise_owner = {}
for ph in noise_phones:
    noise_owner[ph["e164"]] = {"id": None, "op_phones": [ph], "personal": None}
for p in core + peripheral:
    if rng.random() < 0.35:
        local = [ph for ph in noise_phones if ph["country"] in (p["country"], (p.get("op_phones") or [{}])[0].get("country"))]
        for ph in rng.sample(local, min(len(local), rng.randint(1, 2))):
            edge(p, noise_owner[ph["e164"]], rng.uniform(0.02, 0.06), channel="personal", sms=0.1)
# the homonym h2 calls a neighbour: the father of a ring member, if there is one in RS
rs_fathers = [q for q in peripheral if q.get("relation") == "father" and q["country"] == "RS" and q.get("op_phones")]
if rs_fathers:
    edge(h2, rs_fathers[0], 0.15, sms=0.1)

SCALE = 3.0
events = []    # (ts, seq, a_phone, b_phone, type, duration)


def voice_duration():
    if rng.random() < 0.06:
        return 0
    return int(min(3600, max(3, math.exp(rng.gauss(3.9, 1.0)))))


def add_call(a, b, ts, channel="op", sms=0.35, etype=None):
    pa, pb = phone_at(a, ts, channel), phone_at(b, ts, channel)
    if pa is None or pb is None or pa is pb:
        return
    if etype is None:
        etype = "sms" if rng.random() < sms else "call"
    events.append((ts, len(events), pa, pb, etype, voice_duration() if etype == "call" else 0))


for a, b, rate, channel, sms, init in edges:
    n = poisson(rate * SCALE * N_DAYS)
    for _ in range(n):
        ts = rand_time()
        if rng.random() < init:
            add_call(a, b, ts, channel, sms)
        else:
            add_call(b, a, ts, channel, sms)

# --------------------------------------------------------------------------
# migrant groups travel the routes, leg by leg; every leg is one cell's job
BCP = {  # leg -> (handling group, exit (country, name), entry (country, name))
    "AL-MK": ("AL", ("AL", "Qafë Thanë"), ("MK", "Ćafasan")),
    "AL-XK": ("AL", ("AL", "Morinë"), ("XK", "Vërmicë")),
    "AL-ME": ("AL", ("AL", "Hani i Hotit"), ("ME", "Božaj")),
    "XK-MK": ("XK", ("XK", "Hani i Elezit"), ("MK", "Blace")),
    "MK-RS": ("MK", ("MK", "Tabanovce"), ("RS", "Preševo")),
    "RS-BA": ("RS", ("RS", "Sremska Rača"), ("BA", "Rača")),
    "RS-HU": ("RS", ("RS", "Horgoš"), ("HU", "Röszke")),
    "ME-BA": ("ME", ("ME", "Šćepan Polje"), ("BA", "Hum")),
    "BA-HR": ("BA", ("BA", "Izačić"), ("HR", "Ličko Petrovo Selo")),
    "BA-HR2": ("BA", ("BA", "Gradiška"), ("HR", "Stara Gradiška")),
    "HR-SI": ("HR", ("HR", "Bregana"), ("SI", "Obrežje")),
    "HR-SI2": ("HR", ("HR", "Macelj"), ("SI", "Gruškovje")),
    "SI-AT": ("DEST", ("SI", "Šentilj"), ("AT", "Spielfeld")),
    "SI-IT": ("DEST", ("SI", "Fernetiči"), ("IT", "Fernetti")),
    "HU-AT": ("DEST", ("HU", "Hegyeshalom"), ("AT", "Nickelsdorf")),
}
ROUTES = {"east": (["AL-MK", "MK-RS", "RS-BA", "BA-HR2", "HR-SI", "SI-AT"], 0.35, (3500, 5000)),
          "coast": (["AL-ME", "ME-BA", "BA-HR", "HR-SI2", "SI-IT"], 0.35, (4000, 6000)),
          "kosovo": (["AL-XK", "XK-MK", "MK-RS", "RS-HU", "HU-AT"], 0.30, (3000, 4500))}
SCHENGEN_INTERNAL = {"SI-AT", "SI-IT"}
REG_CODE = {"AL": "AL", "XK": "RKS", "MK": "NMK", "RS": "SRB", "BA": "BIH", "ME": "MNE", "HR": "HR", "AT": "A",
            "DE": "D", "IT": "I", "SI": "SLO", "HU": "H"}
MAKES = ["VW Transporter", "VW Caddy", "Mercedes-Benz Sprinter", "Mercedes-Benz Vito", "Renault Trafic",
         "Ford Transit", "Opel Vivaro", "Fiat Ducato", "Peugeot Boxer", "Škoda Octavia", "VW Passat", "Audi A6",
         "BMW 520d", "Opel Zafira", "Toyota Corolla"]
vehicles = []


def new_vehicle(cc, owner=None, ring=None):
    while True:
        plate = make_plate(cc)
        if all(plate_key(plate) != plate_key(v["plate"]) for v in vehicles):
            break
    v = {"id": "V%03d" % (len(vehicles) + 1), "plate": plate, "country": cc, "make": rng.choice(MAKES),
         "group": ring, "owner": owner["id"] if owner else None, "drivers": [], "spellings": {}}
    vehicles.append(v)
    if owner:
        owner["vehicles"].append(v)
    return v


ring_vehicles = {}
for g, ms in members.items():
    n = {"AL": 4, "XK": 3, "MK": 3, "RS": 4, "BA": 3, "ME": 2, "HR": 3, "DEST": 3}[g]
    ring_vehicles[g] = []
    for i in range(n):
        ldr = leader[g]
        cc = GROUP_COUNTRY[g] or rng.choice(["AT", "DE", "IT"])
        ring_vehicles[g].append(new_vehicle(cc, owner=ldr if i == 0 else rng.choice(ms), ring=g))
drivers_of = {g: [p for p in ms if p["role"] == "driver"] for g, ms in members.items()}

migrants, groups, legs, crossings = [], [], [], []


def new_migrant(last_entry, origin, gid):
    fv = rng.choice(MIG_FIRST)
    lv = last_entry
    first, last = fv[0], lv[0]
    m = add_person(first, last, "M" if rng.random() < 0.85 else "F", "mig", origin, None, "migrant", unique=False,
                   years=(1975, 2006), first_variants=fv, last_variants=lv, travel_group=gid)
    migrants.append(m)
    return m


def log_crossing(ts, leg, side, v, driver, passengers, recorder):
    bcp_country, bcp_name = BCP[leg][1] if side == "EXIT" else BCP[leg][2]
    crossings.append({"ts": ts, "leg": leg, "bcp": bcp_name, "country": bcp_country, "direction": side,
                      "vehicle": v, "driver": driver, "passengers": passengers, "ring": True})


def crossing_records(ts, leg, v, driver, pax):
    both = rng.random()
    if leg in SCHENGEN_INTERNAL or leg == "HU-AT":
        if both < 0.75:
            log_crossing(ts + rng.randint(2, 30) * 60, leg, "ENTRY", v, driver, pax, None)
        return
    if both < 0.65:
        log_crossing(ts, leg, "EXIT", v, driver, pax, None)
        log_crossing(ts + rng.randint(4, 40) * 60, leg, "ENTRY", v, driver, pax, None)
    elif both < 0.8:
        log_crossing(ts, leg, "EXIT", v, driver, pax, None)
    else:
        log_crossing(ts + rng.randint(4, 40) * 60, leg, "ENTRY", v, driver, pax, None)


N_GROUPS = 44
for gi in range(N_GROUPS):
    gid = "G%02d" % (gi + 1)
    route = rng.choices(list(ROUTES), weights=[ROUTES[r][1] for r in ROUTES])[0]
    lastnames = rng.sample(MIG_LAST, 3)
    size = rng.randint(3, 7)
    ms = []
    for _ in range(size):
        le, origin = rng.choice(lastnames)
        ms.append(new_migrant(le, origin, gid))
    start_day = rng.randint(2, 150)
    t = local_midnight(start_day) + rng.randint(5, 22) * 3600
    route_legs = ROUTES[route][0]
    stop = len(route_legs) if rng.random() < 0.8 else rng.randint(2, len(route_legs) - 1)
    grp = {"id": gid, "route": route, "members": ms, "legs": [], "completed": False,
           "fee_eur": rng.randrange(*ROUTES[route][2], 100), "start": t}
    prev_group = None
    for li, leg in enumerate(route_legs[:stop]):
        g = BCP[leg][0]
        v = rng.choice(ring_vehicles[g])
        drv = rng.choice(drivers_of[g])
        if drv["id"] not in v["drivers"]:
            v["drivers"].append(drv["id"])
        pax = [m for m in ms if rng.random() < 0.93] or ms[:1]
        if t >= T_END - 2 * DAY:
            break
        crossing_records(t, leg, v, drv, pax)
        grp["legs"].append({"leg": leg, "group": g, "time": t, "vehicle": v, "driver": drv, "passengers": pax})
        legs.append((grp, leg, g, t, v, drv))
        # the phone traffic around a leg: driver and leader before, "ok" after,
        # and the hand-off to the next cell through its broker
        ldr = leader[g]
        for _ in range(rng.randint(2, 5)):
            add_call(drv, ldr, t - rng.randint(600, 36 * 3600), sms=0.4)
        add_call(drv, ldr, t + rng.randint(300, 5400), etype="sms")
        if rng.random() < 0.35:
            add_call(ldr, ilir, t - rng.randint(3600, 48 * 3600), sms=0.5)
        if prev_group and prev_group != g:
            via = [b for b in brokers if prev_group in b["bridges"] and g in b["bridges"]]
            pl = leader[prev_group]
            if via:
                br = via[0]
                for _ in range(rng.randint(1, 3)):
                    add_call(pl, br, t - rng.randint(3600, 60 * 3600))
                for _ in range(rng.randint(1, 3)):
                    add_call(br, ldr, t - rng.randint(1800, 48 * 3600))
                add_call(br, drv, t - rng.randint(600, 12 * 3600), sms=0.5)
            else:
                for _ in range(rng.randint(1, 2)):
                    add_call(pl, ldr, t - rng.randint(3600, 48 * 3600))
        prev_group = g
        t += rng.randint(20, 110) * 3600
    grp["completed"] = len(grp["legs"]) == len(route_legs)
    groups.append(grp)

# recon runs and ordinary traffic at the same border crossing points
for g, vs in ring_vehicles.items():
    for v in vs:
        for _ in range(rng.randint(0, 3)):
            leg = rng.choice([l for l, x in BCP.items() if x[0] == g])
            drv = rng.choice(drivers_of[g] + [leader[g]])
            ts = rand_time(T_START + DAY, T_END - DAY)
            crossing_records(ts, leg, v, drv, [])
travellers = []
for _ in range(70):
    cc = rng.choice(["AL", "AL", "XK", "MK", "RS", "RS", "BA", "ME", "HR", "AT", "DE", "IT"])
    eth = {"AL": "sq", "XK": "sq", "MK": "mk", "RS": "sr", "BA": "bs", "ME": "me", "HR": "hr", "AT": "de", "DE": "de",
           "IT": "it"}[cc]
    drv = new_person(eth, "M" if rng.random() < 0.85 else "F", cc, role="traveller", relation="none")
    travellers.append(drv)
    v = new_vehicle(cc, owner=drv)
    v["drivers"].append(drv["id"])
    fam = []
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        q = new_person(eth, "F" if rng.random() < 0.5 else "M", cc, last=drv["last"], role="traveller", relation="family")
        travellers.append(q)
        fam.append(q)
    for _ in range(rng.randint(1, 4)):
        leg = rng.choice(list(BCP))
        ts = rand_time(T_START + DAY, T_END - DAY)
        pax = [q for q in fam if rng.random() < 0.7]
        crossing_records(ts, leg, v, drv, pax)
crossings.sort(key=lambda c: (c["ts"], c["vehicle"]["id"], c["direction"]))

# --------------------------------------------------------------------------
# money
collector = new_account("AL", mirela, role="collector")
ilir_acc = new_account("AL", ilir, role="organiser")
bekim_acc = new_account("XK", bekim, role="organiser")
cashiers = {g: next(p for p in members[g] if p["role"] == "cashier") for g in ("AL", "XK", "MK", "RS", "BA")}
cashier_acc = {g: new_account(GROUP_COUNTRY[g], p, role="cashier") for g, p in cashiers.items()}
leader_acc = {}
for g, ldr in leader.items():
    leader_acc[g] = new_account(ldr["country"] if ldr["country"] in BANKS else "AT", ldr, role="leader")
driver_acc = {}
for g, ds in drivers_of.items():
    for d in ds:
        cc = d["country"] if d["country"] in BANKS else "AT"
        driver_acc[d["id"]] = new_account(cc, d, role="driver")
RATE = {"EUR": 1.0, "ALL": 100.0, "RSD": 117.0, "MKD": 61.5}
LOCAL_CCY = {"AL": "ALL", "RS": "RSD", "MK": "MKD"}
transfers = []   # dicts


def transfer(ts, s_person, s_acc, r_person, r_acc, eur, ccy, purpose, kind):
    amount = round(eur * RATE[ccy], 2 if ccy == "EUR" else 0)
    if ccy != "EUR":
        amount = float(int(round(amount / 10.0)) * 10)
    transfers.append({"ts": ts, "s": s_person, "sa": s_acc, "r": r_person, "ra": r_acc, "amount": amount,
                      "ccy": ccy, "purpose": purpose, "kind": kind})


def business_time(t):
    d = max(0, min(N_DAYS - 1, (t - T_START) // DAY))
    return rand_time_in_day(d, [0] * 7 + [3, 6, 8, 8, 8, 6, 6, 8, 8, 6, 3] + [0] * 6)


relatives = []
received = {g: 0.0 for g in cashiers}
FIRST_CASHIER = {"east": "AL", "coast": "AL", "kosovo": "XK"}
for grp in groups:
    for m in grp["members"]:
        if rng.random() > 0.8:
            continue                   # paid in cash: no record
        cc = rng.choice(["DE", "DE", "AT", "IT"])
        rel = add_person(rng.choice(rng.choice(MIG_FIRST)), m["last"], "M" if rng.random() < 0.8 else "F", "mig", cc,
                         None, "relative", unique=False, relation="relative of migrant", related_to=m["id"],
                         years=(1960, 1995))
        rel["write_first"], rel["write_last"] = rel["first"], rel["last"]
        relatives.append(rel)
        racc = new_account(cc, rel, role="payer")
        fee = grp["fee_eur"] + rng.randrange(-300, 301, 50)
        parts = [fee] if rng.random() < 0.5 else [round(fee * 0.5), fee - round(fee * 0.5)]
        for k, part in enumerate(parts):
            if k == 0:
                ts = business_time(grp["start"] - rng.randint(1, 8) * DAY)
            else:
                ts = business_time(grp["start"] + rng.randint(4, 14) * DAY)
            if ts >= T_END or ts < T_START:
                continue
            if rng.random() < 0.45:
                dest_person, dest = mirela, collector
            else:
                g = FIRST_CASHIER[grp["route"]] if rng.random() < 0.7 else rng.choice(list(cashiers))
                dest_person, dest = cashiers[g], cashier_acc[g]
                received[g] += part
            transfer(ts, rel, racc, dest_person, dest, part, "EUR",
                     rng.choice(["family support", "for my brother", "Familienunterstützung", "travel costs",
                                 "loan", "ndihmë familjare", "help, " + m["first"], "per mio cugino"]), "fee")
# cashiers sweep to the collector every two weeks; the collector pays out
sweep_t = T_START + 10 * DAY
while sweep_t < T_END - 2 * DAY:
    for g in cashiers:
        share = rng.uniform(0.82, 0.95)
        if received[g] < 500:
            continue
        eur = round(received[g] * share / 10) * 10
        ccy = "ALL" if g == "AL" else "EUR"
        transfer(business_time(sweep_t + rng.randint(0, 2) * DAY), cashiers[g], cashier_acc[g], mirela, collector,
                 eur, ccy, rng.choice(["transport services", "invoice 2024/%03d" % rng.randint(1, 300),
                                       "qira", "payment, goods"]), "sweep")
        received[g] = 0.0
    sweep_t += 14 * DAY
month_t = T_START + 27 * DAY
while month_t < T_END:
    transfer(business_time(month_t), mirela, collector, ilir, ilir_acc, rng.randint(9000, 16000), "ALL",
             rng.choice(["family", "rent", "shpenzime"]), "payout")
    transfer(business_time(month_t + DAY), mirela, collector, bekim, bekim_acc, rng.randint(5000, 9000), "EUR",
             rng.choice(["loan repayment", "consulting", "car purchase"]), "payout")
    for g, ldr in leader.items():
        if g == "AL" or rng.random() < 0.85:
            transfer(business_time(month_t + rng.randint(1, 4) * DAY), mirela, collector, ldr, leader_acc[g],
                     rng.randint(1500, 4000), "EUR", rng.choice(["transport", "advance", "expenses"]), "payout")
    month_t += 30 * DAY
for grp, leg, g, t, v, drv in legs:
    if rng.random() < 0.6:
        ldr = leader[g]
        ccy = LOCAL_CCY.get(drv["country"], "EUR") if rng.random() < 0.7 else "EUR"
        transfer(business_time(t + rng.randint(1, 3) * DAY), ldr, leader_acc[g], drv, driver_acc[drv["id"]],
                 rng.randint(250, 900), ccy, rng.choice(["salary", "rroga", "plata", "transport", "gorivo", "advance"]),
                 "driver pay")
# ordinary remittances between people who have nothing to do with the money flow
payers = [q for q in peripheral if q["country"] in BANKS and q["role"] == "contact"]
for q in rng.sample(payers, 45):
    acc = new_account(q["country"], q)
    for _ in range(rng.randint(1, 3)):
        r = rng.choice(payers)
        if r is q:
            continue
        racc = r["accounts"][0] if r["accounts"] else new_account(r["country"], r)
        ccy = LOCAL_CCY.get(q["country"], "EUR") if q["country"] == r["country"] else "EUR"
        transfer(business_time(rand_time()), q, acc, r, racc, rng.randint(30, 900), ccy,
                 rng.choice(["gift", "rent", "birthday", "remittance", "školarina", "for the car", "dhuratë"]), "noise")
h1_acc = new_account("XK", h1)
for _ in range(3):
    r = rng.choice(payers)
    racc = r["accounts"][0] if r["accounts"] else new_account(r["country"], r)
    transfer(business_time(rand_time()), h1, h1_acc, r, racc, rng.randint(100, 600), "EUR", "family support", "noise")
transfers.sort(key=lambda x: (x["ts"], x["sa"]["iban"]))

# --------------------------------------------------------------------------
# writing files: every record is kept as bytes, so that bad ones can be
# exactly what agencies send (bad bytes, broken quotes) and counted exactly


def quote(s, delim):
    if any(c in s for c in (delim, '"', "\n", "\r")) or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


class CaseFile:
    def __init__(self, name, header, delim, encoding, eol, bom=False):
        self.name, self.header, self.delim, self.encoding, self.eol, self.bom = name, header, delim, encoding, eol, bom
        self.rows = []           # [fields, meta]
        self.bad = {}            # row index -> (bytes, kind, column, detail)
        self.extra = []          # (insert before index, bytes, kind, column, detail)

    def add(self, fields, **meta):
        assert len(fields) == len(self.header)
        self.rows.append([fields, meta])

    def enc(self, s):
        return s.encode(self.encoding)

    def good_bytes(self, fields):
        return self.enc(self.delim.join(quote(f, self.delim) for f in fields))

    def raw(self, parts):
        """parts: str (quoted as usual) or bytes (written verbatim)."""
        out = []
        for p in parts:
            out.append(p if isinstance(p, bytes) else self.enc(quote(p, self.delim)))
        return self.enc(self.delim).join(out)

    def col(self, name):
        return self.header.index(name)

    def plant(self, kind, n, make, pred=lambda f, m: True):
        cand = [i for i, (f, m) in enumerate(self.rows) if i not in self.bad and pred(f, m)]
        for i in rng.sample(cand, min(n, len(cand))):
            f, m = self.rows[i]
            data, column, detail = make(list(f), m)
            self.bad[i] = (data, kind, column, detail)

    def plant_unterminated(self, column):
        """One record whose quote never closes, placed after the last record
        that holds any quote character, so that a reader that goes back to
        the opening line rejects exactly this one record."""
        recs = self._records(with_extra=False)
        last = max([i for i, r in enumerate(recs) if b'"' in r] + [len(recs) // 2])
        pos = rng.randint(last + 1, len(recs))
        src = list(self.rows[min(pos, len(self.rows) - 1)][0])
        c = self.col(column)
        src[c] = '"' + src[c]
        parts = [self.enc(x) if j == c else x for j, x in enumerate(src)]
        self.extra.append((pos, self.raw(parts), "broken_quoting", column, "quoted field never closed"))

    def _records(self, with_extra=True):
        recs = []
        for i, (f, m) in enumerate(self.rows):
            recs.append(self.bad[i][0] if i in self.bad else self.good_bytes(f))
        return recs

    def write(self):
        recs, kinds, metas = [], [], []
        extra = sorted(self.extra, key=lambda e: e[0])
        ei = 0
        for i, (f, m) in enumerate(self.rows + [[None, None]]):
            while ei < len(extra) and extra[ei][0] == i:
                recs.append(extra[ei][1])
                kinds.append(extra[ei][2:])
                metas.append(None)
                ei += 1
            if f is None:
                break
            if i in self.bad:
                recs.append(self.bad[i][0])
                kinds.append(self.bad[i][1:])
                metas.append(None)
            else:
                recs.append(self.good_bytes(f))
                kinds.append(None)
                metas.append((f, m))
        eol = self.enc(self.eol)
        chunks = [(b"\xef\xbb\xbf" if self.bom else b"") + self.good_bytes(self.header) + eol]
        line = 2
        bad_rows = []
        for r, k in zip(recs, kinds):
            if k is not None:
                bad_rows.append({"line": line, "kind": k[0], "column": k[1], "detail": k[2]})
            chunks.append(r + eol)
            line += 1 + r.count(b"\n")
        body = b"".join(chunks)
        path = os.path.join(OUT, self.name)
        with open(path, "wb") as fh:
            fh.write(body)
        self.body, self.records, self.kinds, self.metas, self.bad_rows = body, recs, kinds, metas, bad_rows
        by_kind = {}
        for b in bad_rows:
            by_kind[b["kind"]] = by_kind.get(b["kind"], 0) + 1
        return {"encoding": self.encoding, "delimiter": {"\t": "tab"}.get(self.delim, self.delim),
                "line_ending": {"\r\n": "CRLF", "\n": "LF"}[self.eol], "bom": self.bom, "header": True,
                "columns": self.header, "records": len(recs), "physical_lines": line - 1,
                "good_records": len(recs) - len(bad_rows), "bad_records": len(bad_rows),
                "bad_by_kind": dict(sorted(by_kind.items())), "bytes": len(body),
                "sha256": hashlib.sha256(body).hexdigest(), "bad_rows": bad_rows}

    def good(self):
        return [m for m in self.metas if m is not None]


def n_bad(total, rate=0.025):
    return max(1, int(round(total * rate)))


def spread(total, kinds):
    """Splits total bad records over kinds by weight, at least one each."""
    w = sum(x for _, x in kinds)
    out = {k: max(1, int(total * x / w)) for k, x in kinds}
    return out


def latin1_or_cp1250(s):
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return s.encode("cp1250")


os.makedirs(OUT, exist_ok=True)
events.sort(key=lambda e: (e[0], e[1]))
truth_files = {}

# ---- 1. Albanian operator CDR -------------------------------------------------
al = CaseFile("cdr_operator_al.csv", ["A_NUMBER", "B_NUMBER", "CALL_TYPE", "START", "DURATION", "A_IMEI", "CELL_ID",
                                      "CELL_NAME"], ";", "utf-8", "\r\n")
rs = CaseFile("cdr_operator_rs.csv", ["Pozivni broj", "Pozvani broj", "Vrsta", "Pocetak", "Trajanje", "Pretplatnik"],
              ",", "cp1250", "\n")


def rs_name(ph):
    p = ph["registered_to"]
    if p is None:
        return ""
    return used(p, spell(p, "surname_first"))


rs_cache = {}
for ts, seq, pa, pb, etype, dur in events:
    if pa["country"] == "AL" or pb["country"] == "AL":
        imei = cell_id = cname = ""
        if pa["country"] == "AL":
            imei = imei_at(pa, ts)
            if pa["cells"]:
                cell_id = rng.choices([c for c, _ in pa["cells"]], weights=[w for _, w in pa["cells"]])[0]
                cname = cell_name[cell_id]
        al.add([phone_str(pa, "AL", "A"), phone_str(pb, "AL", "B"), "VOICE" if etype == "call" else "SMS", fmt_al(ts),
                str(dur), imei, cell_id, cname], ts=ts, a=pa, b=pb, type=etype, dur=dur, imei=imei, cell=cell_id)
    if pa["country"] == "RS" or pb["country"] == "RS":
        if pa["country"] == "RS":
            if pa["e164"] not in rs_cache:
                rs_cache[pa["e164"]] = rs_name(pa)
            name = rs_cache[pa["e164"]]
            if name:
                used(pa["registered_to"], name)
        else:
            name = ""
        rs.add([phone_str(pa, "RS", "A"), phone_str(pb, "RS", "B"), "GOVOR" if etype == "call" else "SMS", fmt_rs(ts),
                "%02d:%02d:%02d" % (dur // 3600, dur // 60 % 60, dur % 60), name],
               ts=ts, a=pa, b=pb, type=etype, dur=dur, name=name)


def corrupt_phone(region):
    def make(f, m):
        c = rng.choice([0, 1])
        f[c] = rng.choice(BAD_PHONES[region])
        return (al if region == "AL" else rs).good_bytes(f), (al if region == "AL" else rs).header[c], "invalid number " + f[c]
    return make


def empty_id(cf):
    def make(f, m):
        c = rng.choice([0, 1])
        f[c] = ""
        return cf.good_bytes(f), cf.header[c], "empty number"
    return make


N = n_bad(len(al.rows))
plan = spread(N, [("empty_identifier", 18), ("unparseable_time", 16), ("non_numeric_duration", 14),
                  ("wrong_field_count", 16), ("invalid_phone", 16), ("broken_quoting", 8), ("invalid_utf8", 8)])


def al_bad_time(f, m):
    d = local_dt(m["ts"])
    f[3] = rng.choice(["########", d.strftime("%Y-%m-%d %H:%M:%S"), d.strftime("%d.%m.%Y"),
                       d.strftime("%d/%m/%Y %H:%M:%S")])
    return al.good_bytes(f), "START", "time " + f[3]


def al_bad_dur(f, m):
    f[4] = rng.choice(["N/A", "--", "?", "null", "abc"])
    return al.good_bytes(f), "DURATION", "duration " + f[4]


def al_bad_fields(f, m):
    if rng.random() < 0.5:
        f = f[:-1]
        return al.raw(f), None, "7 fields instead of 8"
    f = f + [rng.choice(["0", "MO", "ROAMING"])]
    return al.raw(f), None, "9 fields instead of 8"


def al_bad_quote(f, m):
    name = f[7]
    w = name.split(" ")
    parts = f[:7] + [al.enc('"' + w[0] + ' "' + " ".join(w[1:]) + '" 2"')]
    return al.raw(parts), "CELL_NAME", "unescaped quotes inside a quoted field"


def al_bad_utf8(f, m):
    parts = f[:7] + [latin1_or_cp1250(f[7])]
    return al.raw(parts), "CELL_NAME", "cell name in ISO-8859-1, not UTF-8"


al.plant("empty_identifier", plan["empty_identifier"], empty_id(al))
al.plant("unparseable_time", plan["unparseable_time"], al_bad_time)
al.plant("non_numeric_duration", plan["non_numeric_duration"], al_bad_dur)
al.plant("wrong_field_count", plan["wrong_field_count"], al_bad_fields)
al.plant("invalid_phone", plan["invalid_phone"], corrupt_phone("AL"))
al.plant("broken_quoting", plan["broken_quoting"] - 1, al_bad_quote, lambda f, m: " " in f[7])
al.plant("invalid_utf8", plan["invalid_utf8"], al_bad_utf8, lambda f, m: not f[7].isascii())
al.plant_unterminated("CELL_NAME")

# ---- 2. Serbian operator CDR --------------------------------------------------
N = n_bad(len(rs.rows))
plan = spread(N, [("empty_identifier", 18), ("unparseable_time", 16), ("non_numeric_duration", 14),
                  ("wrong_field_count", 16), ("invalid_phone", 16), ("broken_quoting", 8), ("undefined_byte", 8)])


def rs_bad_time(f, m):
    d = local_dt(m["ts"])
    f[3] = rng.choice([d.strftime("%d.%m.%Y. %H:%M:%S"), "NULL", d.strftime("%Y-13-%dT%H:%M:%S+01:00"),
                       "0000-00-00T00:00:00"])
    return rs.good_bytes(f), "Pocetak", "time " + f[3]


def rs_bad_dur(f, m):
    f[4] = rng.choice(["--:--:--", "N/A", "nepoznato", "1h05m"])
    return rs.good_bytes(f), "Trajanje", "duration " + f[4]


def rs_bad_fields(f, m):
    if f[5] and rng.random() < 0.6:       # "Petrović, Goran" written without quotes
        last, first = f[5].split(" ", 1)
        return rs.raw(f[:5]) + rs.enc("," + last + ", " + first), None, "unquoted comma in the subscriber name: 7 fields"
    return rs.raw(f[:5]), None, "5 fields instead of 6"


def rs_bad_quote(f, m):
    last, first = f[5].split(" ", 1)
    return rs.raw(f[:5] + [rs.enc('"' + last + '" ' + first)]), "Pretplatnik", "text after the closing quote"


def rs_bad_byte(f, m):
    s = f[5].encode("cp1250")
    k = rng.randrange(1, len(s))
    return rs.raw(f[:5] + [s[:k] + b"\x98" + s[k:]]), "Pretplatnik", "byte 0x98, undefined in windows-1250"


rs.plant("empty_identifier", plan["empty_identifier"], empty_id(rs))
rs.plant("unparseable_time", plan["unparseable_time"], rs_bad_time)
rs.plant("non_numeric_duration", plan["non_numeric_duration"], rs_bad_dur)
rs.plant("wrong_field_count", plan["wrong_field_count"], rs_bad_fields, lambda f, m: " " in f[5] or rng.random() < 0.3)
rs.plant("invalid_phone", plan["invalid_phone"], corrupt_phone("RS"))
rs.plant("broken_quoting", plan["broken_quoting"] - 1, rs_bad_quote, lambda f, m: " " in f[5])
rs.plant("undefined_byte", plan["undefined_byte"], rs_bad_byte, lambda f, m: len(f[5]) > 3)
rs.plant_unterminated("Pretplatnik")
truth_files["cdr_operator_al.csv"] = al.write()
truth_files["cdr_operator_rs.csv"] = rs.write()

# ---- 3. Macedonian subscriber list -------------------------------------------
mk = CaseFile("subscribers_mk.csv", ["MSISDN", "ПРЕЗИМЕ", "ИМЕ", "ДАТУМ_НА_РАЃАЊЕ", "ТИП_ДОКУМЕНТ", "БРОЈ_ДОКУМЕНТ",
                                     "АДРЕСА", "ГРАД", "ДАТУМ_АКТИВАЦИЈА"], "\t", "cp1251", "\r\n")
MK_TOWNS = ["Куманово", "Скопје", "Липково", "Лојане", "Тетово", "Гостивар", "Струга", "Велес", "Гевгелија"]
MK_STREETS = ["Илинденска", "Партизанска", "Гоце Делчев", "Маршал Тито", "Никола Тесла", "Браќа Миладиновци",
              "11 Октомври", "Јане Сандански", "Октомвриска"]
seen_mk = []
_seen_mk = set()
for rec in al.good() + rs.good():
    f, m = rec
    for ph in (m["a"], m["b"]):
        if ph["country"] == "MK" and ph["e164"] not in _seen_mk:
            _seen_mk.add(ph["e164"])
            seen_mk.append(ph)
seen_mk.sort(key=lambda ph: ph["e164"])
doc_no = {}


def mk_doc(p):
    if p["id"] not in doc_no:
        if p["country"] == "MK" or p["eth"] == "mk":
            doc_no[p["id"]] = ("лична карта", "A" + _digits(7))
        else:
            doc_no[p["id"]] = ("пасош", rng.choice(["BA", "BB", "BC"]) + _digits(7))
    return doc_no[p["id"]]


def mk_row(ph, p, script):
    if script == "cyr":
        f, ln = cyrillic(p, p["first"], "mk"), cyrillic(p, p["last"], "mk")
    else:
        f, ln = ascii_fold(p["first"]), ascii_fold(p["last"])
    used(p, f + " " + ln)
    dtype, dno = mk_doc(p)
    addr = "ул. %s бр. %d" % (rng.choice(MK_STREETS), rng.randint(1, 120)) if script == "cyr" else \
        "ul. %s br. %d" % (rng.choice(["Ilindenska", "Partizanska", "Goce Delcev", "Marsal Tito"]), rng.randint(1, 120))
    act = _dt.date(2016, 1, 1) + _dt.timedelta(days=rng.randrange(2900))
    b = _dt.date.fromisoformat(p["birth_date"])
    return [phone_str(ph, "MK", "B"), ln, f, b.strftime("%d.%m.%Y"), dtype, dno, addr, rng.choice(MK_TOWNS),
            act.strftime("%d.%m.%Y")]


# the operator's reply also covers numbers the request listed that never
# show up in these call records (contacts read from a seized phone)
for _ in range(130):
    eth = "mk" if rng.random() < 0.65 else "sq"
    q = new_person(eth, "M" if rng.random() < 0.6 else "F", "MK", role="unrelated", relation="none")
    ph = new_phone("MK", q, "contact")
    ph["registered_to"] = q
    seen_mk.append(ph)
mk_dups = []
for ph in seen_mk:
    p = ph["registered_to"]
    if p is None:
        continue
    script = "cyr" if (p["eth"] in ("mk", "sr") and rng.random() < 0.85) or (p["eth"] == "sq" and rng.random() < 0.35) else "lat"
    mk.add(mk_row(ph, p, script), phone=ph, person=p)
    if len(mk_dups) < 4 and rng.random() < 0.12:
        other = "lat" if script == "cyr" else "cyr"
        mk.add(mk_row(ph, p, other), phone=ph, person=p)
        mk_dups.append(ph)
rows_mk = mk.rows
rng.shuffle(rows_mk)
N = max(7, n_bad(len(mk.rows), 0.03))
plan = spread(N, [("empty_identifier", 3), ("invalid_phone", 2), ("wrong_field_count", 2), ("broken_quoting", 1),
                  ("undefined_byte", 1)])


def mk_empty(f, m):
    if rng.random() < 0.6:
        f[0] = ""
        return mk.good_bytes(f), "MSISDN", "empty number"
    f[1] = f[2] = ""
    return mk.good_bytes(f), "ИМЕ", "empty name"


def mk_bad_phone(f, m):
    f[0] = rng.choice(BAD_PHONES["MK"])
    return mk.good_bytes(f), "MSISDN", "invalid number " + f[0]


def mk_bad_fields(f, m):
    if rng.random() < 0.5:
        return mk.raw(f[:6] + f[7:]), None, "8 fields instead of 9"
    return mk.raw(f[:7] + ["", f[7]] + f[8:]), None, "10 fields instead of 9"


def mk_bad_quote(f, m):
    return mk.raw(f[:6] + [mk.enc('"' + f[6] + '" стан 3')] + f[7:]), "АДРЕСА", "text after the closing quote"


def mk_bad_byte(f, m):
    s = f[6].encode("cp1251")
    return mk.raw(f[:6] + [s[:4] + b"\x98" + s[4:]] + f[7:]), "АДРЕСА", "byte 0x98, undefined in windows-1251"


mk.plant("empty_identifier", plan["empty_identifier"], mk_empty)
mk.plant("invalid_phone", plan["invalid_phone"], mk_bad_phone)
mk.plant("wrong_field_count", plan["wrong_field_count"], mk_bad_fields)
mk.plant("broken_quoting", plan["broken_quoting"], mk_bad_quote)
mk.plant("undefined_byte", plan["undefined_byte"], mk_bad_byte)
mk.plant_unterminated("АДРЕСА")
truth_files["subscribers_mk.csv"] = mk.write()

# ---- 4. money transfers -------------------------------------------------------
tr = CaseFile("transfers.csv", ["TXN_REF", "VALUE_DATE", "ORDERING_CUSTOMER", "ORDERING_ACCOUNT", "BENEFICIARY",
                                "BENEFICIARY_ACCOUNT", "AMOUNT", "CURRENCY", "PURPOSE"], ",", "utf-8", "\n")


def bank_name(p):
    if p["role"] in ("relative",):
        style = rng.choice(["natural", "upper", "bank"])
    else:
        style = rng.choices(["bank", "natural", "ascii", "upper"], weights=[45, 30, 15, 10])[0]
    return used(p, spell(p, style))


def amount_str(x, ccy):
    if ccy == "EUR" and x != int(x) or rng.random() < 0.35:
        s = "%.2f" % x
    else:
        s = "%d" % x
    if rng.random() < 0.3 and "." in s:
        s = s.replace(".", ",")
    elif rng.random() < 0.15 and "." not in s:
        s = s + ",00"
    return s


for i, t in enumerate(transfers):
    tr.add(["TRX%s%05d" % (_dt.datetime.fromtimestamp(t["ts"], UTC).strftime("%y%m%d"), i + 1), fmt_transfer(t["ts"]),
            bank_name(t["s"]), iban_str(t["sa"]), bank_name(t["r"]), iban_str(t["ra"]), amount_str(t["amount"], t["ccy"]),
            t["ccy"], t["purpose"]], t=t)
N = max(9, n_bad(len(tr.rows), 0.03))
plan = spread(N, [("empty_identifier", 2), ("unparseable_time", 2), ("non_numeric_amount", 2), ("wrong_field_count", 2),
                  ("broken_quoting", 1), ("invalid_iban", 3), ("invalid_utf8", 1)])


def tr_empty(f, m):
    c = rng.choice([3, 5])
    f[c] = ""
    return tr.good_bytes(f), tr.header[c], "empty account"


def tr_bad_time(f, m):
    d = _dt.datetime.fromtimestamp(m["t"]["ts"], UTC)
    sq_month = ["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht"][d.month - 1]
    f[1] = rng.choice([d.strftime("%Y-%m-%d"), "%02d-%s-%d %s" % (d.day, sq_month, d.year, d.strftime("%H:%M:%S")),
                       "00-000-0000 00:00:00"])
    return tr.good_bytes(f), "VALUE_DATE", "time " + f[1]


def tr_bad_amount(f, m):
    f[6] = rng.choice(["N/A", "EUR", "***", "see note"])
    return tr.good_bytes(f), "AMOUNT", "amount " + f[6]


def tr_bad_fields(f, m):
    a = f[6] if "," in f[6] else f[6].replace(".", ",") if "." in f[6] else f[6] + ",00"
    parts = f[:6] + [tr.enc(a)] + f[7:]
    return tr.raw(parts), None, "unquoted decimal comma in AMOUNT: 10 fields"


def tr_bad_quote(f, m):
    parts = f[:8] + [tr.enc('"invoice "' + f[0] + '" paid"')]
    return tr.raw(parts), "PURPOSE", "unescaped quotes inside a quoted field"


def tr_bad_iban(f, m):
    c = rng.choice([3, 5])
    s = f[c]
    compact = s.replace(" ", "")
    while True:
        chk = "%02d" % rng.randrange(2, 99)
        bad = compact[:2] + chk + compact[4:]
        if not iban_ok(bad):
            break
    IBAN_STRINGS.append((bad, None))
    f[c] = bad
    return tr.good_bytes(f), tr.header[c], "IBAN check digits wrong: " + bad


def tr_bad_utf8(f, m):
    c = 2 if not f[2].isascii() else 4
    return tr.raw(f[:c] + [latin1_or_cp1250(f[c])] + f[c + 1:]), tr.header[c], "name not in UTF-8"


tr.plant("empty_identifier", plan["empty_identifier"], tr_empty)
tr.plant("unparseable_time", plan["unparseable_time"], tr_bad_time)
tr.plant("non_numeric_amount", plan["non_numeric_amount"], tr_bad_amount)
tr.plant("wrong_field_count", plan["wrong_field_count"], tr_bad_fields)
tr.plant("broken_quoting", plan["broken_quoting"], tr_bad_quote)
tr.plant("invalid_iban", plan["invalid_iban"], tr_bad_iban)
tr.plant("invalid_utf8", plan["invalid_utf8"], tr_bad_utf8, lambda f, m: not (f[2].isascii() and f[4].isascii()))
tr.plant_unterminated("PURPOSE")
truth_files["transfers.csv"] = tr.write()

# ---- 5. border crossings ------------------------------------------------------
bx = CaseFile("border_crossings.csv", ["RECORD_ID", "BCP", "COUNTRY", "DIRECTION", "DATE_TIME", "PLATE", "REG_COUNTRY",
                                       "MAKE_MODEL", "DRIVER", "PASSENGERS"], ";", "utf-8", "\n")


def officer_name(p, recorder):
    if p["eth"] == "mig":
        return mig_spell(p)
    if recorder in ("RS", "MK") and p["eth"] in ("sr", "mk", "me", "bs", "sq") and rng.random() < 0.4:
        style = "cyr_sr" if recorder == "RS" else "cyr_mk"
    elif recorder in ("AT", "IT", "HU", "SI"):
        style = rng.choice(["ascii_upper", "bank"])
    elif recorder in ("BA", "ME", "HR"):
        style = rng.choice(["natural", "natural", "surname_first", "police"])
    else:
        style = rng.choice(["natural", "natural", "police", "upper"])
    return used(p, spell(p, style))


seq_by_country = {}
for c in crossings:
    cc = c["country"]
    seq_by_country[cc] = seq_by_country.get(cc, 0) + 1
    rid = "BX-%s-24-%05d" % (REG_CODE[cc], seq_by_country[cc])
    v = c["vehicle"]
    pax = "|".join(officer_name(q, cc) for q in c["passengers"])
    bx.add([rid, c["bcp"], cc, c["direction"], fmt_crossing(c["ts"]), plate_variant(v, cc), REG_CODE[v["country"]],
            v["make"], officer_name(c["driver"], cc), pax], c=c)
N = max(8, n_bad(len(bx.rows), 0.03))
plan = spread(N, [("empty_identifier", 2), ("unparseable_time", 2), ("wrong_field_count", 2), ("broken_quoting", 1),
                  ("invalid_utf8", 1)])


def bx_empty(f, m):
    c = rng.choice([5, 5, 8])
    f[c] = ""
    return bx.good_bytes(f), bx.header[c], "empty " + bx.header[c].lower()


def bx_bad_time(f, m):
    d = local_dt(m["c"]["ts"])
    f[4] = rng.choice([d.strftime("%Y-%m-%d"), d.strftime("%d.%m.%Y %H:%M"), d.strftime("%H:%M")])
    return bx.good_bytes(f), "DATE_TIME", "time " + f[4]


def bx_bad_fields(f, m):
    if rng.random() < 0.5:
        return bx.raw(f[:9]), None, "9 fields instead of 10"
    return bx.raw(f[:5] + [f[5], f[5]] + f[6:]), None, "11 fields instead of 10"


def bx_bad_quote(f, m):
    w = f[7].split(" ", 1)
    return bx.raw(f[:7] + [bx.enc('"' + w[0] + '" ' + w[1])] + f[8:]), "MAKE_MODEL", "text after the closing quote"


def bx_bad_utf8(f, m):
    return bx.raw(f[:1] + [latin1_or_cp1250(f[1])] + f[2:]), "BCP", "crossing point name not in UTF-8"


bx.plant("empty_identifier", plan["empty_identifier"], bx_empty)
bx.plant("unparseable_time", plan["unparseable_time"], bx_bad_time)
bx.plant("wrong_field_count", plan["wrong_field_count"], bx_bad_fields)
bx.plant("broken_quoting", plan["broken_quoting"], bx_bad_quote, lambda f, m: " " in f[7])
bx.plant("invalid_utf8", plan["invalid_utf8"], bx_bad_utf8, lambda f, m: not f[1].isascii())
bx.plant_unterminated("MAKE_MODEL")
truth_files["border_crossings.csv"] = bx.write()

# ---- 6. associations ----------------------------------------------------------
asc = CaseFile("associations.csv", ["REF", "PERSON_A", "PERSON_B", "RELATION", "GRADING", "REPORTED", "NOTES"], ",",
               "utf-8", "\r\n", bom=True)
assoc = []    # (a, b, relation, grading, note, true?)


def assoc_add(a, b, rel, grading=None, note="", true=True):
    assoc.append((a, b, rel, grading or rng.choices(["B2", "B2", "B2", "A2", "B1", "C3", "B3"], k=1)[0], note, true))


assoc_add(ilir, named["Dritan Hoxha"], "family", "A1", "brothers")
assoc_add(ilir, mirela, "family", "A1", "spouse; holder of accounts used by the group")
for g, ldr in leader.items():
    if g != "AL":
        assoc_add(ilir, ldr, "associate", note=rng.choice(["", "met in Durrës, March 2024", "phone contact reported"]))
assoc_add(ilir, bekim, "associate", "B2", 'known as "Kumbari" in intercepted messages')
for g, ms in members.items():
    ldr = leader[g]
    for p in ms:
        if p is ldr or p["role"] == "organiser":
            continue
        if p["role"] in ("driver", "cashier") and rng.random() < 0.7:
            assoc_add(p, ldr, "employee", note=rng.choice(["", "registered as driver of a transport company run by the leader",
                                                           "paid monthly, per financial intelligence",
                                                           "seen together at a safe house,\nsurveillance log 14"]))
        elif rng.random() < 0.45:
            assoc_add(p, ldr, "associate")
for b in brokers:
    for g in b["bridges"]:
        if g != b["group"] and rng.random() < 0.8:
            assoc_add(b, leader[g], "associate", note=rng.choice(["", "cross-border contact", "met at the border, \"business\""]))
for p in core:
    for q in p.get("contacts", []):
        if q.get("relation") in FAMILY_REL and rng.random() < 0.45:
            assoc_add(p, q, "family", rng.choice(["A2", "B2", "B1"]), q["relation"])
for _ in range(10):    # reported associations that are in fact wrong
    a, b = rng.sample(core + peripheral, 2)
    assoc_add(a, b, "associate", rng.choice(["E5", "D4", "C4"]), rng.choice(["single informant report, unconfirmed",
                                                                             "", "rumour"]), true=False)
assoc_add(h1, rng.choice(members["XK"]), "associate", "C3", "same village", true=False)
rng.shuffle(assoc)


def police_name(p):
    style = rng.choices(["police", "natural", "cyr_sr", "cyr_mk", "ascii"], weights=[50, 25, 5, 5, 15])[0]
    if style.startswith("cyr") and p["eth"] not in ("sq", "sr", "mk", "bs", "me"):
        style = "police"
    return used(p, spell(p, style))


for i, (a, b, rel, grading, note, true) in enumerate(assoc):
    d = _dt.date(2023, 6, 1) + _dt.timedelta(days=rng.randrange(400))
    asc.add(["INT-%04d" % (i + 101), police_name(a), police_name(b), rel, grading, d.strftime("%d/%m/%Y"), note],
            a=a, b=b, rel=rel, true=true)
N = max(7, n_bad(len(asc.rows), 0.03))
plan = spread(N, [("empty_identifier", 2), ("wrong_field_count", 2), ("broken_quoting", 1), ("invalid_utf8", 1)])


def asc_empty(f, m):
    c = rng.choice([1, 2])
    f[c] = ""
    return asc.good_bytes(f), asc.header[c], "empty name"


def asc_bad_fields(f, m):
    if rng.random() < 0.5:
        return asc.raw(f[:6]), None, "6 fields instead of 7"
    return asc.raw(f[:6] + ["", f[6]]), None, "8 fields instead of 7"


def asc_bad_quote(f, m):
    return asc.raw(f[:6] + [asc.enc('"aka "' + f[2].split(" ")[0] + '" per source"')]), "NOTES", "unescaped quotes inside a quoted field"


def asc_bad_utf8(f, m):
    c = 1 if not f[1].isascii() else 2
    return asc.raw(f[:c] + [latin1_or_cp1250(f[c])] + f[c + 1:]), asc.header[c], "name not in UTF-8"


asc.plant("empty_identifier", plan["empty_identifier"], asc_empty)
asc.plant("wrong_field_count", plan["wrong_field_count"], asc_bad_fields)
asc.plant("broken_quoting", plan["broken_quoting"], asc_bad_quote)
asc.plant("invalid_utf8", plan["invalid_utf8"], asc_bad_utf8,
          lambda f, m: not (f[1].isascii() and f[2].isascii()) and not any(c in CYRILLIC_CHARS for c in f[1] + f[2]))
asc.plant_unterminated("NOTES")
truth_files["associations.csv"] = asc.write()

# --------------------------------------------------------------------------
# what the good records hold, so that ingest counts can be reconciled
al_good, rs_good = al.good(), rs.good()
truth_files["cdr_operator_al.csv"]["good_records_hold"] = {
    "events": {"call": sum(1 for f, m in al_good if m["type"] == "call"), "sms": sum(1 for f, m in al_good if m["type"] == "sms")},
    "distinct_phones_e164": len({x for f, m in al_good for x in (m["a"]["e164"], m["b"]["e164"])}),
    "distinct_imeis": len({m["imei"] for f, m in al_good if m["imei"]}),
    "distinct_cells": len({m["cell"] for f, m in al_good if m["cell"]}),
    "records_with_imei": sum(1 for f, m in al_good if m["imei"]),
    "records_with_cell": sum(1 for f, m in al_good if m["cell"])}
truth_files["cdr_operator_rs.csv"]["good_records_hold"] = {
    "events": {"call": sum(1 for f, m in rs_good if m["type"] == "call"), "sms": sum(1 for f, m in rs_good if m["type"] == "sms")},
    "distinct_phones_e164": len({x for f, m in rs_good for x in (m["a"]["e164"], m["b"]["e164"])}),
    "records_with_subscriber": sum(1 for f, m in rs_good if m["name"]),
    "distinct_subscriber_strings": len({m["name"] for f, m in rs_good if m["name"]})}
mk_good = mk.good()
truth_files["subscribers_mk.csv"]["good_records_hold"] = {
    "distinct_phones_e164": len({m["phone"]["e164"] for f, m in mk_good}),
    "distinct_persons": len({m["person"]["id"] for f, m in mk_good}),
    "distinct_documents": len({f[5] for f, m in mk_good}),
    "phones_listed_twice": sorted({m["phone"]["e164"] for f, m in mk_good
                                   if sum(1 for f2, m2 in mk_good if m2["phone"] is m["phone"]) > 1})}
tr_good = tr.good()
truth_files["transfers.csv"]["good_records_hold"] = {
    "events": {"transfer": len(tr_good)},
    "distinct_ibans": len({x for f, m in tr_good for x in (m["t"]["sa"]["iban"], m["t"]["ra"]["iban"])}),
    "amount_by_currency": {c: round(sum(m["t"]["amount"] for f, m in tr_good if m["t"]["ccy"] == c), 2)
                           for c in ("EUR", "ALL", "RSD", "MKD")}}
bx_good = bx.good()
truth_files["border_crossings.csv"]["good_records_hold"] = {
    "events": {"crossing": len(bx_good)},
    "distinct_plates_normalized": len({m["c"]["vehicle"]["id"] for f, m in bx_good}),
    "distinct_bcps": len({f[1] for f, m in bx_good}),
    "records_with_passengers": sum(1 for f, m in bx_good if f[9]),
    "passenger_names_total": sum(len(m["c"]["passengers"]) for f, m in bx_good)}
asc_good = asc.good()
truth_files["associations.csv"]["good_records_hold"] = {
    "links": {r: sum(1 for f, m in asc_good if m["rel"] == r) for r in ("family", "associate", "employee")},
    "records_with_embedded_newline": sum(1 for f, m in asc_good if "\n" in f[6]),
    "records_known_false": sum(1 for f, m in asc_good if not m["true"])}

# the same call seen by both operators (AL subscriber <-> RS subscriber)
al_keys = {(m["ts"], m["a"]["e164"], m["b"]["e164"]) for f, m in al_good}
cross_dups = sum(1 for f, m in rs_good if (m["ts"], m["a"]["e164"], m["b"]["e164"]) in al_keys)


# --------------------------------------------------------------------------
# TRUTH.json
def pref(p):
    return {"id": p["id"], "name": p["first"] + " " + p["last"]}


_seen = {}
for f, m in al_good + rs_good:
    for ph in (m["a"], m["b"]):
        _seen.setdefault(ph["e164"], []).append(m["ts"])


def first_last_seen(ph):
    ts = _seen.get(ph["e164"])
    return (iso_utc(min(ts)), iso_utc(max(ts)), len(ts)) if ts else (None, None, 0)


cells_truth = {}
for g, ms in members.items():
    cells_truth[g] = {"country": GROUP_COUNTRY[g] or "AT/DE/IT", "leader": pref(leader[g]),
                      "members": [dict(pref(p), role=p["role"]) for p in ms]}
switch_truth = []
for sw in sim_switches:
    o, n = first_last_seen(sw["old"]), first_last_seen(sw["new"])
    switch_truth.append({"person": pref(sw["person"]), "old_phone": sw["old"]["e164"], "new_phone": sw["new"]["e164"],
                         "old_last_seen": o[1], "new_first_seen": n[0], "old_records": o[2], "new_records": n[2],
                         "same_handset": sw["same_handset"],
                         "handset_imei": sw["old"]["imeis"][-1][1] if sw["same_handset"] else None})
fees = [m["t"] for f, m in tr_good if m["t"]["ra"] is collector]
eur = sum(t["amount"] / RATE[t["ccy"]] for t in fees)
truth = {
    "about": "Ground truth of the synthetic sample case written by make_case.py. All names, numbers, IMEIs, "
             "accounts and plates are invented.",
    "generator": "examples/sample-case/make_case.py", "seed": SEED,
    "period_local": ["2024-02-01T00:00:00+01:00", "2024-08-01T00:00:00+02:00"],
    "organisers": [dict(pref(p), country=p["country"], phones=[ph["e164"] for ph in p["phones"]],
                        accounts=[a["iban"] for a in p["accounts"]]) for p in (ilir, bekim)],
    "cell_leaders": {g: pref(p) for g, p in leader.items()},
    "brokers": [dict(pref(b), home=b["group"], bridges=b["bridges"], phones=[ph["e164"] for ph in b["phones"]]) for b in brokers],
    "cells": cells_truth,
    "collector_account": {"iban": collector["iban"], "holder": pref(mirela), "controlled_by": pref(ilir),
                          "incoming_transfers_in_good_records": len(fees),
                          "distinct_senders_in_good_records": len({t["sa"]["iban"] for t in fees}),
                          "incoming_total_eur_at_fixed_rates": round(eur, 2),
                          "fixed_rates_per_eur": RATE,
                          "outgoing_transfers_in_good_records": sum(1 for f, m in tr_good if m["t"]["sa"] is collector)},
    "cashier_accounts": {g: {"iban": a["iban"], "holder": pref(cashiers[g])} for g, a in cashier_acc.items()},
    "sim_switches": switch_truth,
    "handset_switches": [{"phone": h["phone"]["e164"], "owner": pref(persons[int(h["phone"]["owner"][1:]) - 1]),
                          "time": iso_utc(h["time"]), "old_imei": h["phone"]["imeis"][0][1],
                          "new_imei": h["phone"]["imeis"][1][1]} for h in handset_switches],
    "nominee_registrations": [{"phone": ph["e164"], "user": pref(u), "registered_to": pref(n)}
                              for ph, u, n in nominee_registrations],
    "homonyms": [{"key_figure": pref(a), "namesake": pref(b), "namesake_birth_date": b["birth_date"],
                  "key_figure_birth_date": a["birth_date"]} for a, b in homonyms],
    "cross_operator_duplicate_calls": cross_dups,
    "vehicles": [{"id": v["id"], "plate": v["plate"], "normalized": plate_key(v["plate"]), "country": v["country"],
                  "make": v["make"], "ring_cell": v["group"], "drivers": v["drivers"],
                  "spellings": sorted(v["spellings"])} for v in vehicles if v["spellings"]],
    "migrant_groups": [{"id": g["id"], "route": g["route"], "completed": g["completed"], "fee_eur": g["fee_eur"],
                        "members": [m["id"] for m in g["members"]],
                        "legs": [{"leg": l["leg"], "cell": l["group"], "time": iso_utc(l["time"]), "vehicle": l["vehicle"]["id"],
                                  "driver": l["driver"]["id"]} for l in g["legs"]]} for g in groups],
    "persons": [],
    "phones": [],
    "accounts": [{"iban": a["iban"], "holder": a["holder"], "role": a["role"]} for a in accounts
                 if any(m["t"]["sa"] is a or m["t"]["ra"] is a for f, m in tr_good)],
    "files": truth_files,
    "bad_record_kinds": {
        "empty_identifier": "an identifier column the spec requires (number, account, plate, name) is empty",
        "unparseable_time": "the time does not match the file's time format",
        "non_numeric_duration": "DURATION / Trajanje is not a number of seconds / HH:MM:SS",
        "non_numeric_amount": "AMOUNT is not a number",
        "wrong_field_count": "the record has more or fewer fields than the header",
        "broken_quoting": "text after a closing quote, or (one per file) a quote that never closes",
        "invalid_phone": "not a possible phone number (too short, too long, unknown country code)",
        "invalid_iban": "IBAN check digits wrong (mod-97 fails)",
        "invalid_utf8": "bytes that are not UTF-8 (a field written in ISO-8859-1 or windows-1250) in a UTF-8 file",
        "undefined_byte": "byte 0x98, which windows-1250 / windows-1251 do not define, in a legacy-encoded file"},
}
for p in persons:
    if not p["spellings"] and p["role"] not in ("organiser", "leader", "broker"):
        continue
    d = dict(pref(p), role=p["role"], group=p["group"], country=p["country"], birth_date=p["birth_date"])
    if p.get("bridges"):
        d["bridges"] = p["bridges"]
    if p.get("related_to"):
        d["related_to"], d["relation"] = p["related_to"], p.get("relation")
    if p.get("travel_group"):
        d["travel_group"] = p["travel_group"]
    if p.get("note"):
        d["note"] = p["note"]
    d["phones"] = [ph["e164"] for ph in p["phones"]]
    d["spellings"] = sorted(p["spellings"])
    truth["persons"].append(d)
for ph in phones:
    fl = first_last_seen(ph)
    if fl[2] == 0 and not any(m["phone"] is ph for f, m in mk_good):
        continue
    truth["phones"].append({"e164": ph["e164"], "sim_country": ph["country"], "owner": ph["owner"], "use": ph["use"],
                            "registered_to": ph["registered_to"]["id"] if ph["registered_to"] else None,
                            "first_seen": fl[0], "last_seen": fl[1], "records": fl[2],
                            "imeis": [i for _, i in ph["imeis"]] if ph["country"] == "AL" else []})
with open(os.path.join(OUT, "TRUTH.json"), "w", encoding="utf-8", newline="\n") as fh:
    json.dump(truth, fh, ensure_ascii=False, indent=1)
    fh.write("\n")


# --------------------------------------------------------------------------
def check():
    """Independent checks with python3-phonenumbers and python3-stdnum, and a
    re-read of every record with Python's csv module."""
    import csv
    import phonenumbers
    from stdnum import iban as siban
    problems = []
    for s, region, e164 in PHONE_STRINGS:
        x = phonenumbers.parse(s, region)
        got = phonenumbers.format_number(x, phonenumbers.PhoneNumberFormat.E164)
        if got != e164 or not phonenumbers.is_valid_number(x):
            problems.append("phone %r (%s) -> %s, expected %s" % (s, region, got, e164))
    for region, bads in BAD_PHONES.items():
        for s in bads:
            try:
                if phonenumbers.is_possible_number(phonenumbers.parse(s, region)):
                    problems.append("bad phone %r is possible" % s)
            except phonenumbers.NumberParseException:
                pass
    for ph in phones:
        if not phonenumbers.is_valid_number(phonenumbers.parse(ph["e164"])):
            problems.append("invalid phone " + ph["e164"])
    for a in accounts:
        if not siban.is_valid(a["iban"]):
            problems.append("invalid IBAN " + a["iban"])
    for s, expect in IBAN_STRINGS:
        ok = siban.is_valid(s)
        if expect is None and ok:
            problems.append("bad IBAN passes: " + s)
        if expect is not None and (not ok or siban.compact(s) != expect):
            problems.append("IBAN string %r" % s)
    for cf in (al, rs, mk, tr, bx, asc):
        for r, k, meta in zip(cf.records, cf.kinds, cf.metas):
            try:
                text = r.decode(cf.encoding)
                decoded = True
            except UnicodeDecodeError:
                decoded = False
            if k is None:
                rows = list(csv.reader([text], delimiter=cf.delim, strict=True)) if decoded else []
                if not decoded or len(rows) != 1 or rows[0] != meta[0]:
                    problems.append("%s: good record does not read back: %r" % (cf.name, r[:80]))
                continue
            kind = k[0]
            if kind in ("invalid_utf8", "undefined_byte"):
                if decoded:
                    problems.append("%s: %s record decodes: %r" % (cf.name, kind, r[:80]))
                continue
            if not decoded:
                problems.append("%s: %s record does not decode" % (cf.name, kind))
                continue
            try:
                rows = list(csv.reader([text], delimiter=cf.delim, strict=True))
                nf = len(rows[0]) if len(rows) == 1 else -1
            except csv.Error:
                nf = None
            if kind == "broken_quoting":
                if nf is not None:
                    problems.append("%s: broken quoting reads: %r" % (cf.name, r[:80]))
            elif kind == "wrong_field_count":
                if nf == len(cf.header):
                    problems.append("%s: field count right in %r" % (cf.name, r[:80]))
            elif nf != len(cf.header):
                problems.append("%s: %s record has %s fields" % (cf.name, kind, nf))
        # the whole file, as written, is header + records
        eol = cf.eol.encode()
        body = (b"\xef\xbb\xbf" if cf.bom else b"") + cf.good_bytes(cf.header) + eol + eol.join(cf.records) + eol
        if body != cf.body:
            problems.append(cf.name + ": body mismatch")
    for p in problems[:40]:
        print("CHECK:", p, file=sys.stderr)
    print("check: %d phone strings, %d IBAN strings, %d problems" % (len(PHONE_STRINGS), len(IBAN_STRINGS), len(problems)),
          file=sys.stderr)
    return not problems


if __name__ == "__main__":
    summary = ", ".join("%s %d/%d bad" % (n, f["bad_records"], f["records"]) for n, f in truth_files.items())
    print("wrote %s: %s" % (os.path.relpath(OUT), summary), file=sys.stderr)
    if "--check" in sys.argv[1:]:
        sys.exit(0 if check() else 1)
