"""Configuration files, their discovery, and the command line overriding them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixer.cli import cli
from fixer.discover import iter_targets

SPUN = "White platelets. Taking everything into account, lymph center points swell.\n"


def check(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    if result.exit_code == 2 and not result.stdout.startswith("{"):
        return 2, [], result.stderr
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [f["entry_id"] for f in findings], result.stderr


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "docs" / "deep" / "page.md").write_text(SPUN, encoding="utf-8")
    return tmp_path


def test_no_configuration(site: Path) -> None:
    code, ids, _ = check(str(site / "docs"))
    assert code == 1
    assert [i[:2] for i in ids] == ["AN", "GW", "AN"]


def test_pyproject_is_found_upward_and_ignores_entries(site: Path) -> None:
    (site / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.fixer]\nignore = ["AN0001", "general-wording"]\n',
        encoding="utf-8",
    )
    _, ids, _ = check(str(site / "docs" / "deep" / "page.md"))
    assert len(ids) == 1 and ids[0] != "AN0001"


def test_nearest_configuration_wins(site: Path) -> None:
    (site / "pyproject.toml").write_text('[tool.fixer]\nignore = ["FX001"]\n', encoding="utf-8")
    (site / "docs" / ".fixer.toml").write_text('select = ["FX002"]\n', encoding="utf-8")
    _, ids, _ = check(str(site / "docs" / "deep" / "page.md"))
    assert [i[:2] for i in ids] == ["GW"]


def test_command_line_overrides_configuration(site: Path) -> None:
    (site / ".fixer.toml").write_text('ignore = ["FX001"]\nfail-on = "error"\n', encoding="utf-8")
    page = str(site / "docs" / "deep" / "page.md")
    code, ids, _ = check(page)
    assert (code, [i[:2] for i in ids]) == (0, ["GW"])
    code, ids, _ = check("--ignore", "FX002", "--fail-on", "info", page)
    assert code == 1 and [i[:2] for i in ids] == ["AN", "AN"]
    assert len(check("--isolated", page)[1]) == 3


def test_min_severity_leaves_out_findings_below_it(site: Path) -> None:
    """As ``ignore`` would: "Taking everything into account" is info, the other two errors.
    The command line overrides the configuration, and ``fix`` leaves them unfixed too."""
    page = site / "docs" / "deep" / "page.md"
    (site / ".fixer.toml").write_text('min-severity = "warning"\n', encoding="utf-8")
    assert check(str(page))[:2] == (1, ["AN0001", "AN0003"])
    assert [i[:2] for i in check("--min-severity", "info", str(page))[1]] == ["AN", "GW", "AN"]
    assert check("--min-severity", "error", "--ignore", "anatomy", str(page))[:2] == (0, [])
    result = CliRunner().invoke(cli, ["fix", str(page)])
    assert result.exit_code == 1
    assert page.read_text(encoding="utf-8") == (
        "White blood cells. Taking everything into account, lymph nodes swell.\n"
    )


@pytest.mark.parametrize("level", ["info", "warning", "error"])
def test_min_severity_keeps_a_longer_reading_as_severe_as_what_it_completes(
    tmp_path: Path, level: str
) -> None:
    """ "fiery entrail ailment" reads as "inflammatory bowel disease", a reading that alone is
    a warning but completes the lexicon's error "entrail" (AN0388) and is reported as severe:
    no threshold at or below error may swap it for the shorter finding."""
    page = tmp_path / "page.md"
    page.write_text("She has fiery entrail ailment.\n", encoding="utf-8")
    assert check("--isolated", "--min-severity", level, str(page))[:2] == (
        1,
        ["REV:inflammatory-bowel-disease"],
    )


@pytest.mark.parametrize(
    ("option", "names", "prefixes"),
    [
        ("--select", "fx002", ["GW"]),
        ("--select", "Spinner-Wording", ["GW"]),
        ("--select", "LEXICON", ["AN", "GW", "AN"]),
        ("--ignore", "an0001,General-Wording", ["AN"]),
    ],
)
def test_selectors_are_read_in_any_case(
    site: Path, option: str, names: str, prefixes: list[str]
) -> None:
    _, ids, _ = check(option, names, str(site / "docs"))
    assert [i[:2] for i in ids] == prefixes


@pytest.mark.parametrize(
    ("option", "names", "unknown"),
    [
        ("--select", "FX01", "FX01"),
        ("--select", "FX001,anatomyy", "anatomyy"),
        ("--ignore", "DI9999", "DI9999"),  # the form of an entry id, but no entry has it
        ("--ignore", "ABBR:", "ABBR:"),
    ],
)
def test_an_unknown_selector_is_a_usage_error(
    site: Path, option: str, names: str, unknown: str
) -> None:
    """A name that matches nothing would let every check pass: a typo must not turn CI green."""
    code, _, stderr = check(option, names, str(site / "docs"))
    assert code == 2
    assert (
        f"Invalid value for '{option}': unknown rule, category, detector or entry id '{unknown}'"
        in stderr
    )


def test_entry_ids_of_user_lexicons_are_selectors(site: Path) -> None:
    (site / "house.tsv").write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "AN9001\tswell\tenlarge\tanatomy\twarning\tsafe\t\tuser:house style\tNodes swell.\n",
        encoding="utf-8",
    )
    page = str(site / "docs")
    assert check("--select", "an9001", "--lexicon", str(site / "house.tsv"), page)[1] == ["AN9001"]
    assert check("--select", "AN9001", page)[0] == 2


def test_allowlist_needs_a_reason(site: Path) -> None:
    (site / ".fixer.toml").write_text(
        '[[allow]]\nphrase = "white platelets"\nreason = "quoted from an 1890 text"\n',
        encoding="utf-8",
    )
    _, ids, _ = check(str(site / "docs"))
    assert "AN0001" not in ids and len(ids) == 2
    (site / ".fixer.toml").write_text('[[allow]]\nphrase = "white platelets"\n', encoding="utf-8")
    code, _, stderr = check(str(site / "docs"))
    assert code == 2
    assert ".fixer.toml: each 'allow' entry needs a phrase and a reason" in stderr
    (site / ".fixer.toml").write_text(
        '[[allow]]\nphrase = "white platelets"\nreason = "quoted"\nreasons = "typo"\n',
        encoding="utf-8",
    )
    code, _, stderr = check(str(site / "docs"))
    assert code == 2
    assert "unknown key 'reasons' in an 'allow' entry (known: phrase, reason)" in stderr


def test_options_read_their_values_in_any_case_and_isolated_takes_no_config(site: Path) -> None:
    """As ``--select`` does: ``--fail-on ERROR`` and ``--detectors Lexicon`` are read, and
    ``--isolated --config`` contradicts itself (ruff refuses it too)."""
    page = str(site / "docs")
    assert check("--fail-on", "ERROR", "--detectors", "Lexicon,ABBREVIATION", page)[0] == 1
    assert check("--min-severity", "Warning", page)[0] == 1
    (site / "other.toml").write_text("", encoding="utf-8")
    code, _, stderr = check("--isolated", "--config", str(site / "other.toml"), page)
    assert code == 2 and "--isolated ignores configuration files" in stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("page.txt", "White platelets rise.\n"),
        ("page.md", "White *platelets* rise.\n"),
        ("page.md", "White <em>platelets</em> rise.\n"),
        ("page.html", "<p>White <em>platelets</em> rise.</p>\n"),
        ("page.html", '<p>White\n<span class="x">platelets</span> rise.</p>\n'),
    ],
)
def test_an_allowed_phrase_is_matched_on_the_words_a_reader_sees(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / ".fixer.toml").write_text(
        'allow = [{ phrase = "white platelets", reason = "quoted" }]\n', encoding="utf-8"
    )
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    assert check(str(page)) == (0, [], "")


def test_extra_lexicon_relative_to_configuration(site: Path) -> None:
    (site / "house.tsv").write_text(
        "id\tgarble\tcorrection\tcategory\tseverity\tfix\tcontext\tsource\texample\n"
        "AN9001\tswell\tenlarge\tanatomy\twarning\tsafe\t\tuser:house style\tNodes swell.\n",
        encoding="utf-8",
    )
    (site / ".fixer.toml").write_text('lexicons = ["house.tsv"]\n', encoding="utf-8")
    assert "AN9001" in check(str(site / "docs"))[1]


def test_exclude_globs_apply_to_walks(site: Path) -> None:
    (site / ".fixer.toml").write_text('exclude = ["docs/deep/*"]\n', encoding="utf-8")
    assert check(str(site / "docs"))[1] == []
    assert len(check(str(site / "docs" / "deep" / "page.md"))[1]) == 3, "explicit files count"


LAYOUT = ("archive/a.md", "archive/old/b.md", "docs/archive/c.md", "docs/d.md")


@pytest.mark.parametrize(
    ("glob", "left"),
    [
        ("archive", ["docs/d.md"]),  # a bare name: a file or folder at any depth
        ("archive/", ["docs/d.md"]),  # a trailing slash: a folder
        ("**/archive", ["docs/d.md"]),
        ("./archive", ["docs/archive/c.md", "docs/d.md"]),  # ./ is the configuration's folder
        ("/archive", ["docs/archive/c.md", "docs/d.md"]),  # a leading / is that folder too
        ("./archive/**", ["docs/archive/c.md", "docs/d.md"]),
        ("archive/**", ["docs/archive/c.md", "docs/d.md"]),
        ("docs/archive", ["archive/a.md", "archive/old/b.md", "docs/d.md"]),
        ("d.md", ["archive/a.md", "archive/old/b.md", "docs/archive/c.md"]),
        ("d.md/", ["archive/a.md", "archive/old/b.md", "docs/archive/c.md", "docs/d.md"]),
        ("*.md", []),
    ],
)
def test_exclude_globs_read_as_gitignore_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, glob: str, left: list[str]
) -> None:
    for name in LAYOUT:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    (tmp_path / ".fixer.toml").write_text(f"exclude = [{glob!r}]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")  # globs are relative to the configuration, not here
    lines = CliRunner().invoke(cli, ["check", "--format", "concise", ".."]).stdout.splitlines()
    checked = {Path(line.partition(":")[0]).relative_to("..").as_posix() for line in lines}
    assert sorted(checked) == left


def test_force_exclude_applies_the_globs_to_named_files(site: Path) -> None:
    """pre-commit names every staged file: its hooks pass --force-exclude, as ruff's do."""
    (site / ".fixer.toml").write_text('exclude = ["docs/deep/*"]\n', encoding="utf-8")
    page = str(site / "docs" / "deep" / "page.md")
    assert check("--force-exclude", page)[1] == []
    (site / "docs" / "index.md").write_text(SPUN, encoding="utf-8")
    assert len(check("--force-exclude", str(site / "docs" / "index.md"))[1]) == 3
    hooks = (Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert hooks.count("--force-exclude") == hooks.count("entry: fixer")


@pytest.mark.parametrize("target", ["../shared/legacy.md", "../../outside.md"])
def test_exclude_judges_a_symlink_by_its_own_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """``exclude = ["docs/legacy.md"]`` once missed docs/legacy.md when it was a symlink: the
    glob was matched against the path it points to (and one out of the project could never be
    excluded)."""
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "shared").mkdir()
    (site / "shared" / "legacy.md").write_text(SPUN, encoding="utf-8")
    (tmp_path / "outside.md").write_text(SPUN, encoding="utf-8")
    (site / "docs" / "legacy.md").symlink_to(target)
    (site / "docs" / "new.md").write_text(SPUN, encoding="utf-8")
    (site / ".fixer.toml").write_text('exclude = ["docs/legacy.md"]\n', encoding="utf-8")
    monkeypatch.chdir(site)
    walked = CliRunner().invoke(cli, [*CONCISE, "docs"]).stdout.splitlines()
    assert sorted({line.partition(":")[0] for line in walked}) == ["docs/new.md"]
    named = ["--force-exclude", "docs/legacy.md"]
    assert CliRunner().invoke(cli, [*CONCISE, *named]).stdout == ""


@pytest.mark.parametrize("command", [["check"], ["fix", "--diff"], ["scan"]], ids=" ".join)
def test_an_excluded_symlink_does_not_hide_the_file_it_points_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """A walk yields a file met again under another name only once; the excluded link came
    first (a-link.md before z.md) and its target was then left out as already seen."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "z.md").write_text(SPUN, encoding="utf-8")
    (tmp_path / "docs" / "a-link.md").symlink_to("z.md")
    (tmp_path / ".fixer.toml").write_text('exclude = ["docs/a-link.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (["docs"], ["--force-exclude", "docs/a-link.md", "docs/z.md"]):
        result = CliRunner().invoke(cli, [*command, *args])
        assert "z.md" in result.stdout, args
        assert "a-link.md" not in result.stdout, args


CONCISE = ["check", "--format", "concise"]


@pytest.mark.parametrize(
    ("command", "name", "code", "first_line"),
    [
        (CONCISE, "docs/deep/new.md", 0, ""),
        (
            CONCISE,
            "docs/new.md",
            1,
            "docs/new.md:1:1: FX001 [*] White platelets → White blood cells "
            "(error: garbled anatomy term; entry AN0001)",
        ),
        (["fix"], "docs/deep/new.md", 0, SPUN.rstrip("\n")),
        (["fix"], "docs/new.md", 1, "White blood cells. In conclusion, lymph nodes swell."),
    ],
)
def test_force_exclude_applies_to_the_stdin_filename(
    site: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    name: str,
    code: int,
    first_line: str,
) -> None:
    """As in ruff: an excluded ``--stdin-filename`` is not checked, and ``fix -`` passes it on
    unchanged (an editor pipes every buffer through it)."""
    (site / ".fixer.toml").write_text('exclude = ["docs/deep/*"]\n', encoding="utf-8")
    monkeypatch.chdir(site)
    piped = ["--force-exclude", "--stdin-filename", name, "-"]
    result = CliRunner().invoke(cli, [*command, *piped], input=SPUN)
    assert (result.exit_code, result.stdout.partition("\n")[0]) == (code, first_line)


def test_gitignore_is_respected_when_walking(site: Path) -> None:
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    (site / ".gitignore").write_text("docs/deep/\n", encoding="utf-8")
    assert check(str(site / "docs"))[1] == []


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A work tree whose ``drafts/`` is ignored, a file beside it and one outside it."""
    (tmp_path / "repo" / "drafts").mkdir(parents=True)
    for name in ("outside.md", "repo/a.md", "repo/drafts/d.md"):
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    git(tmp_path / "repo", "init", "-q")
    (tmp_path / "repo" / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    return tmp_path / "repo"


def walked(*args: str) -> list[str]:
    """The files that ``fixer check`` reports, walking from the current folder."""
    lines = CliRunner().invoke(cli, [*CONCISE, *args]).stdout.splitlines()
    return sorted({line.partition(":")[0] for line in lines})


@pytest.mark.parametrize(
    ("links", "ignore", "left"),
    [
        # a link is judged by its own path, as Git judges it, wherever it points
        ({"z-link.md": "../outside.md"}, "", ["a.md", "z-link.md"]),
        ({"z-link.md": "../outside.md"}, "z-link.md\n", ["a.md"]),
        ({"z-link.md": "drafts/d.md"}, "", ["a.md", "z-link.md"]),
        ({"z-link.md": "drafts/d.md"}, "z-link.md\n", ["a.md"]),
        ({"drafts/out.md": "../../outside.md"}, "", ["a.md"]),
    ],
)
def test_gitignore_judges_a_symlink_by_its_own_path(
    repo: Path, monkeypatch: pytest.MonkeyPatch, links: dict[str, str], ignore: str, left: list[str]
) -> None:
    """A link out of the work tree once made Git refuse the whole walk's paths, and then every
    ignored file was checked (and fixed)."""
    for name, target in links.items():
        (repo / name).symlink_to(target)
    with (repo / ".gitignore").open("a", encoding="utf-8") as gitignore:
        gitignore.write(ignore)
    monkeypatch.chdir(repo)
    assert walked(".") == left


def test_fix_leaves_ignored_files_beside_a_link_out_of_the_work_tree(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "z-link.md").symlink_to("../outside.md")
    monkeypatch.chdir(repo)
    assert CliRunner().invoke(cli, ["fix", "."]).exit_code == 1
    assert (repo / "drafts" / "d.md").read_text(encoding="utf-8") == SPUN
    assert (repo.parent / "outside.md").read_text(encoding="utf-8") != SPUN  # through the link


def test_a_file_name_that_is_not_utf8_is_walked(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It once stopped the run with a traceback: its name could not go to Git as text."""
    try:
        (repo / os.fsdecode(b"caf\xe9.md")).write_text(SPUN, encoding="utf-8")
    except OSError:
        pytest.skip("the file system takes only UTF-8 names")
    monkeypatch.chdir(repo)
    assert [path for path, _ in iter_targets(["."])] == ["a.md", os.fsdecode(b"caf\xe9.md")]


def test_gitignore_of_a_submodule_is_its_own(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git refuses a path inside a submodule: the submodule's own ``.gitignore`` decides, and
    the superproject's still holds for the rest of the walk."""
    sub = repo / "sub"
    (sub / "old").mkdir(parents=True)
    git(sub, "init", "-q")
    for name in ("sub/b.md", "sub/old/c.md", "sub/old/d.md"):
        (repo / name).write_text(SPUN, encoding="utf-8")
    (sub / ".gitignore").write_text("old/d.md\n", encoding="utf-8")
    git(sub, "add", ".")
    git(sub, "commit", "-q", "-m", "sub")
    git(repo, "add", "sub")  # a gitlink, as git submodule add makes
    monkeypatch.chdir(repo)
    assert walked(".") == ["a.md", "sub/b.md", "sub/old/c.md"]


def test_a_folder_outside_the_work_tree_is_walked_whole(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each folder named on the command line is judged by the work tree it lies in, if any."""
    (repo.parent / "elsewhere" / "drafts").mkdir(parents=True)
    (repo.parent / "elsewhere" / "drafts" / "e.md").write_text(SPUN, encoding="utf-8")
    monkeypatch.chdir(repo)
    assert walked(".", "../elsewhere", "../outside.md") == [
        "../elsewhere/drafts/e.md",
        "../outside.md",
        "a.md",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool.fixer]\nselct = []\n", "[tool.fixer]: unknown key 'selct'"),
        ('[tool.fixer]\nignore = "FX001"\n', "key 'ignore' must be a list of strings"),
        ('[tool.fixer]\nfail-on = "fatal"\n', "key 'fail-on' must be error, warning or info"),
        ('[tool.fixer]\nmin-severity = "loud"\n', "key 'min-severity' must be error, warning"),
        ("[tool.fixer\n", "cannot read configuration"),
        ('[tool.fixer]\ndetectors = ["lexicon", "spell"]\n', "key 'detectors' takes some of"),
        ("[tool.fixer]\ndetectors = []\n", "key 'detectors' takes some of"),
        (
            '[tool.fixer]\nselect = ["NOPE123"]\n',
            "[tool.fixer]: key 'select': unknown rule, category, detector or entry id 'NOPE123'",
        ),
        ('[tool.fixer]\nignore = ["FX001", "DI9999"]\n', "key 'ignore': unknown rule, category"),
        ("[tool]\nfixer = 3\n", "[tool.fixer]: must be a table"),
    ],
)
def test_bad_configuration_names_file_and_key(site: Path, content: str, message: str) -> None:
    (site / "pyproject.toml").write_text(content, encoding="utf-8")
    code, _, stderr = check(str(site / "docs"))
    assert code == 2
    assert str(site / "pyproject.toml") in stderr and message in stderr


def test_a_pyproject_whose_tool_is_no_table_is_not_fixers(site: Path) -> None:
    (site / "pyproject.toml").write_text("tool = 3\n", encoding="utf-8")
    code, ids, _ = check(str(site / "docs"))
    assert (code, len(ids)) == (1, 3)


def test_quotations_and_reference_lists_can_be_skipped(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        'He wrote "white platelets fail" in 1890.\n\n> Lymph center points, he said.\n\n'
        "Focal sensory system.\n\n## References\n\n1. Smith. White platelets. 1890.\n",
        encoding="utf-8",
    )
    assert len(check(str(page))[1]) == 4
    (tmp_path / ".fixer.toml").write_text('skip = ["quotations", "references"]\n', encoding="utf-8")
    assert check(str(page))[1] == ["AN0006"]
    (tmp_path / ".fixer.toml").write_text('skip = ["footnotes"]\n', encoding="utf-8")
    assert "key 'skip' takes quotations and references" in check(str(page))[2]


SKIP_HTML = """\
<p>Kept: white platelets.</p>
<blockquote><p>white platelets</p></blockquote>
<p>He said <q>white platelets</q> and “white platelets”.</p>
<h2>References</h2>
<p>white platelets</p>
<h3>Books</h3>
<p>white platelets</p>
<h2>Methods</h2>
<p>Kept: white platelets.</p>
"""
SKIP_RST = """\
Kept: white platelets.

    white platelets quoted

- Kept: white platelets.

  Kept: white platelets, in the item.

References
==========

white platelets

Books
-----

white platelets

Methods
=======

Kept: white platelets.
"""
SKIP_MARKDOWN = """\
Kept: white platelets.

> white platelets
lazily continued white platelets

References
----------

white platelets

### Books

white platelets

Methods
-------

Kept: white platelets.

## References

```sh
# no heading
```

white platelets

# After

Kept: white platelets, not “white platelets”.
"""


@pytest.mark.parametrize(
    ("syntax", "document", "lines"),
    [
        ("html", SKIP_HTML, [1, 9]),
        # attribute quotes pair with none in the prose
        ("html", '<p class="a">A 6" ruler, white platelets <a href="x">y</a>.</p>\n', [1]),
        ("rst", SKIP_RST, [1, 5, 7, 22]),
        # indented under explicit markup, a field or a term is their body, not a quote
        ("rst", ".. note::\n\n   white platelets\n", [3]),
        ("rst", ":Field: x\n\n    white platelets\n", [3]),
        ("rst", "term\n    white platelets\n", [2]),
        ("rst", "- item\n\n..\n\n  white platelets, quoted after an empty comment\n", []),
        ("markdown", SKIP_MARKDOWN, [1, 18, 30]),
        ("text", "Kept: white platelets.\n> white platelets\nReferences\nwhite platelets\n", [1]),
    ],
)
def test_skip_is_the_same_in_every_syntax(syntax: str, document: str, lines: list[int]) -> None:
    """Quotations are quoted text and block quotes as each syntax writes them; a reference list
    runs from its heading to the next heading of the same or a higher level."""
    from fixer.config import Settings
    from fixer.engine import make_checker

    checker = make_checker(settings=Settings(skip=("quotations", "references")))
    found = checker.check(document, syntax)
    assert [document.count("\n", 0, f.start) + 1 for f in found] == lines


ABBREVIATED = "The focal tangible framework (CNS) and white platelets.\n"


@pytest.mark.parametrize(
    ("configured", "command_line", "rules"),
    [
        (None, None, ["FX101", "FX001"]),
        ('detectors = ["lexicon"]', None, ["FX001"]),
        ('detectors = ["lexicon"]', "abbreviation", ["FX101"]),
        (None, "lexicon,abbreviation", ["FX101", "FX001"]),
    ],
)
def test_detectors_can_be_chosen(
    tmp_path: Path, configured: str | None, command_line: str | None, rules: list[str]
) -> None:
    page = tmp_path / "page.md"
    page.write_text(ABBREVIATED, encoding="utf-8")
    if configured:
        (tmp_path / ".fixer.toml").write_text(configured + "\n", encoding="utf-8")
    args = ["check", "--format", "json", str(page)]
    if command_line:
        args[1:1] = ["--detectors", command_line]
    result = CliRunner().invoke(cli, args)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == rules


def test_an_unknown_detector_is_a_usage_error(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(ABBREVIATED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--detectors", "lexicon,spell", str(page)])
    assert result.exit_code == 2
    assert "unknown detector 'spell'" in result.stderr
