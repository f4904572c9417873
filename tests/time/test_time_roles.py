"""Page stamps are left out of the time mentions; dates of procedures (arrests,
statements) are told apart from dates of happenings."""
import datetime as dt

import pytest

from newsweave.records import Article
from newsweave.time.find import find_times, is_birth_date, is_page_stamp, procedure_head
from newsweave.time.lexicon import load_lexicon


def _stamp(text: str, expr: str, relative: bool = False) -> bool:
    s = text.index(expr)
    return is_page_stamp(text, s, s + len(expr), relative)


@pytest.mark.parametrize("text,expr", [
    ("JAY COUNTY, Ind. (Nov. 18, 2015)- A 15-year-old boy was shot.", "Nov. 18, 2015"),
    ("Posted: Friday, March 7, 2014 7:14 PM EST\nUpdated", "Friday, March 7, 2014"),
    ("By Staff in News | June 20, 2016 at 5:09PM\n\nA man was shot.", "June 20, 2016"),
    ("City Briefs\n\n3/7/2017\n\nA man was shot.", "3/7/2017"),
    ("Updated on Monday\nA man was shot.", "Monday"),
    ("Chaos at the motel pic.twitter.com/PUXKMEvw2z \u2014 WIBW News (@WIBWNews) April 24, 2016\n", "April 24, 2016"),
    ("Related Articles January 9, 2017 Man dead after shootout with guards outside strip club Sandoval fired", "January 9, 2017"),
])
def test_time_page_stamp_detected(text, expr):
    assert _stamp(text, expr, relative=expr == "Monday")


@pytest.mark.parametrize("text,expr,relative", [
    ("The shooting happened on June 20, 2016 at the park.", "June 20, 2016", False),
    ("He was shot (on Sunday) at the park.", "Sunday", True),
    ("The trial began March 3, 2015 in court.", "March 3, 2015", False),
    ("Police (@CityPD) said the man was shot on April 24, 2016 at the motel.", "April 24, 2016", False),
    ("Related coverage of the trial began January 9, 2017 in court.", "January 9, 2017", False),
])
def test_time_page_stamp_not_text_dates(text, expr, relative):
    assert not _stamp(text, expr, relative)


def test_time_procedure_verbs_loaded():
    forms = load_lexicon().procedure_verbs
    assert {"said", "arrested", "charged", "acquitted", "told"} <= forms
    assert "shot" not in forms and "killed" not in forms


def _head(nlp, text: str, expr: str):
    doc = nlp(text)
    i = text.index(expr)
    span = doc.char_span(i, i + len(expr), alignment_mode="expand")
    head = procedure_head(span.root, load_lexicon().procedure_verbs)
    return head.text if head is not None else None


@pytest.mark.model
def test_time_procedure_head(nlp):
    assert _head(nlp, "A 16-year-old boy was arrested early Tuesday after he killed a friend.", "early Tuesday") == "arrested"
    assert _head(nlp, "The man was shot Sunday night, police said Monday.", "Monday") == "said"
    assert _head(nlp, "The man was shot Sunday night, police said Monday.", "Sunday night") is None
    assert _head(nlp, "Police identified the victim of Thursday's homicide.", "Thursday") is None


@pytest.mark.model
def test_time_find_times_roles_and_stamps(nlp):
    text = "Posted: Monday, June 28, 2021\n\nA man was arrested Sunday in the shooting of a teen on Friday, police said."
    art = Article(id="d1", source="t", text=text, published=dt.date(2021, 6, 28))
    got = {t.span.text: t for t in find_times(nlp(art.masked), art)}
    assert "Monday, June 28, 2021" not in got
    assert got["Sunday"].role == "procedure" and got["Sunday"].value.start == dt.date(2021, 6, 27)
    assert got["Friday"].role is None and got["Friday"].value.start == dt.date(2021, 6, 25)


@pytest.mark.model
def test_time_procedure_head_custody(nlp):
    text = "Tony Smith was taken into custody on Thursday and charged with murder."
    assert _head(nlp, text, "Thursday") == "taken"


@pytest.mark.parametrize("text,expr,head", [
    ("The suspect turned himself in to the Dawson County Jail on Thursday, Jan. 12.", "Thursday, Jan. 12", "turned"),
    ("He turned himself in Thursday.", "Thursday", "turned"),
    # "turn in" without a reflexive is no surrender; "turn" alone is no procedure
    ("A man was shot Thursday after he turned in his homework.", "Thursday", None),
    ("The car turned onto Main Street on Thursday.", "Thursday", None),
])
def test_time_procedure_head_surrender(nlp, text, expr, head):
    assert _head(nlp, text, expr) == head


@pytest.mark.parametrize("text,expr,role", [
    # a clock time after a verb of saying dates what is said
    ("Police said around 7 p.m. on Tuesday the man drove to the neighborhood and opened fire.",
     "around 7 p.m. on Tuesday", None),
    ("Investigators say around 7:30 a.m. Friday, Jojo and his father were shot inside the home.",
     "around 7:30 a.m. Friday", None),
    # a day alone after it dates the saying; a clock time after an arrest dates the arrest
    ("Police said Tuesday that the man drove to the neighborhood.", "Tuesday", "procedure"),
    ("The man was arrested at 7 p.m. Tuesday.", "at 7 p.m. Tuesday", "procedure"),
])
def test_time_clock_time_after_a_verb_of_saying_dates_what_is_said(nlp, text, expr, role):
    assert _roles(nlp, text)[expr] == role


def _roles(nlp, text: str) -> dict:
    article = Article(id="x", source="x", text=text, published=dt.date(2017, 3, 29))
    return {m.span.text: m.role for m in find_times(nlp(article.masked), article)}


@pytest.mark.parametrize("text,expr,role", [
    # a day that qualifies what follows a crime dates that, not the shooting
    ("The three men suffered multiple gunshot wounds, the sheriff said at a Monday morning news conference.",
     "Monday morning", "procedure"),
    ("Friends gathered at Tuesday's vigil for the boy.", "Tuesday", "procedure"),
    # one that qualifies the shooting dates it
    ("Saturday's shooting left two dead.", "Saturday", None),
])
def test_time_a_day_of_a_news_conference_or_a_vigil_is_a_procedure(nlp, text, expr, role):
    article = Article(id="x", source="x", text=text, published=dt.date(2016, 10, 4))
    roles = {m.span.text: m.role for m in find_times(nlp(article.masked), article)}
    assert roles[expr] == role


def test_time_year_naming_a_thing_is_not_a_time():
    from newsweave.time.find import is_year_modifier

    text = "He wants to return to the 2015 nuclear deal. In 2015, a man was shot. Its 2019 report said so."
    first = text.index("2015")
    second = text.index("2015", first + 1)
    third = text.index("2019")
    assert is_year_modifier(text, first, first + 4)
    assert not is_year_modifier(text, second, second + 4)
    assert is_year_modifier(text, third, third + 4)


@pytest.mark.model
def test_time_procedure_head_opening_the_sentence(nlp):
    text = "On Monday, police said the shooting was possibly gang-related."
    assert _head(nlp, text, "Monday") == "said"
    # a day before the reported clause's own verb still dates that verb
    assert _head(nlp, "A teenager was shot in the leg Sunday night, police said.", "Sunday night") is None


@pytest.mark.model
def test_time_state_of_the_investigation_is_a_procedure(nlp):
    assert _head(nlp, "The search for two gunmen continued Wednesday in the fatal shooting of a girl.", "Wednesday") == "continued"
    assert "remained" in load_lexicon().procedure_verbs


@pytest.mark.model
def test_time_procedure_head_after_a_subject_with_its_own_clause(nlp):
    # the parser hangs "Sunday" on "said"; it closes the clause inside the subject
    text = ("The family of a 2-month-old girl shot during a road-rage incident Sunday said "
            "the bullet just missed the baby's spinal column.")
    assert _head(nlp, text, "Sunday") is None
    # a plain subject: the day of the statement
    assert _head(nlp, "The family of the girl Sunday said the bullet just missed her spine.", "Sunday") == "said"


@pytest.mark.parametrize("text,expr,birth", [
    ("SILK, BRYANT SCOTT Date of Birth: 01/6/1992 Negligent Homicide", "01/6/1992", True),
    ("Suspect: John Doe, DOB: 3/4/1988, charged with murder.", "3/4/1988", True),
    ("Smith, who was born on May 2, 1990, died at the scene.", "May 2, 1990", True),
    ("Smith was shot and killed on May 2, 2016, police said.", "May 2, 2016", False),
])
def test_time_birth_date_dates_no_happening(text, expr, birth):
    assert is_birth_date(text, text.index(expr)) is birth


@pytest.mark.model
def test_time_house_number_not_joined_to_a_clock_time(nlp):
    text = "A man was shot early Sunday. The shooting happened around 3:30 a.m. at 1917 Prospect Ave. Police said."
    art = Article(id="d1", source="t", text=text, published=dt.date(2021, 6, 28))
    got = {t.span.text: t for t in find_times(nlp(art.masked), art)}
    assert not any("1917" in k for k in got), got
    assert got["early Sunday"].value.start == dt.date(2021, 6, 27)



@pytest.mark.model
def test_time_a_street_named_for_a_season_or_holiday_is_no_time(nlp):
    text = ("Four young people were shot at Brook and Winter streets on Friday night. "
            "Police were called to the 3100 block of Easter Avenue. The city is quiet in winter.")
    art = Article(id="d1", source="t", text=text, published=dt.date(2016, 6, 25))
    got = {t.span.text for t in find_times(nlp(art.masked), art)}
    assert "Winter" not in got and "Easter" not in got
    assert "Friday night" in got and "winter" in got


@pytest.mark.model
def test_time_a_verdict_is_a_procedure(nlp):
    text = ("Travontay Berry was sentenced after being found guilty on Feb. 19. "
            "He was found not guilty Wednesday afternoon of the other charge. A man was found shot Sunday.")
    art = Article(id="d1", source="t", text=text, published=dt.date(2014, 3, 31))
    got = {t.span.text: t.role for t in find_times(nlp(art.masked), art)}
    assert got["Feb. 19"] == "procedure" and got["Wednesday afternoon"] == "procedure"
    assert got["Sunday"] is None  # "found shot" is the shooting


@pytest.mark.model
def test_time_a_holiday_naming_a_party_is_no_date(nlp):
    text = ("Investigators say two men shot seven people during a private Christmas party early Saturday. "
            "A man was shot at a New Year's Eve party. Police patrolled on Christmas.")
    art = Article(id="d1", source="t", text=text, published=dt.date(2016, 12, 25))
    got = {t.span.text: t.value.start for t in find_times(nlp(art.masked), art)}
    assert "Christmas" in got and list(got).count("Christmas") == 1  # "on Christmas" still dates
    assert got["early Saturday"] == dt.date(2016, 12, 24)
    assert any("New Year" in k for k in got)  # "New Year's Eve" is a day, party or not
    spans = [t.span.start for t in find_times(nlp(art.masked), art) if t.span.text == "Christmas"]
    assert spans == [text.index("on Christmas") + 3]


@pytest.mark.model
def test_time_offset_beside_a_day_dates_what_follows_it(nlp):
    # "Thursday, three days after he was shot": the shooting was three days before
    text = ("Rohan Levy died Thursday, three days after he was shot on E. 55th St. "
            "It's June 16, four days after the Pulse nightclub massacre. "
            "Green was arrested Friday, the day after the shooting. "
            "The suspect fled. Two days later, police found the car.")
    art = Article(id="d2", source="t", text=text, published=dt.date(2016, 6, 28))
    got = {t.span.text: t.value.start for t in find_times(nlp(art.masked), art)}
    assert got["Thursday"] == dt.date(2016, 6, 23)
    assert got["three days after"] == dt.date(2016, 6, 20)
    assert got["four days after"] == dt.date(2016, 6, 12)
    assert got["the day after"] == dt.date(2016, 6, 23)
    # an offset with nothing set beside it still counts on from the last day named
    assert got["Two days later"] == dt.date(2016, 6, 26)


@pytest.mark.parametrize("text,expr,role", [
    # a court's step follows the happening by weeks or years
    ("Smith was convicted of assault on Jan. 14, 2015.", "Jan. 14, 2015", "court"),
    ("He was sentenced Tuesday to 20 years in prison.", "Tuesday", "court"),
    ("The man was arrested at 7 p.m. Tuesday.", "at 7 p.m. Tuesday", "procedure"),
])
def test_time_a_court_step_has_its_own_role(nlp, text, expr, role):
    assert _roles(nlp, text)[expr] == role


@pytest.mark.parametrize("text,expr,role", [
    # a day of a victim's state on the day of writing dates the state, not the shooting
    ("The girl was seriously injured early Wednesday, but police say her condition improved Thursday.",
     "Thursday", "procedure"),
    ("He was listed in stable condition Monday, police said.", "Monday", "procedure"),
    ("The girl was seriously injured early Wednesday, but police say her condition improved Thursday.",
     "early Wednesday", None),
])
def test_time_a_day_of_a_victims_state_is_no_day_of_the_shooting(nlp, text, expr, role):
    assert _roles(nlp, text)[expr] == role


@pytest.mark.model
@pytest.mark.parametrize("text,expr,role", [
    # a day the parser hangs on a noun that names no happening dates the clause
    ("A man was sentenced to two weeks in jail Tuesday for the shooting of his wife.", "Tuesday", "court"),
    # the day someone is due in court is a hearing's
    ("The two women accused of murdering a student are due in court on Wednesday.", "Wednesday", "court"),
    ("He is due back in court Friday.", "Friday", "court"),
    # the day of a search for a suspect is a procedure's
    ("Authorities were searching Wednesday for the person who shot and killed four people at a rural home.",
     "Wednesday", "procedure"),
])
def test_time_a_day_of_a_sentence_a_hearing_or_a_search_is_no_day_of_the_shooting(nlp, text, expr, role):
    assert _roles(nlp, text)[expr] == role
