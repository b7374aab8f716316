"""Who and where: one entity listed once, whichever way each outlet names it."""

from __future__ import annotations

from parallax.dossier.entities import story_entities
from parallax.model import AnnotatedArticle, Annotations, Article, Mention


def _item(id: str, *names: tuple[str, str]) -> AnnotatedArticle:
    mentions = [Mention(text=name, label=label, canonical=name, sentence=0) for name, label in names]
    annotations = Annotations(sentences=[], entities=mentions, times=[], figures=[], terms={}, quotes=[])
    return AnnotatedArticle(article=Article(id=id, source=id, title=None, body=["x"]), annotations=annotations)


def _listed(*items: AnnotatedArticle) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.type, e.articles) for e in story_entities(list(items))}


def test_a_country_written_three_ways_is_one_place():
    listed = _listed(_item("a", ("U.S.", "GPE")), _item("b", ("US", "GPE")), _item("c", ("United States", "GPE")))
    assert listed == {"United States": ("place", ["a", "b", "c"])}


def test_initials_skip_minor_words():
    listed = _listed(_item("a", ("Democratic Republic of the Congo", "GPE")), _item("b", ("Democratic Republic of Congo", "GPE")),
                     _item("c", ("DRC", "GPE")))
    assert listed == {"Democratic Republic of the Congo": ("place", ["a", "b", "c"])}


def test_a_person_with_and_without_middle_initial_or_surname_particle():
    listed = _listed(_item("a", ("Peter A. Cahill", "PERSON"), ("Bashar al-Assad", "PERSON")),
                     _item("b", ("Peter Cahill", "PERSON"), ("Assad", "PERSON")),
                     _item("c", ("Peter Cahill", "PERSON")))
    # The most reported of two full forms names the person.
    assert listed == {"Peter Cahill": ("person", ["a", "b", "c"]), "Bashar al-Assad": ("person", ["a", "b"])}


def test_transliterations_of_a_full_name_are_one_person_but_not_of_a_surname_alone():
    listed = _listed(_item("a", ("Mohammed Mursi", "PERSON"), ("Iran", "GPE")),
                     _item("b", ("Mohammed Morsi", "PERSON"), ("Iraq", "GPE")),
                     _item("c", ("Mohammed Mursi", "PERSON")))
    assert listed == {"Mohammed Mursi": ("person", ["a", "b", "c"]), "Iran": ("place", ["a"]), "Iraq": ("place", ["b"])}


def test_a_surname_joins_the_most_reported_of_two_people_and_does_not_merge_them():
    listed = _listed(_item("a", ("George Floyd", "PERSON"), ("Terrence Floyd", "PERSON")),
                     _item("b", ("George Floyd", "PERSON")), _item("c", ("Floyd", "PERSON")))
    assert listed == {"George Floyd": ("person", ["a", "b", "c"]), "Terrence Floyd": ("person", ["a"])}


def test_a_place_is_not_the_larger_place_it_ends_like():
    listed = _listed(_item("a", ("South Sudan", "GPE")), _item("b", ("Sudan", "GPE")), _item("c", ("West Africa", "LOC"), ("Africa", "LOC")))
    assert set(listed) == {"South Sudan", "Sudan", "West Africa", "Africa"}


def test_an_organisation_is_its_trailing_words_and_one_name_takes_the_type_most_articles_give():
    listed = _listed(_item("a", ("US Justice Department", "ORG"), ("Emma Stone", "PERSON")),
                     _item("b", ("Justice Department", "ORG"), ("Emma Stone", "ORG")), _item("c", ("Emma Stone", "PERSON")))
    assert listed == {"US Justice Department": ("organisation", ["a", "b"]), "Emma Stone": ("person", ["a", "b", "c"])}


def test_a_given_name_and_family_name_lead_a_fuller_name_but_a_parsed_score_is_no_name():
    listed = _listed(_item("a", ("Tedros Adhanom Ghebreyesus", "PERSON"), ("Manchester United 2-0", "PERSON")),
                     _item("b", ("Tedros Adhanom", "PERSON"), ("Manchester United", "PERSON")))
    # The score is left off the parsed name (``_plain``), which then is the club's.
    assert set(listed) == {"Tedros Adhanom Ghebreyesus", "Manchester United"}
    assert listed["Tedros Adhanom Ghebreyesus"] == ("person", ["a", "b"]) and listed["Manchester United"] == ("person", ["a", "b"])


def test_a_surname_joins_the_more_reported_name_not_the_longer_parse():
    listed = _listed(_item("a", ("Lionel Messi", "PERSON"), ("Guardiola dubbed Messi", "PERSON")),
                     _item("b", ("Lionel Messi", "PERSON")), _item("c", ("Messi", "PERSON")))
    assert listed["Lionel Messi"] == ("person", ["a", "b", "c"])


def test_a_dateline_in_capitals_does_not_name_the_place():
    listed = _listed(_item("a", ("ROME", "GPE")), _item("b", ("ROME", "GPE")), _item("c", ("Rome", "GPE")))
    assert listed == {"Rome": ("place", ["a", "b", "c"])}


def test_names_without_a_letter_or_digit_are_left_out_not_an_error():
    # A stored record written by another version may carry any string as a name.
    listed = _listed(_item("a", (" ", "PERSON"), ("", "GPE"), ("...", "ORG"), ("U.S.A.", "GPE"), ("United States of America", "GPE")))
    assert listed == {"United States of America": ("place", ["a"])}


def test_a_given_name_alone_is_the_one_full_name_it_starts_and_a_handle_is_its_name():
    listed = _listed(_item("a", ("Tedros Adhanom Ghebreyesus", "PERSON"), ("WHO", "ORG")), _item("b", ("Tedros", "PERSON"), ("@WHO", "ORG")))
    assert listed == {"Tedros Adhanom Ghebreyesus": ("person", ["a", "b"]), "WHO": ("organisation", ["a", "b"])}
    # Two fuller names start so: the given name alone could be either, and stays apart.
    listed = _listed(_item("a", ("Joe Biden", "PERSON"), ("Joe Manchin", "PERSON")), _item("b", ("Joe", "PERSON")))
    assert set(listed) == {"Joe Biden", "Joe Manchin", "Joe"}


def test_a_name_is_not_folded_into_a_span_the_parser_ran_over_two_names_or_a_phrase():
    listed = _listed(_item("a", ("CBS All Access, Disney", "ORG"), ("a White House", "ORG"), ("Apple’s MacBook", "ORG")),
                     _item("b", ("Disney", "ORG"), ("White House", "ORG"), ("MacBook", "ORG")))
    assert {"Disney", "White House", "MacBook"} <= set(listed)


def test_a_surname_the_parser_calls_an_organisation_is_the_person_named_in_full():
    listed = _listed(_item("a", ("Peter Cahill", "PERSON"), ("Cahill", "ORG")), _item("b", ("Peter Cahill", "PERSON"), ("Cahill", "ORG")),
                     _item("c", ("Sarah Palin", "PERSON"), ("Palin", "GPE")), _item("d", ("Palin", "GPE")))
    # Palin is named alone in more articles (c, d) than in full (c): it may be a place of its own.
    assert listed == {"Peter Cahill": ("person", ["a", "b"]), "Palin": ("place", ["c", "d"]), "Sarah Palin": ("person", ["c"])}


def test_a_word_named_alone_more_widely_than_a_mislabelled_person_ending_with_it_keeps_its_type():
    # The parser's "Banda Aceh" (a city) as a person must not take the province with it.
    listed = _listed(_item("a", ("Banda Aceh", "PERSON"), ("Aceh", "GPE")), _item("b", ("Aceh", "GPE")), _item("c", ("Aceh", "GPE")))
    assert listed["Aceh"] == ("place", ["a", "b", "c"])


def test_a_datelines_capitals_name_what_the_text_names_in_its_own_case():
    listed = _listed(_item("a", ("HELSINKI", "ORG"), ("Helsinki", "GPE")), _item("b", ("Helsinki", "GPE")), _item("c", ("US", "GPE"), ("Us", "ORG")))
    assert listed["Helsinki"] == ("place", ["a", "b"]) and "HELSINKI" not in listed
    assert listed["US"] == ("place", ["c"])  # initials are no dateline


def test_a_score_run_into_a_name_is_left_off_and_a_phrase_in_lower_case_is_no_name():
    listed = _listed(_item("a", ("Manchester United 2-0", "ORG"), ("headphone jack", "ORG")), _item("b", ("Manchester United", "ORG"), ("n’t", "GPE")))
    assert listed == {"Manchester United": ("organisation", ["a", "b"])}


def test_a_surname_named_alone_more_widely_is_still_the_person_when_the_parser_says_so_often_enough():
    listed = _listed(_item("a", ("Donald Trump", "PERSON"), ("Trump", "ORG")), _item("b", ("Donald Trump", "PERSON"), ("Trump", "ORG")),
                     _item("c", ("Trump", "PERSON")))
    assert listed == {"Donald Trump": ("person", ["a", "b", "c"])}
