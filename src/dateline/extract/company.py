"""The organisation an article is about, for its own kind noun: a story about Toyota calls
it "the company" for paragraphs where no name is near ("The company was founded in 1937",
"It announced a fix"), and a title read alone is better with the name.

Only an organisation the story plainly centres on: named in its lead, named at least
three times and at least twice as often as any other (its forms counted together:
"Toyota Motor", "Toyota", "Toyotas"), not a public body ("the Medicines and Healthcare
products Regulatory Agency (MHRA)" is no company), and only for a noun no other named
organisation could be ("the bank" of a story that also names the Bank of England stays
as written).
"""

from __future__ import annotations

import re
from typing import Any

from dateline.extract.names import Names

# Nouns only a business is called: not "the team", "the group" or "the network", which a
# story about NASA or a party uses for something of its own.
_BUSINESS = {"company", "firm", "carmaker", "automaker", "chipmaker", "retailer", "lender",
             "insurer", "airline", "manufacturer", "conglomerate", "startup", "bank"}
# Words that make a name a public body, a team or an institution, not a business.
_PUBLIC = {"agency", "administration", "committee", "commission", "office", "ministry",
           "department", "council", "authority", "court", "parliament", "house", "senate",
           "congress", "police", "service", "university", "government", "assembly", "board",
           "bureau", "institute", "organization", "organisation", "union", "federation",
           "association", "party", "army", "force", "navy", "school", "hospital", "museum",
           "foundation", "trust", "league", "nations", "centre", "center", "reserve",
           "regulator", "tribunal", "cabinet", "embassy", "college", "academy", "laboratory"}


def _stem(name: str) -> str:
    """The word an organisation's forms share: "Toyota Motor", "Toyotas" -> "toyota"."""
    first = re.sub(r"['’]s?$", "", name.split()[0]).lower()
    return first[:-1] if first.endswith("s") and len(first) > 4 else first


def _public(name: str, text: str) -> bool:
    """Whether ``name`` is a public body: by its words, or, for an abbreviation, by the
    words it abbreviates ("... Regulatory Agency (MHRA)")."""
    words = {w.lower().strip(".,'’s") for w in name.split()}
    if words & _PUBLIC:
        return True
    m = re.search(rf"((?:[\w&-]+\s+){{1,8}})\(\s*{re.escape(name)}\s*\)", text)
    return m is not None and bool({w.lower() for w in m.group(1).split()} & _PUBLIC)


def main_organisation(doc: Any, names: Names) -> str | None:
    """The organisation the article centres on (see the module's docstring), or None."""
    orgs = [m for m in names.mentions if m.kind == "organizations"]
    groups: dict[str, list[Any]] = {}
    for m in orgs:
        groups.setdefault(_stem(m.name), []).append(m)
    ranked = sorted(groups.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 3 or len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1]):
        return None
    top = ranked[0]
    counts: dict[str, int] = {}
    for m in top:
        counts[m.name] = counts.get(m.name, 0) + 1
    name = max(counts, key=lambda n: (counts[n], -len(n)))
    lead = next(iter(doc.sents), None)
    if lead is None or not any(m.start < lead.end_char for m in top) \
            or re.search(r"['’]s$", name) or _public(name, doc.text):
        return None
    return name


def company_noun(noun: Any, names: Names, main: str | None) -> str | None:
    """``main`` (the article's organisation) for a business noun ("the company", "the
    carmaker") that no other named organisation could be, else None."""
    lemma = noun.lemma_.lower()
    if main is None or lemma not in _BUSINESS:
        return None
    stem = _stem(main)
    for m in names.mentions:
        if m.kind == "organizations" and _stem(m.name) != stem and re.search(
                rf"\b{re.escape(lemma)}\b", m.name, flags=re.I):
            return None  # "the bank" where "Bank of England" is named too
    return main
