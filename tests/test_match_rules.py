"""The store's rules for "same happening" across outlets (store/match.py), on small
hand-written reports, and the act a parse gives a verb (extract/happening.act_of)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from dateline.store import match
from dateline.store.match import Report


def _rep(article: str, date: str, title: str, *, verb: str, subject: str = "",
         obj: str = "", people: tuple[str, ...] = (), places: tuple[str, ...] = (),
         organizations: tuple[str, ...] = (), lemmas: tuple[str, ...] = (),
         published: str = "2025-02-10") -> Report:
    return Report(date=date, date_text="", title=title, quote=title, article=article,
                  url=article, source_title=article,
                  published=dt.date.fromisoformat(published), people=people, places=places,
                  organizations=organizations, verb=verb, subject=subject, object=obj,
                  lemmas=lemmas or tuple(w.strip(",.").lower() for w in title.split()
                                         if len(w) > 3))


def test_phrasal_verbs_name_the_act_of_a_plain_verb() -> None:
    assert match.same_act("come down", "crash")
    assert match.same_act("pick up", "detect")
    assert match.same_act("step down", "resign")
    assert match.same_act("run aground", "become stuck")
    assert match.same_act("lose contact", "go quiet")
    # The particle changes the act: "come" alone says nothing, "come out" is not "come down".
    assert not match.same_act("come", "come out")
    assert not match.same_act("come out", "come down")


def test_the_same_act_on_one_day_told_of_other_participants_is_one_event() -> None:
    found = _rep("a", "2025-02-03", "Two climbers found them near the ridge, cold hikers",
                 verb="find", subject="climber")
    located = _rep("b", "2025-02-03", "The cold hikers were located by a crew",
                   verb="locate", subject="crew")
    assert match.evidence(found, located, "agree") > 0
    assert [len(g.reports) for g in match.group([found, located])] == [2]
    # The same act and nothing else in common says too little.
    bare = _rep("c", "2025-02-03", "They were located by a crew", verb="locate",
                subject="crew", lemmas=("locate", "crew"))
    assert match.evidence(found, bare, "agree") == 0


def test_the_same_act_by_two_named_actors_on_one_day_stays_two() -> None:
    china = _rep("a", "2025-03-11", "China grounded the jets", verb="ground", subject="china",
                 places=("China",))
    airline = _rep("b", "2025-03-11", "Nordair grounded its fleet", verb="ground",
                   subject="nordair", organizations=("Nordair",))
    assert match.evidence(china, airline, "agree") == 0


def test_the_first_and_the_last_of_a_series_stay_two() -> None:
    first = _rep("a", "2025-02-03", "The first of the climbers was lifted out", verb="lift",
                 subject="climber")
    last = _rep("b", "2025-02-03", "The last climber was winched to safety", verb="winch",
                subject="climber")
    assert match.evidence(first, last, "agree") == 0
    again = _rep("c", "2025-02-03", "The final climber emerged from the gully", verb="emerge",
                 subject="climber")
    assert match.evidence(last, again, "agree") > 0  # "last" and "final" are one


def test_a_day_apart_on_the_same_act_and_names_is_one_event_for_review() -> None:
    plunged = _rep("a", "2025-01-28", "A Skyline jet plunged into the Tasman Sea",
                   verb="plunge", subject="jet", obj="tasman sea",
                   organizations=("Skyline",), places=("Tasman Sea",))
    down = _rep("b", "2025-01-29", "The Skyline plane came down in the Tasman Sea",
                verb="come down", subject="plane", obj="tasman sea",
                organizations=("Skyline",), places=("Tasman Sea",), published="2025-02-11")
    assert match.relation(plunged.date, down.date) == "near"
    groups = match.group([plunged, down])
    assert [len(g.reports) for g in groups] == [2]
    merged = match.merge(groups[0].reports)
    assert any(r.startswith(match.DISAGREE) for r in merged.review)


def test_a_day_apart_needs_more_than_the_verb() -> None:
    a = _rep("a", "2025-01-28", "A man died in hospital", verb="die", subject="man",
             lemmas=("man", "die", "hospital"))
    b = _rep("b", "2025-01-29", "A woman died after the fall", verb="die", subject="woman",
             lemmas=("woman", "die", "fall"))
    assert match.evidence(a, b, "near") == 0


def test_the_happening_named_by_a_noun_is_what_both_are_about() -> None:
    hold = _rep("a", "2025-05-01", "The country will hold a general election",
                verb="hold", subject="country", obj="election")
    polls = _rep("b", "2025-05-01", "Voters go to the polls", verb="go", subject="voter",
                 obj="poll")
    assert match.evidence(hold, polls, "agree") > 0
    # Another day: another election.
    assert match.evidence(hold, polls, "apart") == 0


def test_a_verb_and_its_noun_are_one_act() -> None:
    assert match.derives("explosion", "explode")
    assert match.derives("collapse", "collapse")
    assert match.derives("arrival", "arrive")
    assert match.derives("investigation", "investigate")
    assert not match.derives("station", "state")
    assert not match.derives("saying", "say")  # a light verb names no act
    collapsed = _rep("a", "2025-05-05", "The stand collapsed during the match",
                     verb="collapse", subject="stand", lemmas=("stand", "collapse", "match"))
    watched = _rep("b", "2025-05-05", "Fans watched the collapse of the stand", verb="watch",
                   subject="fan", obj="collapse", lemmas=("fan", "watch", "collapse", "stand"))
    assert match.evidence(collapsed, watched, "agree") > 0


def test_what_someone_said_happened_meets_the_act_itself() -> None:
    said = _rep("a", "2025-06-22", "Officials said divers had found the wreck of the ferry",
                verb="say", subject="official",
                lemmas=("official", "say", "diver", "find", "wreck", "ferry", "seabed"))
    found = _rep("b", "2025-06-22", "A diving team found the ferry's wreck on the seabed",
                 verb="find", subject="team", obj="wreck",
                 lemmas=("diving", "team", "find", "ferry", "wreck", "seabed"))
    assert match.evidence(said, found, "agree") > 0


def test_two_acts_on_one_day_still_stay_two() -> None:
    met = _rep("a", "2025-03-03", "The minister met the envoy", verb="meet",
               subject="minister", obj="envoy")
    signed = _rep("b", "2025-03-03", "The minister signed the deal", verb="sign",
                  subject="minister", obj="deal")
    for order in itertools.permutations([met, signed]):
        assert [len(g.reports) for g in match.group(order)] == [1, 1]


@pytest.fixture(scope="module")
def nlp():
    from dateline.extract import nlp as model

    return model.load()


@pytest.mark.parametrize(("sentence", "verb", "act"), [
    ("The jet came down in the sea.", "came", "come down"),
    ("An aircraft picked up banging sounds.", "picked", "pick up"),
    ("The ship ran aground in a sandstorm.", "ran", "run aground"),
    ("The ship became stuck in the canal.", "became", "become stuck"),
    ("The boys walked into the cave.", "walked", "enter"),
    ("The craft lost contact with its ship.", "lost", "lose contact"),
    ("Prices fell sharply.", "fell", "fall"),
    ("The party lost the vote.", "lost", "lose"),
])
def test_the_act_of_a_verb(nlp, sentence: str, verb: str, act: str) -> None:
    from dateline.extract.happening import act_of

    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == verb)
    assert act_of(tok) == act


def test_two_things_a_happening_did_are_not_joined_by_its_noun() -> None:
    broke = _rep("a", "2025-04-15", "The fire broke out under the roof", verb="break out",
                 subject="fire", obj="roof", lemmas=("fire", "break", "roof"))
    spread = _rep("b", "2025-04-15", "The fire spread to the tower", verb="spread",
                  subject="fire", obj="tower", lemmas=("fire", "spread", "tower"))
    assert match.evidence(broke, spread, "agree") == 0
    saw = _rep("c", "2025-04-15", "Crowds saw the fire", verb="see",
               subject="crowd", obj="fire", lemmas=("crowd", "see", "fire"))
    assert match.evidence(broke, saw, "agree") > 0
    survived = _rep("d", "2025-04-15", "The government survived the vote", verb="survive",
                    subject="government", obj="vote", lemmas=("government", "survive", "vote"))
    held = _rep("e", "2025-04-15", "The country held an election", verb="hold",
                subject="country", obj="election", lemmas=("country", "hold", "election"))
    assert match.evidence(survived, held, "agree") == 0


def test_a_person_called_by_a_role_that_another_article_names() -> None:
    named = _rep("a", "2025-12-23", "The board announced Jane Roe was stepping down",
                 verb="announce", subject="board", people=("Jane Roe",),
                 lemmas=("board", "announce", "jane", "step", "immediate", "effect"))
    named = Report(**{**named.__dict__, "roles": (("executive", "jane roe"),)})
    role = _rep("b", "2025-12", "The former chief executive was fired", verb="fire",
                subject="executive", lemmas=("executive", "fire"))
    assert match.evidence(named, role, "agree") > 0
    # Without the article saying who the chief executive is, a role is nobody in particular.
    bare = Report(**{**named.__dict__, "roles": ()})
    assert match.evidence(bare, role, "agree") == 0


def test_the_roles_an_article_states(nlp) -> None:
    from dateline.extract.happening import roles_of

    doc = nlp("The company forced out its chief executive, Jane Roe, on Monday. "
              "Tom Hale, a retired navy diver, died on Friday. "
              "President Ana Ruiz visited the mine.")
    roles = set(roles_of(doc))
    assert ("executive", "jane roe") in roles
    assert ("diver", "tom hale") in roles
    assert ("president", "ana ruiz") in roles


def test_the_same_act_on_other_things_the_same_day_stays_two() -> None:
    recall = _rep("a", "2025-03-03", "The company announced a recall", verb="announce",
                  subject="company", obj="recall", lemmas=("company", "announce", "recall"))
    inquiry = _rep("b", "2025-03-03", "The ministry announced an inquiry", verb="announce",
                   subject="ministry", obj="inquiry", lemmas=("ministry", "announce", "inquiry"))
    assert match.evidence(recall, inquiry, "agree") == 0


def test_names_spelled_with_and_without_stops_are_one() -> None:
    assert match.name_form("St. John's") == match.name_form("St John's")
    a = _rep("a", "2025-06-28", "The wreckage was lifted on to the quay", verb="lift",
             obj="wreckage", places=("St. John's",), lemmas=("wreckage", "lift", "quay"))
    b = _rep("b", "2025-06-28", "Crews hoisted the hull in St John's", verb="hoist",
             subject="crew", obj="hull", places=("St John's",),
             lemmas=("crew", "hoist", "hull"))
    assert match.evidence(a, b, "agree") >= match.JOIN_SCORE


def test_a_confidence_vote_is_not_an_election() -> None:
    from dateline.extract import nlp
    from dateline.extract.happening import describe_title

    (_, _, motion, _), (_, _, election, _) = describe_title(
        nlp.load(), ["The government survived a no-confidence vote",
                     "Britain held a general election"])
    assert motion == "confidence vote"
    assert election == "election"
    assert match.thing(motion) != match.thing(election)


def test_a_common_noun_is_not_the_start_of_a_name() -> None:
    # A surname is the end of a full name; "the council" is not the "Council of Elders".
    assert match.shared_parts({"kurtz"}, {"george kurtz"}) == {"kurtz"}
    assert match.shared_parts({"ian"}, {"storm ian"}) == {"ian"}
    assert match.shared_parts({"council"}, {"council of elders"}) == set()
    proclaimed = _rep("a", "2025-04-11", "The decree was proclaimed in Tarn and Lisle",
                      verb="proclaim", subject="decree", obj="decree",
                      places=("Tarn", "Lisle"),
                      lemmas=("decree", "proclaim", "tarn", "lisle"))
    board = _rep("b", "2025-04-11", "The Decree Board proclaimed the new charter",
                 verb="proclaim", subject="decree board", obj="charter",
                 organizations=("Decree Board",),
                 lemmas=("decree", "board", "proclaim", "charter"))
    assert "decree" not in match.shared_parts({"decree"}, board.names)
    assert match.evidence(proclaimed, board, "agree") < match.JOIN_SCORE


def test_two_readings_of_a_whole_year_need_a_name_in_common() -> None:
    # A year holds many of a story's events: a verb and a common noun do not tell them apart.
    probe = _rep("a", "2019", "A Nordic probe was lost", verb="lose", subject="probe",
                 obj="probe", lemmas=("nordic", "probe", "lose"))
    lander = _rep("b", "2019", "The Varuna mission lost its probe above the surface",
                  verb="lose", subject="mission", obj="probe", places=("Varuna",),
                  lemmas=("varuna", "mission", "lose", "probe", "surface"))
    assert match.evidence(probe, lander, "agree") == 0
    # The same name in both is enough, as before.
    named = _rep("c", "2019", "The Varuna probe was lost", verb="lose", subject="probe",
                 obj="probe", places=("Varuna",), lemmas=("varuna", "probe", "lose"))
    assert match.evidence(named, lander, "agree") > 0
    # On one day, the same words are enough without a name.
    day_a = Report(**{**probe.__dict__, "date": "2019-04-11"})
    day_b = Report(**{**lander.__dict__, "date": "2019-04-11", "places": ()})
    assert match.evidence(day_a, day_b, "agree") > 0


def test_a_launch_a_lift_off_and_a_postponement_in_other_words() -> None:
    assert match.same_act("lift off", "launch")
    assert match.same_act("blast off", "lift off")
    assert match.same_act("call off", "postpone")
    assert match.same_act("call off", "cancel")
    assert not match.same_act("postpone", "launch")
    off = _rep("a", "2025-07-02", "The Arda-2 rocket lifted off from the coast",
               verb="lift off", subject="arda-2", obj="coast", organizations=("Arda-2",),
               lemmas=("arda-2", "rocket", "lift", "coast"))
    launched = _rep("b", "2025-07-02", "Arda-2 was launched at dawn", verb="launch",
                    obj="arda-2", organizations=("Arda-2",), lemmas=("arda-2", "launch"))
    assert match.evidence(off, launched, "agree") >= match.JOIN_SCORE


def test_a_passive_subject_that_is_its_own_object_is_no_other_actor() -> None:
    # "Ann Lee was convicted" (the title put the object first) and "Judge Roy convicted
    # her": Roy acted, Lee did not, so these are not two named actors doing one deed.
    convicted = _rep("a", "2025-09-12", "Ann Lee was convicted of fraud", verb="convict",
                     subject="lee", obj="ann lee", people=("Ann Lee",),
                     lemmas=("ann", "lee", "convict", "fraud", "judge", "rule"))
    judge = _rep("b", "2025-09-12", "Judge Roy convicted her of fraud", verb="convict",
                 subject="roy", obj="fraud", people=("Roy",),
                 lemmas=("judge", "roy", "convict", "fraud", "rule"))
    assert match.evidence(convicted, judge, "agree") > 0
    # Two named actors who each did the deed stay apart.
    other = _rep("c", "2025-09-12", "Judge Ray convicted a clerk of fraud", verb="convict",
                 subject="ray", obj="clerk", people=("Ray",),
                 lemmas=("judge", "ray", "convict", "clerk", "fraud", "rule"))
    assert match.evidence(judge, other, "agree") == 0
    # Another act, where the one acted on is named and another named person acts: two.
    elected = _rep("d", "2025-09-12", "Ann Lee was elected mayor on the third ballot",
                   verb="elect", subject="lee", obj="ann lee", people=("Ann Lee",),
                   lemmas=("ann", "lee", "elect", "mayor", "ballot"))
    called = _rep("e", "2025-09-12", "Tom Hale called the election", verb="call",
                  subject="tom hale", obj="election", people=("Tom Hale",),
                  lemmas=("tom", "hale", "call", "election"))
    assert match.evidence(elected, called, "agree") == 0


def test_a_day_apart_with_an_unresolved_it_stays_two() -> None:
    # One of a series of the same act on successive days ("it separated", then the next
    # day "the lander separated") is no disagreement on the date while "it" is nobody.
    it = _rep("a", "2025-08-18", "It separated from the booster", verb="separate",
              subject="it", obj="booster", lemmas=("separate", "booster", "burn"))
    stage = _rep("b", "2025-08-17", "The upper stage separated from its booster",
                 verb="separate", subject="stage", obj="booster",
                 lemmas=("upper", "stage", "separate", "booster"))
    assert match.relation(it.date, stage.date) == "near"
    assert match.evidence(it, stage, "near") == 0
    # The same subject spelled out is the disagreement it was.
    named = Report(**{**it.__dict__, "subject": "stage"})
    assert match.evidence(named, stage, "near") > 0


def test_a_light_verb_against_a_deed_at_two_precisions_stays_two() -> None:
    # "Storm Ada came ashore near a barrier island west of Port Lyle" on the 28th and "Ada
    # crossed the island's west" some day that month share the storm and two words only.
    ashore = _rep("a", "2025-09-28", "Storm Ada came ashore near Kell Key", verb="come",
                  subject="storm ada", obj="kell key", places=("Kell Key", "Port Lyle"),
                  lemmas=("storm", "ada", "come", "kell", "key", "barrier", "island",
                          "west", "port", "lyle"))
    crossed = _rep("b", "2025-09", "Ada crossed the island's west", verb="cross",
                   subject="ada", obj="west", lemmas=("cross", "island", "west"))
    assert match.evidence(ashore, crossed, "agree") == 0
    # At one precision the words in common still count as before.
    same_day = Report(**{**crossed.__dict__, "date": "2025-09-28"})
    assert match.evidence(ashore, same_day, "agree") > 0
    # "Prosecutors called 21 witnesses; a pathologist testified ..." on a day, and "a
    # defence witness testified ..." some day that year: not what was said, one deed.
    called = _rep("c", "2025-03-25", "Prosecutors called 21 witnesses", verb="call",
                  subject="prosecutor", obj="witness",
                  lemmas=("prosecutor", "call", "witness", "pathologist", "testify"))
    testified = _rep("d", "2025", "A defence witness testified he was ill", verb="testify",
                     subject="witness", lemmas=("defence", "witness", "testify", "ill"))
    assert match.evidence(called, testified, "agree") == 0


def test_one_verb_a_day_apart_by_other_doers_is_two_deeds() -> None:
    # Outlets a day apart on "killed" are one event only when the doers could be one.
    gunman = _rep("a", "2025-04-08", "A masked gunman killed a night watchman in Dorlan",
                  verb="kill", subject="gunman", obj="watchman", places=("Dorlan",))
    troops = _rep("b", "2025-04-09", "Commandos of the coastal unit killed the two fugitives",
                  verb="kill", subject="commandos", obj="fugitives", places=("Dorlan",))
    assert match.evidence(gunman, troops, "near") == 0
    # The same doer told two ways (one outlet's subject is a word of the other's) stays one.
    told = _rep("c", "2025-04-09", "The watchman was killed by a masked gunman in Dorlan",
                verb="kill", subject="watchman", obj="watchman", places=("Dorlan",))
    assert match.evidence(gunman, told, "near") > 0


def test_the_same_numbered_happening_a_day_apart_is_a_disagreement() -> None:
    ripped = _rep("a", "2025-05-11", "A second and larger blast ripped through the quarry",
                  verb="rip", subject="blast", obj="quarry")
    led = _rep("b", "2025-05-12", "A second blast led engineers to seal the quarry",
               verb="lead", subject="blast", obj="engineers")
    assert match.evidence(ripped, led, "near") > 0
    [grouped] = match.group([ripped, led])
    assert any(r.startswith(match.DISAGREE) for r in match.merge(grouped.reports).review)
    # Another member of the series, or two days apart, is another happening.
    third = _rep("c", "2025-05-12", "A third blast shook the quarry", verb="shake",
                 subject="blast", obj="quarry")
    assert match.evidence(ripped, third, "near") == 0
    later = _rep("d", "2025-05-13", "A second blast led engineers to seal the quarry",
                 verb="lead", subject="blast", obj="engineers")
    assert match.evidence(ripped, later, "near") == 0


def test_a_happening_and_what_it_was_a_day_apart_is_a_disagreement() -> None:
    sent = _rep("a", "2025-06-02", "The eruption sent ash over the islands", verb="send",
                subject="eruption", obj="ash")
    was = _rep("b", "2025-06-03", "The eruption was the strongest in a century", verb="be",
               subject="eruption", obj="strongest")
    assert match.evidence(sent, was, "near") > 0
    # Two deeds of the happening are two events ("broke out", "was put out").
    out = _rep("c", "2025-06-03", "The eruption buried the harbour", verb="bury",
               subject="eruption", obj="harbour")
    assert match.evidence(sent, out, "near") == 0


def test_the_words_of_one_name_are_one_word_in_common() -> None:
    # "Red Crescent" in both sentences is one thing in common, not two words beside the act.
    shot = _rep("a", "2025-07-01", "Omar Vell shot a guard at the depot", verb="shoot",
                subject="omar vell", obj="guard", people=("Omar Vell",),
                lemmas=("shoot", "guard", "depot", "red", "crescent", "omar", "vell"))
    crossed = _rep("b", "2025-07-01", "Lina Sorr is thought to have crossed the border",
                   verb="think", subject="lina sorr", obj="partner",
                   people=("Lina Sorr", "Omar Vell"), organizations=("Red Crescent",),
                   lemmas=("think", "cross", "border", "partner", "red", "crescent", "vell"))
    assert match.evidence(shot, crossed, "agree") == 0


def test_two_deeds_done_to_one_named_thing_a_day_apart_are_one_disagreement() -> None:
    took = _rep("a", "2025-08-04", "Harbour police took Mr. Ivo Darrant into custody",
                verb="take", subject="police", obj="darrant", people=("Ivo Darrant",))
    held = _rep("b", "2025-08-05", "Mr Darrant was arrested at his flat", verb="arrest",
                subject="mr", obj="darrant", people=("Ivo Darrant",))
    assert match.evidence(took, held, "near") > 0
    # A state is no deed ("was in Lisbon" and "reached Lisbon"), and other doers are other
    # deeds ("the court freed Darrant" the next day).
    was = _rep("c", "2025-08-04", "The envoy had been in Lisbon", verb="be", subject="envoy",
               obj="lisbon", places=("Lisbon",))
    reached = _rep("d", "2025-08-05", "The convoy reached Lisbon", verb="reach",
                   subject="convoy", obj="lisbon", places=("Lisbon",))
    assert match.evidence(was, reached, "near") == 0
    freed = _rep("e", "2025-08-05", "A magistrate freed Darrant on bail", verb="free",
                 subject="magistrate", obj="darrant")
    assert match.evidence(took, freed, "near") == 0


def test_the_start_and_the_end_of_a_happening_a_day_apart_stay_two() -> None:
    began = _rep("a", "2025-06-02", "The summit began with talks on trade", verb="begin",
                 subject="summit", obj="talk")
    ended = _rep("b", "2025-06-03", "The summit ended", verb="end", subject="summit")
    assert match.evidence(began, ended, "near") == 0
    # Saying what the happening was is still the happening itself.
    was = _rep("c", "2025-06-03", "The summit was the longest in years", verb="be",
               subject="summit")
    assert match.evidence(ended, was, "near") == 0
    told = _rep("d", "2025-06-03", "The summit drew forty leaders", verb="draw",
                subject="summit", obj="leader")
    assert match.evidence(told, _rep("e", "2025-06-02", "The summit was a first",
                                     verb="be", subject="summit"), "near") > 0


def test_a_deed_told_as_the_background_of_another_stays_two() -> None:
    arrest = _rep("a", "2025-07", "Ann Lee was arrested in the days after the Daily Post was "
                  "shut down over hacked phones", verb="arrest", subject="lee",
                  people=("Ann Lee",), organizations=("Daily Post",))
    closed = _rep("b", "2025-07", "The Daily Post was closed amid fury over hacked phones",
                  verb="close", subject="post", obj="daily post",
                  organizations=("Daily Post",))
    assert match.evidence(arrest, closed, "agree") == 0
    # A participant of both acts is the happening itself, not its background.
    recovering = _rep("c", "2025-07", "Corvex is recovering from a failed test flight",
                      verb="recover", subject="corvex", obj="flight",
                      organizations=("Corvex",))
    failed = _rep("d", "2025-07", "The test flight failed to reach orbit", verb="fail",
                  subject="flight")
    assert match.evidence(recovering, failed, "agree") > 0


def test_a_pronoun_that_only_was_says_nothing_of_the_event() -> None:
    mourning = _rep("a", "2025-08-04", "Governor Tom Hale announced two days of public "
                    "mourning", verb="announce", subject="tom hale", obj="days",
                    people=("Tom Hale",))
    over = _rep("b", "2025-08-04", "Governor Tom Hale said it was over, declaring public "
                "mourning", verb="be", subject="it", people=("Tom Hale",))
    assert match.evidence(mourning, over, "agree") == 0
