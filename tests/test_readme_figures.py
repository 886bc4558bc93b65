"""Every figure the README gives from the benchmarks is the one bench/RESULTS.md
holds: a sentence that cites "(bench/RESULTS.md, section N)" may only state
numbers that section holds, and no timing in milliseconds goes uncited."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"\(?bench/RESULTS\.md, section (\d+)\)?")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-Z(`\"„])")
# A number standing alone, not part of a name such as "bootstrap5" or "h2".
NUMBER = re.compile(
    r"(?<![A-Za-z\d_.])(?:\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+(?:\.\d+)?)(?![A-Za-z_])"
)


def prose(markdown: str) -> list[str]:
    """The README's paragraphs and list items, without code blocks and tables."""
    text = re.sub(r"```.*?```", "", markdown, flags=re.S)
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("|")]
    return [
        " ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=- )", "\n".join(lines))
    ]


def numbers(text: str) -> set[str]:
    found = set()
    text = re.sub(r"`[^`]*`|\[[^\]]*\]\([^)]*\)", " ", text)  # code, links
    for number in NUMBER.findall(text):
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number):
            number = re.sub(r"[.,]", "", number)  # 100,000 and 2.000 alike
        found.add(number)
    return found


def sections() -> dict[str, str]:
    results = (ROOT / "bench" / "RESULTS.md").read_text()
    parts = re.split(r"^## (\d+)\. ", results, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def cited_sentences():
    readme = (ROOT / "README.md").read_text()
    for paragraph in prose(readme):
        for sentence in SENTENCE_END.split(paragraph):
            for match in CITATION.finditer(sentence):
                yield match[1], CITATION.sub("", sentence)


def test_every_cited_figure_is_in_its_section_of_the_results():
    results = sections()
    cited = list(cited_sentences())
    assert len(cited) >= 6
    for section, sentence in cited:
        missing = numbers(sentence) - numbers(results[section])
        assert not missing, f"section {section} lacks {missing}: {sentence}"


def test_no_timing_in_the_readme_goes_uncited():
    readme = (ROOT / "README.md").read_text()
    for paragraph in prose(readme):
        for sentence in SENTENCE_END.split(paragraph):
            if re.search(r"\d ms\b|reports a second", sentence):
                assert CITATION.search(sentence), sentence


def test_the_readme_describes_no_lock_file_that_is_gone():
    readme = (ROOT / "README.md").read_text()
    assert "lock file" not in readme
    assert not (ROOT / "newsroom" / "sqlite").exists()
