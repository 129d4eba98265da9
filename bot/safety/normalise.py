"""Text normalisation for crisis screening: undo the spellings people use to dodge or type fast.

Folds case, Unicode confusables and accents, leetspeak and symbol swaps, stretched letters,
spaced-out letters, common misspellings and text-speak, and turns meaningful emoji into words,
so the rules and the classifier see one canonical spelling. Numbers with units ("800mg", "30
pills") are left alone because doses matter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Emoji that carry crisis meaning (Crisis Text Line: the pill emoji predicts active rescue).
_EMOJI_WORDS: dict[str, str] = {
    "💊": "pills",
    "🔪": "knife",
    "🗡": "knife",
    "🪒": "razor",
    "🔫": "gun",
    "🪢": "rope",
    "⚰": "coffin",
    "🪦": "grave",
    "🩸": "blood",
    "🌉": "bridge",
    "🚆": "train",
    "🚂": "train",
    "🚄": "train",
    "☠": "skull",
    "💀": "skull",
    "😂": "lol",
    "🤣": "lol",
    "😆": "lol",
    "😹": "lol",
    "😭": "sobs",  # teenagers use it for laughing as often as for crying
    "😢": "crying",
    "😞": "sad",
    "😔": "sad",
    "💔": "heartbroken",
    "🥀": "wilted",
    "👋": "bye",
    "🪑": "chair",
    "🪜": "ladder",
    "🚌": "bus",
    "⚰️": "coffin",
}

# Letters from other scripts that look Latin (a homoglyph attack spells "suicide" with Cyrillic).
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "А": "a", "е": "e", "Е": "e", "о": "o", "О": "o", "р": "p", "Р": "p",
        "с": "c", "С": "c", "у": "y", "У": "y", "х": "x", "Х": "x", "і": "i", "І": "i",
        "ј": "j", "ѕ": "s", "к": "k", "К": "k", "м": "m", "М": "m", "т": "t", "Т": "t",
        "н": "h", "Н": "h", "в": "b", "В": "b", "ԁ": "d", "ɩ": "i", "ı": "i", "ℓ": "l",
        "α": "a", "ο": "o", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
        "ε": "e", "Α": "a", "Β": "b", "Ε": "e", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
        "Ο": "o", "Ρ": "p", "Τ": "t", "Χ": "x", "Υ": "y", "Ζ": "z", "ß": "ss",
    }
)  # fmt: skip

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\ufe0f\ufe0e]")
_APOSTROPHES = re.compile("['’‘`´]")
# Symbols dropped when wedged inside a word: "su*cide", "k_i_l_l".
_INNER_SYMBOLS = re.compile(r"(?<=[a-z0-9])[*_~^]+(?=[a-z0-9])")
# Three or more single letters separated by spaces, dots or dashes: "k i l l", "s.u.i.c.i.d.e".
_SPACED_LETTERS = re.compile(r"\b(?:[a-z][ .\-]{1,2}){2,}[a-z]\b")
_LEET = str.maketrans({"1": "i", "!": "i", "3": "e", "4": "a", "0": "o", "5": "s", "7": "t",
                       "$": "s", "@": "a", "|": "l", "€": "e", "+": "t"})  # fmt: skip
_LEET_TOKEN = re.compile(r"[a-z$@|][a-z0-9$@!|€+]*[a-z0-9$@|€+]")
_RUN3 = re.compile(r"([a-z])\1{2,}")
_RUN2 = re.compile(r"([a-z])\1")
_SPACES = re.compile(r"\s+")
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")  # "self-harm" reads as "self harm"
_ALT_F4 = re.compile(r"\balt ?\+? ?f4\b")  # "alt+f4 my life" means quit, before leetspeak eats it
# "kill my shelf": a real word the spell-fixer cannot know is a typo, so mend it in its place.
_MY_SHELF = re.compile(
    r"\b(kill|killing|hurt|hurting|hang|hanging|cut|cutting|harm|end|off) my ?shelf\b"
)
_SLASH_SH = re.compile(r"\bs ?/ ?h(?=d\b|\b)")  # "s/h", "s/h'd": self-harm shorthand
# "i want 2 die": the digit 2 standing for "to" before a verb (doses like "2 pills" stay numbers).
_TWO_AS_TO = re.compile(
    r"\b(?:2|too) (?=(?:die|kill|end|live|jump|hang|cut|hurt|disappear|exist)\b)"
)
_WORD = re.compile(r"[a-z0-9]+")

# Misspellings, text-speak and non-native spellings, keyed by the whole token.
_SPELLINGS: dict[str, str] = {
    # suicide and its family
    "sucide": "suicide", "suicde": "suicide", "suiside": "suicide", "suicid": "suicide",
    "suiscide": "suicide", "sucidal": "suicidal", "suicdal": "suicidal", "suisidal": "suicidal",
    "suicidle": "suicidal", "suicidial": "suicidal", "suicial": "suicidal", "sucicide": "suicide",
    "suacide": "suicide", "suecide": "suicide", "suicidee": "suicide", "suicida": "suicide",
    "suicidio": "suicide", "selbstmord": "suicide",
    "killl": "kill", "kil": "kill", "kll": "kill", "kilin": "killing", "killin": "killing",
    "myslef": "myself", "mysef": "myself", "mysefl": "myself", "myselfe": "myself",
    "myseld": "myself", "mself": "myself", "myslf": "myself", "meself": "myself",
    "mysel": "myself", "myelf": "myself", "msyelf": "myself",
    "dieing": "dying", "diee": "die", "b": "be", "dyin": "dying", "ded": "dead", "daed": "dead",
    "wsh": "wish", "wsih": "wish", "rop": "rope", "tink": "think", "redy": "ready", "nt": "not",
    "jmp": "jump", "overpas": "overpass",
    "wrot": "wrote", "leters": "letters", "evrythng": "everything", "frday": "friday",
    "rdy": "ready", "tok": "took", "ned": "need", "suiciddal": "suicidal",
    "wiah": "wish", "burdan": "burden", "burdon": "burden", "wna": "wanna",
    "famly": "family", "lik": "like", "exsist": "exist", "exsit": "exist",
    "pils": "pills", "pillz": "pills", "tablts": "tablets",
    "overdoes": "overdose", "overdos": "overdose", "ovrdose": "overdose", "overdoze": "overdose",
    "overdosing": "overdosing", "overdosed": "overdosed",
    "enuf": "enough", "enuff": "enough", "mny": "many", "hw": "how", "wnt": "want",
    "endd": "end", "enddd": "end", "overdoses": "overdoses",
    "leathal": "lethal", "lethel": "lethal", "leathel": "lethal", "lethl": "lethal",
    "lethall": "lethal", "leathl": "lethal", "fatel": "fatal", "deadley": "deadly",
    "tookk": "took", "tooken": "taken", "swalowed": "swallowed", "swallowd": "swallowed",
    "swolled": "swallowed", "swalled": "swallowed", "meny": "many", "manny": "many",
    "paracetemol": "paracetamol", "paracetmol": "paracetamol", "parecetamol": "paracetamol",
    "tylenols": "tylenol", "tynelol": "tylenol", "ibuprofin": "ibuprofen",
    "ibuprofens": "ibuprofen",
    "ibuprophen": "ibuprofen", "asprin": "aspirin", "benadril": "benadryl",
    "razer": "razor", "razors": "razors", "cuting": "cutting", "cutted": "cut",
    "wrsit": "wrist", "wirst": "wrist", "wrists": "wrists",
    "harmin": "harming", "selfharm": "self harm", "selfharming": "self harming",
    "selfharmed": "self harmed", "selfhate": "self hate",
    "nooose": "noose",
    "lyf": "life", "lyfe": "life", "liv": "live", "livin": "living", "alyve": "alive",
    "anymor": "anymore", "anymoe": "anymore", "nemore": "anymore", "enymore": "anymore",
    "msg": "message", "goodby": "goodbye", "gudbye": "goodbye", "gbye": "goodbye", "byee": "bye",
    "evry1": "everyone", "every1": "everyone", "evry": "every", "evryone": "everyone",
    "evryi": "everyone", "everyi": "everyone", "goign": "going", "flor": "floor", "frm": "from",
    "burdin": "burden", "tryng": "trying", "agin": "again", "wen": "when", "beet": "beat",
    "endng": "ending", "piont": "point", "sory": "sorry",
    "bettr": "better", "beter": "better", "honstly": "honestly", "saivng": "saving",
    "decid": "decide",
    "leter": "letter", "incase": "in case", "stronggest": "strongest", "stresed": "stressed",
    "jumpp": "jump", "jumpping": "jumping", "balconey": "balcony", "balcany": "balcony",
    "purjed": "purged", "levl": "level", "abuot": "about", "abot": "about", "agian": "again",
    "every0ne": "everyone", "any1": "anyone", "some1": "someone", "no1": "noone",
    "noone": "no one", "nobdy": "nobody", "ppl": "people",
    # time words
    "tonite": "tonight", "2nite": "tonight", "2night": "tonight", "tonigth": "tonight",
    "tonihgt": "tonight", "tonght": "tonight", "2day": "today", "tday": "today",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "tmrw": "tomorrow",
    "tmr": "tomorrow", "tmrow": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow",
    "tommorrow": "tomorrow", "tomoro": "tomorrow", "rn": "right now",
    "tonights": "tonight is",
    "lfe": "life", "cnat": "cant", "goin": "going", "kepp": "keep", "tooke": "took", "wat": "what",
    "shd": "self harmed", "sh'd": "self harmed",
    "sucid": "suicide", "thouts": "thoughts", "thougts": "thoughts",
    "wak": "wake", "cya": "see you", "tokk": "took", "teh": "the", "brethe": "breathe",
    "acident": "accident",
    "l8r": "later", "b4": "before", "4ever": "forever", "4eva": "forever", "bc": "because",
    "cuz": "because", "coz": "because", "cos": "because", "bcuz": "because",
    # pronouns and verbs
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "r": "are", "n": "and",
    "wanna": "want to", "wana": "want to", "wan": "want", "whant": "want", "wnat": "want",
    "gonna": "going to", "gona": "going to", "finna": "going to", "gunna": "going to",
    "gotta": "got to", "imma": "im going to", "ima": "im going to", "ill": "ill",
    "dnt": "dont", "doesnt": "doesnt", "cant": "cant", "cnt": "cant",
    "wont": "wont", "didnt": "didnt", "isnt": "isnt", "wouldnt": "wouldnt", "havent": "havent",
    "iam": "i am", "ive": "ive", "id": "id", "thx": "thanks", "ty": "thanks",
    "pls": "please", "plz": "please", "srsly": "seriously", "fr": "for real",
    "ngl": "not going to lie", "tbh": "to be honest", "idk": "i dont know", "idc": "i dont care",
    "nvm": "never mind", "jk": "just kidding", "jks": "just kidding", "jking": "just kidding",
    "lmao": "lol", "lmfao": "lol", "lolol": "lol", "rofl": "lol", "haha": "lol", "hahaha": "lol",
    "hehe": "lol", "xd": "lol", "kmsl": "lol",
    "thot": "thought", "tho": "though", "thru": "through", "w": "with", "wit": "with",
    "becuase": "because", "becasue": "because", "probly": "probably", "prolly": "probably",
    "definately": "definitely", "alot": "a lot", "realy": "really", "relly": "really",
    "tired": "tired", "tierd": "tired", "tird": "tired", "exausted": "exhausted",
    "depresed": "depressed", "depresd": "depressed", "depressd": "depressed",
    "hopeles": "hopeless", "worthles": "worthless", "lonley": "lonely", "lonly": "lonely",
    "anxius": "anxious", "anxios": "anxious", "scard": "scared", "scaried": "scared",
    "hurst": "hurts", "hurtin": "hurting", "bleedin": "bleeding", "jumpin": "jumping",
    "hangin": "hanging", "thinkin": "thinking",
    "thinkng": "thinking", "thikning": "thinking", "tryin": "trying", "feelin": "feeling",
    "nothin": "nothing", "somethin": "something", "everythin": "everything",
    "belive": "believe", "beleive": "believe", "plannin": "planning", "planing": "planning",
    "rope": "rope", "bridg": "bridge", "brige": "bridge", "buliding": "building",
    "unalve": "unalive", "selff": "self", "slef": "self", "sefl": "self", "lif": "life",
    "lfie": "life", "wnna": "want to", "al": "all",
    "endin": "ending", "bout": "about", "abt": "about",
    "un-alive": "unalive", "unaliving": "unaliving",
}  # fmt: skip

# Words run together by spacing tricks ("k i l l m y s e l f" becomes "killmyself").
_COMPOUNDS: dict[str, str] = {
    "killmyself": "kill myself", "killmyslef": "kill myself", "killme": "kill me",
    "kilmyself": "kill myself", "endmylife": "end my life", "endit": "end it",
    "wanttodie": "want to die", "iwanttodie": "i want to die", "wannadie": "want to die",
    "iwannadie": "i want to die", "hangmyself": "hang myself", "cutmyself": "cut myself",
    "hurtmyself": "hurt myself", "offmyself": "off myself", "kmsrn": "kms right now",
    "suicidenote": "suicide note", "selfdelete": "self delete",
}  # fmt: skip


@lru_cache(maxsize=1)
def _double_letter_words() -> frozenset[str]:
    text = resources.files("bot.safety").joinpath("double_letter_words.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


def _unstretch(token: str) -> str:
    """'diiiie' -> 'die', 'killlll' -> 'kill', 'soooo' -> 'so', 'pleeeease' -> 'please'."""
    if not _RUN3.search(token):
        return token
    doubled = _RUN3.sub(r"\1\1", token)
    if doubled in _double_letter_words():
        return doubled
    single = _RUN3.sub(r"\1", token)
    # A token like "killl" after collapse may still carry a legit double elsewhere; try both.
    if single in _SPELLINGS or single in _double_letter_words():
        return single
    return single


def _unleet(token: str) -> str:
    """'k1ll' -> 'kill', 'su1c1de' -> 'suicide', 'd!e' -> 'die', '$uicide' -> 'suicide'."""
    if token.isalpha() or not any(c.isalpha() for c in token):
        return token
    if not any(c in "0134578$@!|€+" for c in token):
        return token
    return token.replace("11", "ll").translate(_LEET)


def _fold_characters(text: str) -> str:
    if text.isascii():  # the common case: nothing to fold but case
        return text.casefold()
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    for emoji, word in _EMOJI_WORDS.items():
        if emoji in text:
            text = text.replace(emoji, f" {word} ")
    text = text.translate(_CONFUSABLES)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.casefold()


def _join_spaced(match: re.Match[str]) -> str:
    # "k.m.s. k.m.s." is two dotted words, "s. u. i. c. i. d. e" one spaced-out word.
    parts = [re.sub(r"[ .\-]", "", part) for part in re.split(r"\.\s", match.group(0))]
    if len(parts) > 1 and all(len(part) > 1 for part in parts):
        return " " + " ".join(parts) + " "
    return " " + "".join(parts) + " "


def normalise(text: str) -> str:
    """The canonical form the crisis rules and the classifier read."""
    text = _fold_characters(text)
    text = _APOSTROPHES.sub("", text)
    text = _INNER_SYMBOLS.sub("", text)
    text = _SPACED_LETTERS.sub(_join_spaced, text)
    text = _TWO_AS_TO.sub("to ", text)
    text = _INNER_HYPHEN.sub(" ", text)
    text = _SLASH_SH.sub("sh", text)
    text = _ALT_F4.sub("quit", text)
    text = _MY_SHELF.sub(r"\1 myself", text)
    text = _LEET_TOKEN.sub(lambda m: _unleet(m.group(0)), text)
    # Fix each word in place (punctuation stays attached), then squeeze the spaces.
    text = _WORD.sub(_fix_match, text)
    return " ".join(text.split())


def _fix_match(match: re.Match[str]) -> str:
    return _fix_word(match.group(0))


def _fix_word(word: str) -> str:
    word = _unstretch(word)
    word = _COMPOUNDS.get(word, word)
    fixed = _SPELLINGS.get(word)
    if fixed is not None:
        return fixed
    return _fuzzy(word) if len(word) >= 4 and word.isalpha() else word


# Crisis words typed fast: a token that is not an English word but is one of these with its
# vowels dropped ("thnkng", "hangng"), one letter missing ("amout", "alve") or two letters
# swapped ("mroe") reads as the word. Only words that matter to the rules are in the list, and a
# token the tokenizer knows as a whole word ("thanking", "shelf") is never changed.
_FUZZY_VOCAB = (
    "suicide suicidal myself thinking thoughts hanging overdose overdosing lethal amount "
    "paracetamol ibuprofen tablets sleeping anymore alive living tonight tomorrow goodbye "
    "killing cutting bleeding swallowed hopeless worthless pointless exhausted razor blade "
    "bridge noose jumping wrists enough nothing everyone nobody someone anything everything "
    "himself herself yourself wanted wanna dying death deserve burden disappear forever "
    "pills more hate want kill life"
).split()


@lru_cache(maxsize=1)
def _fuzzy_index() -> tuple[frozenset[str], dict[str, str]]:
    import json

    tokenizer = resources.files("bot.safety").joinpath("model/static/tokenizer.json")
    try:
        vocab = json.loads(tokenizer.read_text("utf-8"))["model"]["vocab"]
        known = frozenset(w for w in vocab if w.isalpha())
    except (OSError, KeyError, ValueError):
        known = frozenset()
    index: dict[str, str] = {}
    for word in _FUZZY_VOCAB:
        variants = {word[:i] + word[i + 1 :] for i in range(len(word))}
        variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        if len(word) >= 5:
            variants.add(word[0] + re.sub("[aeiou]", "", word[1:]))
        for variant in variants:
            if len(variant) >= 4 and variant not in known:
                index.setdefault(variant, word)
    return known, index


@lru_cache(maxsize=65536)
def _fuzzy(word: str) -> str:
    known, index = _fuzzy_index()
    if word in known:
        return word
    return index.get(word, word)
