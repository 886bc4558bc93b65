"""The search page as readers use it: what it finds, what it never shows, and
how it treats whatever is typed into it."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.services import article_save
from correction_desk import services
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def found(client, query, url="/suche/", **parameters):
    """Headlines of the results, in order, and the page."""
    response = client.get(url, {"q": query, **parameters})
    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h3 class="teaser-title h5"><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles], html


def test_german_words_are_found_by_their_other_forms(client, make_article):
    make_article(title="Ein Soldat kehrt heim", body="Er war lange fort.")
    make_article(title="Termin beim Außenminister", body="Ein Treffen.")
    make_article(title="Wetter", body="Es regnet.")

    assert found(client, "Soldaten")[0] == ["Ein Soldat kehrt heim"]
    assert found(client, "aussenminister")[0] == ["Termin beim Außenminister"]
    assert found(client, "AUSSENMINISTERS")[0] == ["Termin beim Außenminister"]


def test_every_word_must_occur_and_headline_matches_rank_first(client, make_article):
    make_article(title="Kursk", body="Ein Bericht über die Lage an der Front.")
    make_article(title="Bericht", body="Aus Kursk: die Lage ist unklar.")
    make_article(title="Kursk im Winter", body="Kein Wort über die andere Sache.")

    titles, _ = found(client, "Kursk Lage")
    assert set(titles) == {"Kursk", "Bericht"}
    assert titles[0] == "Kursk"  # the headline holds one of the words


def test_results_mark_the_words_and_escape_the_text(client, make_article):
    make_article(
        title="Soldaten <b>kehren</b> heim",
        lead='<img src=x onerror="alert(1)"> Die Soldaten sind zurück.',
        body="Nichts weiter.",
    )
    _, html = found(client, "Soldat")
    assert "<mark>Soldaten</mark> &lt;b&gt;kehren&lt;/b&gt; heim" in html
    assert "onerror=&quot;alert(1)&quot;&gt; Die <mark>Soldaten</mark> sind" in html
    assert "<img src=x" not in html


def test_drafts_scheduled_articles_and_unpublished_notes_never_appear(
    client, make_article, editor, settings
):
    make_article(title="Entwurf über Kursk", status=Article.Status.DRAFT)
    soon = timezone.now() + timedelta(hours=2)
    make_article(title="Geplant über Kursk", published_at=soon)
    article = make_article(title="Wetterbericht", body="Sonne.")
    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    services.correction_publish(
        content=article, editor=editor, kind="correction",
        text="Kursk liegt in Russland.", reports=[],
    )  # fmt: skip

    assert found(client, "Kursk")[0] == []
    with time_machine.travel(soon + timedelta(minutes=1)):
        assert found(client, "Kursk")[0] == ["Geplant über Kursk"]


def test_a_published_note_is_found_and_links_to_itself(client, make_article, editor):
    article = make_article(title="Die Ernte", body="Es gab 300 Tonnen.")
    note = services.correction_publish(
        content=article, editor=editor, kind="correction",
        text="Es waren 30 Tonnen Weizen, nicht 300.", reports=[],
    )  # fmt: skip

    titles, html = found(client, "Weizen")
    assert titles == ["Die Ernte"]
    assert f'href="{article.get_absolute_url()}#korrektur-{note.pk}"' in html
    assert "Korrekturhinweis" in html

    services.note_withdraw(note=note, editor=editor, reason="Doch 300.")
    assert found(client, "Weizen")[0] == []


def test_section_and_date_filters(client, make_article, make_section):
    sport = make_section(name="Sport", slug="sport")
    now = timezone.now()
    make_article(title="Finale", body="Ein Tor.", section=sport)
    make_article(
        title="Tor zur Welt", body="Ein Hafen.", published_at=now - timedelta(days=40)
    )

    assert sorted(found(client, "Tor")[0]) == ["Finale", "Tor zur Welt"]
    assert found(client, "Tor", section="sport")[0] == ["Finale"]
    since = (now - timedelta(days=7)).date().isoformat()
    assert found(client, "Tor", **{"from": since})[0] == ["Finale"]
    until = (now - timedelta(days=30)).date().isoformat()
    assert found(client, "Tor", to=until)[0] == ["Tor zur Welt"]


def test_a_mistyped_period_is_explained_and_the_query_kept(client, make_article):
    make_article(title="Kursk", body="Text.")
    _, html = found(client, "Kursk")
    assert html.index('for="id_from"') < html.index('for="id_to"')  # Von, then Bis
    titles, html = found(client, "Kursk", **{"from": "31.02.2026"})
    assert titles == []
    # A date field shows no value it cannot read: the message repeats it.
    assert "„31.02.2026“: Bitte ein gültiges Datum eingeben." in html
    assert 'value="Kursk"' in html and 'value="31.02.2026"' in html

    _, html = found(client, "Kursk", **{"from": "2026-05-01", "to": "2026-04-01"})
    assert "Das Ende des Zeitraums darf nicht vor seinem Anfang liegen." in html


def test_results_come_in_pages(client, make_article):
    for n in range(12):
        make_article(title=f"Haushalt {n}", body="Zahlen.")
    first, html = found(client, "Haushalt")
    assert len(first) == 10 and "12 Treffer" in html
    assert 'rel="next" href="?q=Haushalt&amp;page=2"' in html
    second, html = found(client, "Haushalt", page=2)
    assert len(second) == 2 and not set(first) & set(second)
    assert 'rel="prev" href="?q=Haushalt"' in html
    assert client.get("/suche/", {"q": "Haushalt", "page": 3}).status_code == 404


def test_english_edition_searches_english_articles(client, make_article):
    make_article(title="How we correct our mistakes", language="en", body="Openly.")
    make_article(title="Fehler", body="Wie wir Fehler korrigieren.")

    assert found(client, "mistake", url="/en/search/")[0] == [
        "How we correct our mistakes"
    ]
    assert found(client, "mistakes")[0] == []
    assert found(client, "Fehlern")[0] == ["Fehler"]


HOSTILE = [
    '"', "'", '"Kursk', "Kursk*", "Kursk OR", "NOT Kursk", "Kursk AND OR NOT",
    "NEAR(Kursk Lage)", "title_terms:Kursk", "{title_terms}: Kursk", "^Kursk",
    "Kursk -Lage", "+Kursk", "(((", ")", "*", "'; DROP TABLE search_fts; --",
    "%", "_", "\\", "\x01\x02", "\t\r\n", "💥 Kursk", "ｋｕｒｓｋ", "Kursk" * 60,
    "a " * 150, "-" * 300, "<script>alert(1)</script>", "&lt;", "é" * 300,
]  # fmt: skip
# (Longer pastes: the fields take 300 characters, and a longer address gets the
# 414 page, tests/test_address_limits.py.)


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_words_and_never_an_error(client, make_article, query):
    make_article(title="Kursk", body="Die Lage in Kursk.")
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_syntax_is_read_as_words(client, make_article):
    make_article(title="Kursk", body="Die Lage in Kursk.")
    for query in ['"Kursk', "Kursk*", "^Kursk", "(Kursk)", "NOT Kursk", "Kursk -Lage"]:
        titles, _ = found(client, query)
        assert titles == (["Kursk"] if query != "NOT Kursk" else []), query
    # "NOT" is a word to look for like any other, not an operator.
    make_article(title="Kursk: NOT", body="Ein Zitat: not.")
    assert found(client, "NOT Kursk")[0] == ["Kursk: NOT"]


def test_a_very_long_query_is_cut_and_says_so(client, make_article):
    make_article(title="Kursk", body="Text.")
    titles, html = found(client, "Kursk " + "x" * 294)  # all a field takes
    assert titles == []  # the rest of the query counts as one more word
    assert "nur nach ihren ersten 200 Zeichen" in html


def test_the_index_follows_saves_in_their_transaction(client, make_article):
    article = make_article(title="Alter Titel", body="Text.")
    article.title = "Neuer Titel"
    article_save(article)
    assert found(client, "Neuer")[0] == ["Neuer Titel"]
    assert found(client, "Alter")[0] == []

    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "Verworfen"
        article_save(article)
        raise RuntimeError
    assert not SearchDocument.objects.filter(title="Verworfen").exists()

    article.status = Article.Status.DRAFT
    article_save(article)
    assert found(client, "Neuer")[0] == []


def test_rebuild_command_restores_the_index(make_article, client):
    make_article(title="Kursk", body="Text.")
    SearchDocument.objects.all().delete()
    assert found(client, "Kursk")[0] == []

    from io import StringIO

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Der Suchindex enthält jetzt 1 Eintrag." in out.getvalue()
    assert found(client, "Kursk")[0] == ["Kursk"]


def test_result_pages_are_cached_for_anonymous_readers_and_purged(client, make_article):
    make_article(title="Kursk", body="Text.")
    first = client.get("/suche/", {"q": "Kursk"})
    assert "public" in first["Cache-Control"]
    assert {"front", "corrections-log"} <= set(first["xkey"].split())

    make_article(title="Kursk im Winter", body="Schnee.")
    assert sorted(found(client, "Kursk")[0]) == ["Kursk", "Kursk im Winter"]


def test_a_null_character_is_refused_as_everywhere(client, make_article):
    response = client.get("/suche/", {"q": "Kursk\x00"})
    assert response.status_code == 400


def test_a_fixed_number_of_queries_however_many_results(
    client, make_article, django_assert_num_queries
):
    """Sections, when the next entry goes live, the hits, their entries with
    article and section; and their count when there may be more than a page."""
    make_article(title="Haushalt", body="Zahlen.")
    with django_assert_num_queries(4):
        client.get("/suche/", {"q": "Haushalt"})
    for n in range(25):
        make_article(title=f"Haushalt {n}", body="Zahlen.")
    with django_assert_num_queries(5):
        client.get("/suche/", {"q": "Haushalt", "page": 2})


def test_periods_become_the_exact_days_they_cover():
    import random
    from datetime import date

    from search.tags import period_tags

    def days_of(tag):
        digits = tag[1:]
        if tag[0] == "y":
            start, end = date(int(digits), 1, 1), date(int(digits), 12, 31)
        elif tag[0] == "m":
            year, month = int(digits[:4]), int(digits[4:])
            start = date(year, month, 1)
            end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        else:
            start = end = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        return {start + timedelta(days=n) for n in range((end - start).days + 1)}

    chance = random.Random(3)
    for _ in range(200):
        since = date(2020, 1, 1) + timedelta(days=chance.randrange(2000))
        until = since + timedelta(days=chance.randrange(900))
        covered = set().union(*(days_of(tag) for tag in period_tags(since, until)))
        wanted = {since + timedelta(days=n) for n in range((until - since).days + 1)}
        assert covered == wanted, (since, until)
        assert len(period_tags(since, until)) <= 62 + 22 + 3


def test_a_scheduled_article_is_not_counted(client, make_article):
    for n in range(11):
        make_article(title=f"Haushalt {n}", body="Zahlen.")
    make_article(
        title="Haushalt geplant", published_at=timezone.now() + timedelta(days=1)
    )
    titles, html = found(client, "Haushalt")
    assert "11 Treffer" in html and "Haushalt geplant" not in titles
