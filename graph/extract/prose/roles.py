"""Who did what: organisations' roles in events and projects from the nearest cue, and
cooperation the text states.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from ..lemmas import is_function_word, is_job, is_verb_form, lemma, names_what_follows
from ..lexicon import (
    Lexicon,
    PhraseFinder,
    lexicon,
    locative_endings,
    normalise,
    what_words_name,
)
from ..model import Evidence, OrgMention, StatedLink
from .events import agent_words, names_an_event
from .sentences import Sentence

__all__ = [
    "apposed_roles",
    "event_owned",
    "find_cues",
    "find_project_roles",
    "find_stated_links",
    "forward_cues",
    "is_venue",
    "nearest_cue",
    "owner_connectors",
    "verb_cues",
    "visit_role_by_case",
]

_BETWEEN = re.compile(r"\b(between|mellom|między|pomiędzy|starp|tarp)\b")
#: A cooperation cue, maybe one word more, then "with" and the word after it.
_WITH_SOMEONE = re.compile(
    r"^\S+\s+(?:\S+\s+)?(?:with|s|se|so|z|ze|ar|su|med|с|със|cu|com|με|mit|með)\s+"
    r"(?:the\s+)?[^\W\d_]"
)


def _with_someone(text: str) -> bool:
    """Whether a cooperation cue at the start of ``text`` says with whom ("spolupráci s
    českými partnery", "cooperate with the Norwegian partners"): where no organisation
    follows, that partner is unnamed, and the names before the cue are not each other's."""
    return _WITH_SOMEONE.match(text) is not None


def is_venue(sent: Sentence, org: OrgMention, lex: Lexicon, language: str) -> bool:
    """ "organised at the Rydułtowy Centre of Culture", "na Fundação Bissaya Barreto": a
    place the event was held at, after a preposition of where (``venue_prepositions``, in
    the document's language or English; a municipality is the body of its place: "the
    meeting in Steinkjer municipality" is hosted by it)."""
    if org.type == "municipality":
        return False
    before = sent.text[: org.evidence.start - sent.start].split()
    while before and before[-1].casefold() in ("the", "a", "an"):
        before.pop()
    return bool(before) and before[-1].casefold() in _venue_prepositions(language)


@cache
def _venue_prepositions(language: str) -> frozenset[str]:
    table = lexicon().raw["venue_prepositions"]
    return frozenset({*table.get(language, ()), *table["en"]})


def find_project_roles(
    found: list[OrgMention], cues: list[tuple[int, int, str]]
) -> list[tuple[OrgMention, str]]:
    """A promoter cue names the one organisation nearest to it ("X, which is leading the
    project"); a partner cue, every other organisation of the sentence but the one right
    after a programme operator's or funder's cue ("… in partnership with X, managed by the
    Ministry of European Funds")."""
    out: dict[int, tuple[OrgMention, str]] = {}
    operators = _operators(found, cues)
    for start, end, role in cues:
        if role != "promoter":
            continue
        before = [o for o in found if o.evidence.end <= start]
        after = [o for o in found if o.evidence.start >= end]
        if before and start - before[-1].evidence.end < 80:
            nearest: OrgMention | None = before[-1]
        else:
            nearest = after[0] if after else None
        if nearest is not None:
            out[id(nearest)] = (nearest, "promoter")
    if any(role == "partner" for _s, _e, role in cues):
        for org in found:
            if id(org) not in operators:
                out.setdefault(id(org), (org, "partner"))
    return list(out.values())


def _operators(found: list[OrgMention], cues: list[tuple[int, int, str]]) -> set[int]:
    """The organisations (their ``id``) right after a programme operator's or funder's cue."""
    out = set()
    for _start, end, role in cues:
        if role == "operator":
            after = next((o for o in found if o.evidence.start >= end), None)
            if after is not None and after.evidence.start - end <= _OPERATOR_REACH:
                out.add(id(after))
    return out


#: How far (characters) after a programme operator's cue its body's name may open ("managed
#: by the Ministry …").
_OPERATOR_REACH = 12


#: A dash or an opening bracket right after a name, before a role noun in apposition.
_APPOSITION = re.compile(r"[”“\"»]?[ \t]*(?:[–—]|-[ \t]|\()[ \t]*")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
#: The word right before a name, and the one before it ("the lead partner, X").
_PREPOSED = re.compile(r"(?:(?P<first>[^\W\d_]+)[ \t]+)?(?P<noun>[^\W\d_]+)[ \t]*,?[ \t]*$")
#: How far back (characters) the words before a name are looked for.
_PREPOSED_REACH = 60
#: What stands between the names of a list: "X, Y and Z", "X og Y", "X un Y".
_LISTED = re.compile(
    r"[ \t]*(?:,|;)?[ \t]*(?:(?:and|og|i|un|ir|a|oraz|und|și|e|и|και|&)[ \t]+)?", re.I
)
#: How many words after the dash the role noun may stand ("– the Norwegian partner").
_APPOSED_WORDS = 3


@cache
def _apposed_role_words() -> dict[str, str]:
    return what_words_name("apposed_role_lemmas")


@lru_cache(maxsize=1 << 14)
def _apposed_role(word: str, language: str) -> str | None:
    """The role a noun names: as written, by its lemma, or as an inflected form of a
    noun of five letters or more ("partneri", "liderem")."""
    table = _apposed_role_words()
    folded = word.casefold()
    role = table.get(folded) or table.get(lemma(word, language))
    if role is None:
        role = next((r for w, r in table.items() if len(w) >= 5 and folded.startswith(w)), None)
    return role


def apposed_roles(
    sent: Sentence, found: list[OrgMention], language: str
) -> list[tuple[OrgMention, str]]:
    """A role noun in apposition to a name, after a dash or in brackets, or right before
    it, is that body's role in the project ("fundacji Wolna Wisła – lidera … projektu",
    "Pracowni Zrównoważonego Rozwoju – partnera wspierającego", "Utena Social Care Home
    (partner)", "KS – the Norwegian partner", "the Norwegian partner Asker kommune")."""
    out = []
    listed: tuple[OrgMention, str] | None = None  # the last name a role noun went before
    for org in found:
        at_start = org.evidence.start - sent.start
        if listed is not None and _LISTED.fullmatch(
            sent.text, listed[0].evidence.end - sent.start, at_start
        ):
            listed = (org, listed[1])  # "its partners X and Y": Y too
            out.append(listed)
            continue
        listed = None
        before = _PREPOSED.search(sent.text, max(0, at_start - _PREPOSED_REACH), at_start)
        if before is not None and before["noun"].islower():
            # a role noun right before the name: "the Norwegian partner Asker kommune",
            # "lead partner X" (a leader's word before "partner" makes it the lead)
            role = _apposed_role(before["noun"], language)
            if role is not None:
                lead = before["first"] and _apposed_role(before["first"], language)
                listed = (org, "promoter" if lead == "promoter" else role)
                out.append(listed)
                continue
        at = org.evidence.end - sent.start
        dash = _APPOSITION.match(sent.text, at)
        if dash is None or dash.end() == at:
            continue
        end = dash.end()
        for _k in range(_APPOSED_WORDS):
            word = _WORD.match(sent.text, end)
            if word is None:
                break
            text = word.group()
            role = _apposed_role(text, language)
            if role is not None:
                out.append((org, role))
                break
            end = word.end()
            gap = re.match(r"[ \t]+", sent.text[end:])
            if gap is None:
                break  # punctuation: the apposition ends
            end += gap.end()
    return out


def find_cues(sent: Sentence, finder: PhraseFinder) -> list[tuple[int, int, str]]:
    """Where each cue stands in the sentence (document offsets)."""
    return [(sent.start + a, sent.start + b, role) for a, b, role in finder.find(sent.text)]


def verb_cues(sent: Sentence, language: str) -> list[tuple[int, int, str]]:
    """Role cues told by a verb's lemma (``role_cue_lemmas``), in any tense, person or
    number ("dalyvaus", "piedalās", "zorganizowali"), where they stand (document offsets).
    A word is asked of the lemmatiser only when it opens as one of the lemmas does."""
    lemmas, openings = _cue_lemmas(language)
    if not lemmas:
        return []
    out = []
    for m in _VERB.finditer(sent.text):
        word = m.group()
        if word[:1].islower() and word[:_OPENING] in openings:
            role = lemmas.get(lemma(word, language))
            if role is not None:
                out.append((sent.start + m.start(), sent.start + m.end(), role))
    return out


_VERB = re.compile(r"\w{4,}")
#: How many first letters of a verb's form its lemma shares, as a quick test.
_OPENING = 4


@cache
def _cue_lemmas(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """``language``'s role verbs' lemmas → their role, and the lemmas' first letters."""
    table = lexicon().raw["role_cue_lemmas"]
    lemmas = {
        word: role
        for role, languages in table.items()
        if not role.startswith("_")
        for word in languages.get(language, ())
    }
    return lemmas, frozenset(word[:_OPENING] for word in lemmas)


def forward_cues(sent: Sentence, cues: list[tuple[int, int, str]], language: str) -> set[int]:
    """The cues (by start) that end in a preposition, connector or short function word
    ("representatives of", "at the invitation of", "visited by"), or that the agent's
    preposition follows (a passive: "was welcomed by"): they name what follows them,
    never what comes before ("took part" does not end so); so does a verb of hosting the
    agent's preposition follows, though no name comes next ("was hosted by employees of
    KS": its agent hosted)."""
    out = set()
    for start, end, role in cues:
        following = sent.text[end - sent.start :].split(None, 4)
        if names_what_follows(sent.text[start - sent.start : end - sent.start], language):
            out.add(start)
        elif _passive_with_a_body(following, language):
            out.add(start)
        elif role == "hosting" and _passive_with_others(following, language):
            out.add(start)
        elif role == "hosting" and _object_first(sent, start, cues, language):
            out.add(start)
    return out


#: Languages whose nouns tell their case by their ending, so that a clause may open with
#: its object ("Delegację … gościła Politechnika Gdańska").
_CASE_LANGUAGES = frozenset({"pl", "cs", "sk", "sl", "hr", "lt", "lv"})


def _object_first(sent: Sentence, at: int, cues: list[tuple[int, int, str]], language: str) -> bool:
    """Whether a verb of hosting at ``at`` follows its object: a participant's noun before
    it ("Delegację", the delegation) not in its base form, in a language whose case
    endings let the object open the clause — the subject, the host, then follows the verb
    ("Delegację z Gminy Bærum gościła Politechnika Gdańska")."""
    if language not in _CASE_LANGUAGES:
        return False
    for start, end, role in cues:
        if role != "participant" or end > at:
            continue
        word = sent.text[start - sent.start : end - sent.start]
        if " " not in word and lemma(word, language) != word.casefold():
            return True
    return False


def _passive_with_a_body(following: list[str], language: str) -> bool:
    """Whether the words after a cue are the agent's preposition and a body's name (a
    capital after any short word, no job's: "was welcomed by Vestland County Council",
    not "was welcomed by mayor of Steinkjer", whose body may be named before)."""
    agent = _agent_word(following, language)
    return agent is not None and agent[:1].isupper() and not is_job(agent, language)


def _passive_with_others(following: list[str], language: str) -> bool:
    """Whether the words after a verb of hosting are the agent's preposition and people of
    a body, not one holding an office ("hosted by employees of KS"; not "welcomed by mayor
    of Steinkjer", whose body may be named before)."""
    agent = _agent_word(following, language)
    return (
        agent is not None
        and bool(agent.strip(".,;:"))
        and not is_job(agent.strip(".,;:"), language)
    )


def _agent_word(following: list[str], language: str) -> str | None:
    """The first word after the agent's preposition that opens ``following`` (short words
    in small letters passed over: "by the …"); None if no such preposition opens it."""
    if not following or following[0].casefold() not in agent_words(language):
        return None
    return next((w for w in following[1:] if not (len(w) <= 3 and w.islower())), None)


def event_owned(
    sent: Sentence, org: OrgMention, terms: list[tuple[int, int]], language: str
) -> int | None:
    """Which of the sentence's event terms (document offsets) ``org`` is the owner of: the
    body right after the term and the language's "of" ("the annual meeting of KS",
    "årsmøtet til KS", "годишната среща на НСОРБ"), or right after it in the genitive
    ("konference Svazu měst"); None if of none."""
    connectors, genitive = owner_connectors(language)
    first = org.name.split()[0]
    for k, (start, end) in enumerate(terms):
        if end <= org.evidence.start:
            gap = sent.text[end - sent.start : org.evidence.start - sent.start]
            # (a genitive follows a noun; after a verb, its object: "odwiedzili gminę")
            noun = sent.text[start - sent.start : end - sent.start].split()[-1]
            if (connectors is not None and connectors.fullmatch(gap)) or (
                genitive
                and gap.isspace()
                and lemma(first, language) != first.casefold()
                and names_an_event(noun, language)
            ):
                return k
    return None


@cache
def owner_connectors(language: str) -> tuple[re.Pattern[str] | None, bool]:
    """The "of" words of ``language`` between an event and its owner, as one pattern; and
    whether its owner may follow in the genitive with no word between."""
    table = lexicon().raw["event_owner_connectors"]
    words = sorted(table.get(language, ()), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    pattern = re.compile(rf"\s+(?i:{alternation})\s+") if words else None
    return pattern, language in table["_genitive_after"]


#: How far (characters) after a host's or organiser's cue a body people came from is still
#: the cue's ("hosted by representatives from A").
_REACH = 30


def visit_role_by_case(sent: Sentence, org: OrgMention, language: str) -> str | None:
    """Who visited and who was visited, told by case in a language that says "in X" by a
    case ending (``locative_endings``), where a sentence's words stand in any order:
    "Anykščių rajono savivaldybėje lankėsi Odeshiogo savivaldybės meras" (the mayor of
    Odeshiogo visited the municipality of Anykščiai).

    The head noun of the name (its last word) tells: in the locative, the body was visited
    (its host); in the nominative, it visited (a participant); inflected otherwise, the noun
    right after it tells for the body it is the genitive of ("… savivaldybės meras",
    "… savivaldybės delegacija", "… savivaldybės atstovai": its people visited). None where
    the case tells neither (an object in the accusative: the verb's order tells) or the
    head is a capitalised word the lemmatiser does not inflect (a foreign name)."""
    endings = locative_endings(language)
    if not endings:
        return None
    at = org.evidence.end - sent.start
    words = sent.text[org.evidence.start - sent.start : at].split()
    head = words[-1].strip(_QUOTES) if words else ""
    told = _case_of(head, language, endings)
    if told is not None or not head.isalpha():
        return told
    after = _WORD_AFTER.match(sent.text, at)
    if after is None:
        return None
    word = after.group(1)
    if (
        not word[:1].islower()
        or len(word) <= 3
        or is_function_word(word, language)
        or is_verb_form(word, language)
    ):
        return None
    told = _case_of(word, language, endings)
    plural = _nominative_plural(language)
    if told is None and plural is not None and plural.search(word):
        return "participant"  # "atstovai", "pārstāvji": plural people
    return told


@cache
def _nominative_plural(language: str) -> re.Pattern[str] | None:
    ending = lexicon().raw["nominative_plural_endings"].get(language)
    return re.compile(ending) if ending else None


_QUOTES = "\"'«»„“”‘’()[],.;:"
#: The word right after a name, with nothing but spaces between.
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)\b")


def _case_of(word: str, language: str, endings: tuple[str, ...]) -> str | None:
    """ "host" for a noun in the locative, "participant" for one in the nominative
    singular (its own lemma: a lower-case word), None otherwise."""
    if not word.isalpha():
        return None
    folded = word.casefold()
    if lemma(word, language) != folded:
        return "host" if folded.endswith(endings) else None
    return "participant" if word[:1].islower() else None


def nearest_cue(
    org: OrgMention,
    cues: list[tuple[int, int, str]],
    came_from: bool = False,
    forward: set[int] | frozenset[int] = frozenset(),
    by_case: str | None = None,
) -> str | None:
    """The role of the cue nearest to an organisation; a cue before it wins a tie
    ("hosted by KS", "KS presented"); a cue of ``forward`` (see :func:`forward_cues`) does
    not reach back. A visit's verb tells the direction: whoever it follows was visited (a
    host: "the delegation visited KS"), whoever comes before it visited (a participant:
    "KS visited Bergen") — unless the people who visited are said to come from it
    (``came_from``: "… lankėsi grupė iš Lešos savivaldybės"), or the case of its name
    tells otherwise (``by_case``: :func:`visit_role_by_case`). An active verb of hosting
    tells it too: whoever comes before it hosted ("KS hosted …", "Urząd gościł …"),
    whoever follows it was the guest ("… hosted the delegation of X") — unless it names
    its agent after it ("hosted by X", ``forward``)."""
    best: tuple[int, int, str, int] | None = None
    for start, end, role in cues:
        if end <= org.evidence.start:
            rank = (org.evidence.start - end, 0)
        elif start >= org.evidence.end and start not in forward:
            rank = (start - org.evidence.end, 1)
        elif start < org.evidence.start and end > org.evidence.end and role == "hosting":
            # a verb of hosting and its particle around the name: its subject, after the verb
            # in a clause that opens with something else ("Tirsdag tok Bergen kommune imot
            # …"), hosted (ranked first, as a cue after it: whoever it names before hosted)
            rank = (0, -1)
        elif start >= org.evidence.end and role == "visited" and not came_from:
            # a visit's noun names where it went ("a study visit to X"), and whoever comes
            # before it, near, made it ("the association made a study visit to Molde"),
            # unless a nearer cue tells otherwise
            if start - org.evidence.end > _VISITOR_REACH:
                continue
            rank = (start - org.evidence.end, 2)
        else:
            continue
        if best is None or rank < best[:2]:
            best = (*rank, role, start)
    if best is None:
        return None
    if best[1] == 2:
        return "participant"
    if best[2] == "hosting":
        after = best[1] == 0 and best[3] not in forward
        return "participant" if after or came_from else "host"
    if best[2] == "visited":
        if came_from:
            return "participant"
        return by_case or ("host" if best[1] == 0 else "participant")
    if came_from and best[2] in ("host", "organiser") and best[1] == 0 and best[0] > _REACH:
        # "… hosted by A, brought together researchers from B": a body people came from,
        # far after a host's or organiser's cue, sent them (not "hosted by representatives
        # from A")
        return "participant"
    return best[2]


#: How far (characters) before a visit's noun and where it went a body is the visitor ("Η
#: Ένωση Κυριών Δράμας πραγματοποίησε τον Νοέμβριο του 2016 εκπαιδευτικό ταξίδι στο …").
_VISITOR_REACH = 80


def find_stated_links(
    sent: Sentence,
    found: list[OrgMention],
    coop_at: int,
    promoter: OrgMention | None,
    ev: Evidence,
    language: str = "en",
) -> list[StatedLink]:
    before = [o for o in found if o.evidence.end <= coop_at]
    after = [o for o in found if o.evidence.start > coop_at]
    cue_text = sent.text[coop_at - sent.start : coop_at - sent.start + 40].casefold()
    subject: OrgMention | None
    if not before and len(after) >= 2 and _BETWEEN.search(cue_text):
        subject, after = after[0], after[1:2]  # "cooperation between A and B"
    elif not after and 2 <= len(before) <= 3:
        if (
            len(before) == 2
            and _joined_by_and(sent, before[0], before[1], language)
            and _with_someone(sent.text[coop_at - sent.start :])
        ):
            return []  # "A a B navázala spolupráci s norskými partnery": not with each other
        subject, after = before[0], before[1:]  # "A and B signed a memorandum"
    else:
        subject = before[-1] if before else promoter
    if subject is None:
        return []
    # "A and B signed an agreement with C": each name of the list the subject closes (a
    # list's last two joined by its "and": "After the visit to A, B signed …" is B's)
    subjects = [subject]
    if before and subject is before[-1]:
        listed = _listed(sent, before[::-1], language)[::-1]
        if len(listed) > 1 and _joined_by_and(sent, listed[-2], listed[-1], language):
            subjects = listed
    cue = sent.text[coop_at - sent.start :].split(".")[0][:80]
    return [
        StatedLink(one, other, f"stated: {cue.strip()}", ev)
        for one in subjects
        for other in _listed(sent, after, language)
        if normalise(other.name) != normalise(one.name)
    ]


@cache
def _ands(language: str) -> frozenset[str]:
    """The text's "and" and the English one."""
    return frozenset({lexicon().raw["apposition_cue_lemmas"]["and"].get(language, "and"), "and"})


@cache
def _joins(language: str) -> frozenset[str]:
    """Words that may stand between two names of one list: the text's "and" (and the
    English one), "or", "as well as", the English article."""
    return _ands(language) | {"or", "as", "well", "the"}


#: An aside between two names of a list: in brackets, or between commas ("X, the donor
#: programme partner (DPP), and Y").
_ASIDE = re.compile(r"\([^()]*\)|,[^,]*(?=,)")


def _listed(sent: Sentence, orgs: list[OrgMention], language: str) -> list[OrgMention]:
    """The organisations after a cooperation cue that it names: the first, and those a
    list joins to it (asides between allowed: "X, the donor partner, and Y"); one after
    other words ("… získaly grant od Nadace …", "… received a grant from …") is another
    matter's. ``orgs`` backwards (the last first): the list the last one closes."""
    kept = orgs[:1]
    for prev, nxt in pairwise(orgs):
        if not all(w.casefold() in _joins(language) for w in _between(sent, prev, nxt)):
            break
        kept.append(nxt)
    return kept


def _between(sent: Sentence, one: OrgMention, other: OrgMention) -> list[str]:
    """The words between two names of a sentence (asides left out), in either order."""
    first, second = sorted((one, other), key=lambda o: o.evidence.start)
    gap = sent.text[first.evidence.end - sent.start : second.evidence.start - sent.start]
    return [w for w in re.split(r"[^\w]+", _ASIDE.sub(" ", gap)) if w]


def _joined_by_and(sent: Sentence, one: OrgMention, other: OrgMention, language: str) -> bool:
    """Whether the text's "and" (or the English one) stands between two names."""
    return any(w.casefold() in _ands(language) for w in _between(sent, one, other))
