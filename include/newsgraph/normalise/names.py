"""Given names, for telling "Nadia Petrova" (a person) from "Jet Airways" (a company), and
common English words, for telling "Shadow Chancellor" from "Investec chairman".

The list is Faker's person providers' first names for several dozen countries in Latin
script (MIT-licensed, installed with the pinned set; nothing is downloaded). A name counts
when at least two countries' lists hold it, written with or without its accents
("Sébastien", "Sebastien"): one list alone holds words that name other things in news
text ("Us", "Canal", "Jet", "Kaiser", "General", "Royal").
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from functools import lru_cache

from text_unidecode import unidecode

#: A name written in Latin letters ("Jean", "Søren", "Şükrü", "O'Neal").
_LATIN_NAME = re.compile(r"[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\-]+")
_FIRST_NAME_LISTS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
)
_LAST_NAME_LISTS = ("last_names", "last_names_male", "last_names_female", "last_romanized_names")
#: How many locales' lists must hold a name.
_LISTS_NEEDED = 2
#: Zipf frequency (log10 of uses per billion words) from which a word is common English: "shadow"
#: 4.4, "culture" 5.0, "void" 4.0; company names the model passes over lie below ("Investec" 2.0,
#: "Comerica" 2.2, "Nvidia" 3.3).
COMMON_WORD_ZIPF = 3.5


def _names_by_lists(attributes: tuple[str, ...]) -> Counter[str]:
    """How many of Faker's person providers list each name in Latin script (with and without accents)
    under ``attributes``."""
    import faker.providers.person as person

    lists: Counter[str] = Counter()
    for module in pkgutil.iter_modules(person.__path__):
        if not module.ispkg:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        names: set[str] = set()
        for attribute in attributes:
            listed = provider.__dict__.get(attribute)
            if isinstance(listed, (list, tuple, dict, set, frozenset)):
                names.update(n for n in listed if _LATIN_NAME.fullmatch(n))
        lists.update(names | {unidecode(n) for n in names})
    return lists


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names in Latin script that at least two of Faker's person providers list."""
    return frozenset(n for n, count in _names_by_lists(_FIRST_NAME_LISTS).items() if count >= _LISTS_NEEDED)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Family names in Latin script that any of Faker's person providers lists ("Pearson", "Suzuki",
    "Philips"): a company named like a family may be a person in the text."""
    return frozenset(_names_by_lists(_LAST_NAME_LISTS))


@lru_cache(maxsize=1)
def _rare_given_names() -> frozenset[str]:
    """First names only one of Faker's person providers lists, that are no common English word
    ("Ewan", "Denzel", "Dwain"; not "Freddie"... which two lists hold, nor "Porsche", "Journey")."""
    return frozenset(
        n for n, count in _names_by_lists(_FIRST_NAME_LISTS).items() if count == 1 and not is_common_word(n)
    )


def is_rare_given_name(word: str) -> bool:
    """Whether ``word`` is a given name that only one country's list holds (see :func:`given_names`):
    enough before a surname the model took for a company, not alone (it is also "Oman" or "Thales")."""
    return word in _rare_given_names() or word.split("-", 1)[0] in _rare_given_names()


def is_given_name(word: str) -> bool:
    """Whether ``word`` (or the first part of a hyphenated one: "Jean-Pierre") is a given name."""
    return word in given_names() or word.split("-", 1)[0] in given_names()


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """Whether ``word`` is common in English whatever its case ("Shadow", "Earlier", "Culture"), by
    ``wordfreq``'s word lists (installed with the pinned set; nothing is downloaded)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en", wordlist="small") >= COMMON_WORD_ZIPF


#: One syllable of Hanyu Pinyin without tone marks ("jin", "ping", "zhuang", "xi").
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)"
)
#: A Chinese given name of one or two syllables: "Qiang", "Jinping", "Gongsheng".
_PINYIN_GIVEN_NAME = re.compile(rf"(?i:{_PINYIN_SYLLABLE}(?:-?{_PINYIN_SYLLABLE})?)")
#: Family names common in the news that Faker's list leaves out.
_MORE_CHINESE_SURNAMES = frozenset({"Xi", "Bo", "Ji", "Qi", "Hua", "Zhan", "Zhai", "Geng", "Niu", "Ou", "Shang"})


@lru_cache(maxsize=1)
def chinese_surnames() -> frozenset[str]:
    """Chinese family names in Pinyin: Faker's romanised list and a few it leaves out ("Xi")."""
    from faker.providers.person.zh_CN import Provider

    return frozenset(Provider.last_romanized_names) | _MORE_CHINESE_SURNAMES


def is_chinese_name(name: str) -> bool:
    """Whether ``name`` is a family name and a given name in Pinyin, family name first: "Xi Jinping",
    "Pan Gongsheng", "Li Qiang". The shape alone: a place so named ("Hong Kong") is for the caller to rule out."""
    words = name.split()
    return (
        len(words) == 2
        and words[0] in chinese_surnames()
        and words[1][:1].isupper()
        and words[1][1:].replace("-", "").islower()
        and _PINYIN_GIVEN_NAME.fullmatch(words[1]) is not None
    )


#: Korean family names as the news romanises them ("Yoon", "Lee", "Rhee", "Choe"); Faker's Korean list
#: is in Hangul only.
KOREAN_SURNAMES = frozenset(
    """Kim Lee Yi Rhee Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh
    Shin Sin Kwon Hwang Ahn An Song Yoo Yu Ryu Hong Jeon Chun Ko Go Moon Mun Yang Son Bae Baek Paik Heo Huh Nam
    Sim Shim Noh Roh Ha Kwak Sung Seong Cha Joo Ju Woo Koo Ku Min Na Jin Ji Uhm Eom Chae Won Bang Kong Hyun Ham
    Byun Yeom Choo Chu""".split()
)
#: One syllable of a Korean given name as romanised: "Suk", "Yeol", "Myung", "In", "Hye", "Soo".
_KOREAN_SYLLABLE = re.compile(
    r"(?i:(?:kk|tt|pp|ss|jj|ch|[bcdghjkmnprstwy])?(?:yae|yeo|wae|ae|eo|eu|oe|ui|ya|ye|yo|yu|wa|we|wo|wi|oo|ee|[aeiou])"
    r"(?:ng|[klmnpt])?)"
)


def is_korean_given_name_syllable(word: str) -> bool:
    """Whether ``word`` is one capitalised syllable of a Korean given name ("Yeol" of "Yoon Suk Yeol")."""
    return word[:1].isupper() and word[1:].islower() and _KOREAN_SYLLABLE.fullmatch(word) is not None


#: Vietnamese family names as news copy writes them, with or without their marks ("Nguyen", "Pham", "Vo").
VIETNAMESE_SURNAMES = frozenset(
    """Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Trinh Luong Doan Vuong
    Mai Lam Ha Cao Chu Quach Ta Thai Kieu Tong Khuc Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương
    Lý Trương Đinh Trịnh Lương Đoàn Vương""".split()
)
#: One syllable of a Vietnamese name without its marks: "Nhat", "Vuong", "Xuan", "Phuc", "Thuong", "Minh".
_VIETNAMESE_SYLLABLE = re.compile(
    r"(?i:(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
    r"(?:uye|uya|uo|ua|ue|ui|uy|ia|ie|oa|oe|ai|ao|au|ay|eo|eu|iu|oi|a|e|i|o|u|y)"
    r"(?:ng|nh|ch|[cmnpt]|[iouy])?)"
)


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is one capitalised syllable of a Vietnamese name ("Vuong" of "Pham Nhat Vuong",
    "Vượng" written with its marks)."""
    plain = unidecode(word)
    return plain[:1].isupper() and plain[1:].islower() and _VIETNAMESE_SYLLABLE.fullmatch(plain) is not None
