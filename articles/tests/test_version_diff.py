"""The versions page: a diff in the article's shape, with a summary line."""

import pytest
from django.test.html import parse_html
from django.utils import translation

from articles.markdown import render_markdown
from articles.services import article_save
from articles.version_diff import compare_versions

pytestmark = pytest.mark.django_db

PARAGRAPHS = [f"Unveränderter Absatz Nummer {n} mit etwas Text." for n in range(1, 13)]


def body(*blocks: str) -> str:
    return "\n\n".join(blocks)


def diff_of(client, article) -> tuple[str, str]:
    response = client.get(f"/artikel/{article.slug}/versionen/")
    assert response.status_code == 200
    return response.context["summary"], response.context["diff"]


def versions(old: tuple, new: tuple):
    """Compare (headline, lead, Markdown body, pictures' texts) as saved."""
    return compare_versions(
        (old[0], old[1], render_markdown(old[2]), old[3]),
        (new[0], new[1], render_markdown(new[2]), new[3]),
    )


def count(html: str, fragment: str) -> int:
    return parse_html(html).count(parse_html(fragment))


def test_one_word_changed_keeps_the_shape_and_folds_the_rest(client, make_article):
    before = body(
        "## Die Lage",
        "Erster Absatz.",
        "- Punkt eins\n- Punkt zwei",
        "Es waren 8000 Soldaten in Kursk.",
        *PARAGRAPHS,
    )
    article = make_article(body=before)
    article.body = before.replace("8000", "10.000")
    article_save(article)
    summary, diff = diff_of(client, article)
    assert summary == "1 Wort geändert in Absatz 2"
    # Before the change: headline, lead, subheading, a paragraph, the list.
    assert (
        count(
            diff,
            "<details class='diff-same'><summary>… 6 unveränderte Absätze …</summary>"
            f"<p class='diff-title'>{article.title}</p>"
            f"<p class='diff-lead'>{article.lead}</p>"
            "<h3>Die Lage</h3><p>Erster Absatz.</p>"
            "<ul><li>Punkt eins</li><li>Punkt zwei</li></ul></details>",
        )
        == 1
    )
    # The changed paragraph is a paragraph, in the older and the newer column
    # (on phones the first is shown alone, with both marks: inline).
    paragraph = (
        "<p>Es waren <del><span class='visually-hidden'>gestrichen: </span>8000"
        "<span class='visually-hidden'> Ende der Streichung</span></del> "
        "<ins><span class='visually-hidden'>eingefügt: </span>10.000"
        "<span class='visually-hidden'> Ende der Einfügung</span></ins> "
        "Soldaten in Kursk.</p>"
    )
    assert count(diff, paragraph) == 2
    assert (
        count(
            diff,
            "<div class='diff-old'><p class='diff-side-label'>Fassung 1</p>"
            f"{paragraph}</div>",
        )
        == 1
    )
    assert (
        count(
            diff,
            "<div class='diff-new'><p class='diff-side-label'>Fassung 2</p>"
            f"{paragraph}</div>",
        )
        == 1
    )
    assert "… 12 unveränderte Absätze …" in diff


def test_headline_and_lead_changes_come_first_in_the_summary(client, make_article):
    article = make_article(
        title="Alte Überschrift", lead="Ein kurzer Vorspann.", body=body(*PARAGRAPHS)
    )
    article.title = "Neue Überschrift"
    article.lead = "Ein langer, genauer Vorspann."
    article.body = body("Ein neuer erster Absatz.", *PARAGRAPHS[:-1])
    article_save(article)
    summary, diff = diff_of(client, article)
    assert summary == (
        "Überschrift geändert; 2 Wörter geändert im Vorspann; "
        "Absatz 1 hinzugefügt; Absatz 12 entfernt"
    )
    assert diff.index("diff-title") < diff.index("diff-lead") < diff.index("neuer")
    assert 'class="diff-change is-added"' in diff
    assert 'class="diff-change is-removed"' in diff


def test_a_single_unchanged_block_is_shown_not_folded():
    old = ("T", "L", body("Eins alt.", "Mitte.", "Drei alt."), "")
    new = ("T", "L", body("Eins neu.", "Mitte.", "Drei neu."), "")
    diff = versions(old, new).as_html("Version 1", "Version 2")
    assert '<div class="diff-same"><p>Mitte.</p></div>' in diff


def test_the_diff_is_escaped_like_the_article(client, make_article):
    article = make_article(body="Vorher <script>alert(1)</script> & [x](javascript:y)")
    article.body = "Nachher <script>alert(1)</script> & [x](javascript:y)"
    article_save(article)
    _, diff = diff_of(client, article)
    assert "<script" not in diff
    assert "&lt;script&gt;" in diff
    assert 'href="javascript' not in diff


def test_unchanged_blocks_keep_their_formatting(client, make_article):
    article = make_article(
        body=body("Mit **fett** und [Link](https://example.org).", "Alt.")
    )
    article.body = body("Mit **fett** und [Link](https://example.org).", "Neu.")
    article_save(article)
    _, diff = diff_of(client, article)
    assert "<strong>fett</strong>" in diff
    assert 'href="https://example.org"' in diff


def test_many_changes_are_counted_after_the_first_four():
    old = ("T", "L", body(*(f"Absatz {n} alt." for n in range(8))), "")
    new = ("T", "L", body(*(f"Absatz {n} neu." for n in range(8))), "")
    with translation.override("en"):
        summary = versions(old, new).summary()
    assert summary.endswith("; 4 more changes")
    assert summary.startswith("1 word changed in paragraph 1;")


def test_picture_texts_are_compared_too():
    old = ("T", "L", "Text.", "Ein Panzer bei Kursk. Foto: A")
    new = ("T", "L", "Text.", "Ein Panzer bei Sudscha. Foto: A")
    assert versions(old, new).summary() == "1 Wort geändert in Bildtext 1"


def test_nothing_but_formatting_changed_says_so(client, make_article):
    article = make_article(body="Ein Absatz.")
    article.body = "Ein Absatz. Und noch einer."
    article_save(article)
    response = client.get(f"/artikel/{article.slug}/versionen/?from=2&to=2")
    assert response.context["diff"] is None


def test_rules_pictures_and_quotes_keep_their_place():
    old = (
        "T",
        "L",
        body("Eins.", "---", "> Ein Zitat, alt.", "![](bild:1)", "Zwei."),
        "",
    )
    new = (
        "T",
        "L",
        body("Eins.", "---", "> Ein Zitat, neu.", "![](bild:1)", "Zwei."),
        "",
    )
    comparison = versions(old, new)
    assert comparison.summary() == "1 Wort geändert in Zitat 1"
    html = comparison.as_html("Fassung 1", "Fassung 2")
    assert count(html, "<p>Zwei.</p>") == 1
    assert "<blockquote>" in html


def test_an_attribute_cannot_break_out_of_an_unchanged_block():
    link = '[x](https://example.org "a></p><b onclick=alert(1)>b")'
    old = ("T", "L", body(f"Mit {link}.", "Alt."), "")
    new = ("T", "L", body(f"Mit {link}.", "Neu."), "")
    html = versions(old, new).as_html("Fassung 1", "Fassung 2")
    assert "<b " not in html
    assert 'title="a&gt;&lt;/p&gt;&lt;b onclick=alert(1)&gt;b">x</a>.</p>' in html
