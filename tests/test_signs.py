"""The weak tier of story merging (store/signs.py): several signs added into one score,
one threshold, best pair first, one to one between two articles. Invented reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from dateline.store import match, signs
from dateline.store.match import Report


def _rep(article: str, date: str, title: str, *, verb: str, subject: str = "",
         obj: str = "", lemmas: tuple[str, ...] = (), people: tuple[str, ...] = (),
         organizations: tuple[str, ...] = (), order: int = 0) -> Report:
    return Report(date=date, date_text="", title=title, quote=title, article=article,
                  url=article, source_title=article, published=dt.date(2031, 6, 30),
                  order=order, people=people, organizations=organizations, verb=verb,
                  subject=subject, object=obj,
                  lemmas=lemmas or tuple(w.strip(",.").lower() for w in title.split()
                                         if len(w) > 3))


def _background(article: str) -> list[Report]:
    """Other events of a story's article, on other days: what makes a word rare."""
    return [_rep(article, f"2031-0{m}-0{d}", f"Event {m} {d} of the story", verb="hold",
                 subject=f"thing{m}{d}", lemmas=(f"word{m}{d}", "story", "ferry"), order=k)
            for k, (m, d) in enumerate(itertools.product((1, 2, 3), (1, 2, 3)), start=1)]


# One happening told twice: a day each article dates nothing else to, the act of one
# the other's noun ("freed", "the freeing"), and the ship both name.
_TOWED = _rep("a", "2031-05-14", "Salvors freed the Hollin Star from the sandbank",
              verb="free", subject="salvor", obj="hollin star", organizations=("Hollin Star",),
              lemmas=("salvor", "free", "hollin", "star", "sandbank", "tide"))
_FREED = _rep("b", "2031-05-14", "The freeing of the Hollin Star came after a week",
              verb="come", subject="freeing", organizations=("Hollin Star",),
              lemmas=("freeing", "hollin", "star", "week", "crew", "cheer"))


def test_several_weak_signs_together_make_one_event() -> None:
    pool = signs.Pool([_TOWED, _FREED, *_background("a"), *_background("b")])
    s = signs.signs(_TOWED, _FREED, pool)
    assert (s.date, s.unique, s.act) == (1.0, 1.0, 1.0)
    assert s.words > 0 and s.score >= signs.THRESHOLD
    assert match.evidence(_TOWED, _FREED, "agree") == 0  # the strong rules said no
    reports = [_TOWED, _FREED, *_background("a"), *_background("b")]
    for order in (reports, reports[::-1]):
        sizes = sorted(len(g.reports) for g in match.group(order))
        assert sizes.count(2) >= 1 and any(
            {r.title for r in g.reports} == {_TOWED.title, _FREED.title}
            for g in match.group(order))


def test_nothing_taking_part_in_common_scores_nothing() -> None:
    # A day, an act and each article's only report of the day are what two stories'
    # news on one day have too.
    court = _rep("a", "2031-05-14", "The judge adjourned the hearing", verb="adjourn",
                 subject="judge", obj="hearing")
    board = _rep("b", "2031-05-14", "The agency adjourned its meeting", verb="adjourn",
                 subject="agency", obj="meeting")
    pool = signs.Pool([court, board])
    assert signs.signs(court, board, pool).score == 0


def test_two_different_deeds_count_against() -> None:
    refused = _rep("a", "2031-05-14", "A magistrate refused Ms Vale bail", verb="refuse",
                   subject="magistrate", obj="bail", people=("Ann Vale",))
    held = _rep("b", "2031-05-14", "Ms Vale was arrested at her flat", verb="arrest",
                obj="ann vale", people=("Ann Vale",))
    assert signs.act_sign(refused, held) == -1
    said = _rep("b", "2031-05-14", "Police said Ms Vale was held", verb="say",
                subject="police", people=("Ann Vale",))
    assert signs.act_sign(refused, said) == 0  # a verb of saying is no deed


def test_the_act_of_one_may_be_a_word_of_the_other() -> None:
    landed = _rep("a", "2031-05-14", "The balloon landed in a field", verb="land",
                  subject="balloon", lemmas=("balloon", "land", "field"))
    landing = _rep("b", "2031-05-14", "Crowds watched the landing of the balloon",
                   verb="watch", subject="crowd", obj="landing",
                   lemmas=("crowd", "watch", "landing", "balloon"))
    assert signs.act_sign(landed, landing) == 1


def test_a_day_inside_a_month_is_a_weaker_sign_than_one_day() -> None:
    assert signs.date_sign("2031-05-14", "2031-05-14") == 1.0
    assert signs.date_sign("2031-05-14", "2031-05") == 0.5
    assert signs.date_sign("2031", "2031-05") == 0.25


def test_a_name_is_one_word_however_many_words_it_has() -> None:
    rep = _rep("a", "2031-05-14", "Ann Marie Vale-Hart resigned", verb="resign",
               people=("Ann Marie Vale-Hart",), lemmas=("ann", "marie", "vale-hart", "resign"))
    assert signs.words_of(rep) == frozenset({"resign", "ann marie vale-hart"})


def test_readings_a_day_apart_are_for_the_strong_rules_alone() -> None:
    later = _rep("b", "2031-05-15", _FREED.title, verb=_FREED.verb, subject="freeing",
                 organizations=("Hollin Star",), lemmas=_FREED.lemmas)
    assert not signs.allowed(_TOWED, later)
    first = _rep("b", "2031-05-14", "The first tug towed the ferry", verb="tow",
                 subject="tug", obj="ferry")
    last = _rep("a", "2031-05-14", "The last tug towed the ferry", verb="tow",
                subject="tug", obj="ferry")
    assert not signs.allowed(first, last)


def test_one_article_pairs_with_another_one_to_one_best_pair_first() -> None:
    # Article a tells of two happenings on the day, b of one: b's report joins the one it
    # scores best with, and a's two never end in one file.
    other = _rep("a", "2031-05-14", "The Hollin Star's crew were flown home", verb="fly",
                 obj="crew", organizations=("Hollin Star",),
                 lemmas=("hollin", "star", "crew", "fly", "home"), order=20)
    reports = [_TOWED, other, _FREED, *_background("a"), *_background("b")]
    for order in itertools.permutations([_TOWED, other, _FREED]):
        groups = match.group([*order, *reports[3:]])
        for g in groups:
            assert len({r.article for r in g.reports}) == len(g.reports)
        together = [g for g in groups if _FREED in g.reports][0]
        assert other not in together.reports


def test_the_threshold_can_turn_the_tier_off() -> None:
    reports = [_TOWED, _FREED, *_background("a"), *_background("b")]
    groups = [match.Group([r]) for r in sorted(reports, key=Report.sort_key)]
    assert len(signs.join_weak(groups, threshold=100.0)) == len(reports)


def test_two_reports_naming_only_their_own_people_count_against() -> None:
    premier = _rep("a", "2031-05-14", "Premier Ola Dunn spoke to the nation", verb="speak",
                   subject="ola dunn", obj="nation", people=("Ola Dunn",))
    queen = _rep("b", "2031-05-14", "Queen Mira spoke to the nation", verb="speak",
                 subject="mira", obj="nation", people=("Mira",))
    assert signs.names_sign(premier, queen) == -1
    aide = _rep("b", "2031-05-14", "Ms Dunn's address to the nation", verb="address",
                obj="nation", people=("Dunn",))
    assert signs.names_sign(premier, aide) == 0  # a shorter form of the same name
    assert signs.names_sign(premier, _rep("b", "2031-05-14", "The nation listened",
                                          verb="listen", subject="nation")) == 0


def test_a_participant_in_one_role_in_both_is_a_sign() -> None:
    # What was acted on in both (a passive's subject is its object) is a sign; who acted
    # in both, a word in two roles, or a quantity, is none.
    dropped = _rep("a", "2031-05-14", "An earlier bid was dropped because of fog",
                   verb="drop", subject="bid", obj="bid")
    shelved = _rep("b", "2031-05-14", "The pilots' first bid to land had been shelved",
                   verb="shelve", subject="bid", obj="bid")
    assert signs.role_sign(dropped, shelved) == signs.ROLE > 0
    towed = _rep("a", "2031-05-14", "A tug towed the barge to port", verb="tow",
                 subject="tug", obj="barge")
    pushed = _rep("b", "2031-05-14", "A tug pushed the barge clear", verb="push",
                  subject="tug", obj="barge")
    sailed = _rep("b", "2031-05-14", "A tug sailed at dawn", verb="sail", subject="tug")
    assert signs.role_sign(towed, pushed) == signs.ROLE
    assert signs.role_sign(towed, sailed) == 0.0
    sank = _rep("b", "2031-05-14", "The barge sank", verb="sink", subject="barge")
    assert signs.role_sign(towed, sank) == 0.0
    many = _rep("a", "2031-05-14", "The flood drowned many", verb="drown", subject="flood",
                obj="many")
    more = _rep("b", "2031-05-14", "The fever killed many", verb="kill", subject="fever",
                obj="many")
    assert signs.role_sign(many, more) == 0.0


def test_no_participant_in_common_needs_the_first_word_of_a_day_and_a_rare_word() -> None:
    # One happening in other words: neither names who the other does, but each is its
    # article's first and only report of the day and both sentences hold "stampede".
    crush = _rep("a", "2031-05-20", "A crush at the stadium gates left dozens hurt",
                 verb="leave", subject="crush", obj="dozen",
                 lemmas=("crush", "stadium", "gate", "stampede"), order=0)
    fans = _rep("b", "2031-05-20", "Fans were trampled as turnstiles gave way",
                verb="trample", subject="fan", obj="fan",
                lemmas=("fan", "trample", "turnstile", "stampede"), order=0)
    pool = signs.Pool([crush, fans, *_background("a"), *_background("b")])
    found = signs.signs(crush, fans, pool)
    assert not found.words and found.first == signs.FIRST and found.rare >= signs.RARE_MIN
    assert found.score > 0
    # Told again after an earlier report of the article that covers the day, it is
    # background, and with no participant in common it scores nothing.
    earlier = _rep("b", "2031-05", "May brought trouble at the ground", verb="bring",
                   subject="may", lemmas=("trouble", "ground"), order=0)
    later = dataclasses.replace(fans, order=5)
    pool = signs.Pool([crush, later, earlier, *_background("a"), *_background("b")])
    assert not pool.first_of_day(later) and signs.signs(crush, later, pool).score == 0
    # A word every report holds is no sign either.
    common = [dataclasses.replace(r, lemmas=(*r.lemmas, "stampede"))
              for r in (*_background("a"), *_background("b"))]
    pool = signs.Pool([crush, fans, *common])
    assert signs.signs(crush, fans, pool).score == 0
