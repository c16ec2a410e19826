"""The YAML loader: every scalar stays the author's text, positions are recorded,
and unsafe or ambiguous YAML is rejected with a located German message."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from generator.load.yaml_loader import MAX_FILE_BYTES, YamlLoadError, load_yaml_file, load_yaml_text

DATA_DIR = Path(__file__).parent.parent / "data"


def load_problems(text: str) -> list[str]:
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_text(text, "x.yml")
    return [str(p) for p in caught.value.problems]


# --- scalars stay strings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_value", "expected"),
    [
        ("19:30", "19:30"),  # YAML 1.1: sexagesimal 1170
        ("01067", "01067"),  # YAML 1.1: octal 567
        ("NO", "NO"),  # YAML 1.1: False (the "Norway problem")
        ("yes", "yes"),  # YAML 1.1: True
        ("2027-05-21", "2027-05-21"),  # YAML: a date object
        ("2027-05-21 15:00", "2027-05-21 15:00"),
        ("1.5", "1.5"),
        ("1e3", "1e3"),
        ("0x1F", "0x1F"),
        (".inf", ".inf"),
        ("null", "null"),
        ("~", "~"),
        ("'01067'", "01067"),
        ('"NO"', "NO"),
        ('""', ""),
    ],
)
def test_scalars_arrive_as_the_exact_strings(yaml_value: str, expected: str) -> None:
    document = load_yaml_text(f"value: {yaml_value}\n", "x.yml")
    assert document.data == {"value": expected}
    assert type(document.data["value"]) is str


def test_scalars_in_lists_and_nested_mappings_stay_strings() -> None:
    text = "times: [19:30, 08:00]\naddress:\n  postcode: 01067\n  open: yes\n"
    assert load_yaml_text(text, "x.yml").data == {
        "times": ["19:30", "08:00"],
        "address": {"postcode": "01067", "open": "yes"},
    }


def test_key_without_value_means_not_set() -> None:
    assert load_yaml_text("end:\ntitle: x\n", "x.yml").data == {"end": None, "title": "x"}


def test_keys_stay_strings() -> None:
    assert load_yaml_text("yes: 1\n2027: b\n", "x.yml").data == {"yes": "1", "2027": "b"}


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes("\ufefftitle: Straßenfest\n".encode())
    assert load_yaml_file(path, "bom.yml").data == {"title": "Straßenfest"}


# --- positions ---------------------------------------------------------------------------------


def test_source_map_records_lines_and_columns_of_keys_and_values() -> None:
    text = "# Kommentar\ntitle: Fest\nrepeat:\n  freq: weekly\n  except: [2027-05-11, 2027-05-18]\n"
    source = load_yaml_text(text, "content/events/fest.yml").source
    assert str(source.key(("title",))) == "content/events/fest.yml:2:1"
    assert str(source.value(("title",))) == "content/events/fest.yml:2:8"
    assert str(source.value(("repeat", "freq"))) == "content/events/fest.yml:4:9"
    assert str(source.value(("repeat", "except", 1))) == "content/events/fest.yml:5:24"
    # a location that is not written points at its nearest written parent
    assert str(source.value(("repeat", "count"))) == "content/events/fest.yml:4:3"
    assert str(source.key(("repeat", "count"))) == "content/events/fest.yml:4:3"


def test_line_offset_shifts_reported_lines() -> None:
    document = load_yaml_text("title: Seite\norder: 2\n", "p.md", line_offset=1)
    assert str(document.source.value(("order",))) == "p.md:3:8"
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_text("title: a\ntitle: b\n", "p.md", line_offset=1)
    assert [str(p) for p in caught.value.problems] == [
        "p.md:3:1: title: Das Feld „title“ steht doppelt (zuerst in Zeile 2). Löschen Sie einen der beiden Einträge."
    ]


# --- rejected YAML ---------------------------------------------------------------------------


def test_duplicate_keys_in_nested_mapping() -> None:
    assert load_problems("contact:\n  email: a@example.org\n  email: b@example.org\n") == [
        "x.yml:3:3: contact.email: Das Feld „email“ steht doppelt (zuerst in Zeile 2). "
        "Löschen Sie einen der beiden Einträge."
    ]


def test_every_duplicate_key_is_reported() -> None:
    problems = load_problems("a: 1\nb: 2\na: 3\nb: 4\n")
    assert [p.split(": ")[:2] for p in problems] == [["x.yml:3:1", "a"], ["x.yml:4:1", "b"]]


_ANCHOR = "Verweise mit & und * (YAML-Anker) sind nicht erlaubt. Schreiben Sie den Wert an jeder Stelle aus."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an alias is located at the `*name` itself, with its field
        pytest.param("a: &x 1\nb: *x\n", f"x.yml:2:4: b: {_ANCHOR}", id="alias-to-scalar"),
        pytest.param(
            "base: &base {city: Teststadt}\naddress:\n  <<: *base\n  street: Markt 1\n",
            f"x.yml:3:7: address.<<: {_ANCHOR}",
            id="merge-key",
        ),
        pytest.param(
            "a: &x {c: 1}\nb:\n  - name: y\n    d: *x\n", f"x.yml:4:8: b[1].d: {_ANCHOR}", id="alias-in-list-entry"
        ),
        # an alias that is itself a list entry: located at the `*name`
        pytest.param("a: &a [*a]\n", f"x.yml:1:8: a[1]: {_ANCHOR}", id="recursive-alias"),
        pytest.param("a: &x 1\nb:\n  - *x\n", f"x.yml:3:5: b[1]: {_ANCHOR}", id="alias-as-list-entry"),
        pytest.param(
            "a: *nirgends\n",
            "x.yml:1:4: Die Datei ist kein gültiges YAML. Verweise mit * (YAML-Anker) sind nicht erlaubt. "
            "Schreiben Sie den Wert aus.",
            id="undefined-alias",
        ),
    ],
)
def test_anchors_and_aliases_are_rejected(text: str, expected: str) -> None:
    assert load_problems(text) == [expected]


def test_billion_laughs_fails_fast_without_expanding() -> None:
    text = (DATA_DIR / "broken" / "events" / "billion-laughs.yml").read_text(encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problems = load_problems(text)
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 5_000_000  # the expansion would be 9**9 strings
    # one problem per alias written (8 lines of 9), none for the expansion; beyond 50, one line counts the rest
    expected = [[f"{key}[{entry}]", _ANCHOR] for key in "bcdefghi" for entry in range(1, 10)]
    assert [p.split(": ", 2)[1:] for p in problems[:50]] == expected[:50]
    assert problems[50].endswith(
        "… und 22 weitere Fehler dieser Art in dieser Datei. Beheben Sie zuerst die "
        "genannten; der nächste Lauf zeigt die übrigen."
    )
    assert len(problems) == 51


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "run: !!python/object/apply:os.system [echo gehackt]\n",
            "x.yml:1:6: Der YAML-Tag „tag:yaml.org,2002:python/object/apply:os.system“ ist nicht erlaubt.",
            id="python-object-apply",
        ),
        pytest.param(
            "obj: !!python/object:collections.OrderedDict {}\n",
            "x.yml:1:6: Der YAML-Tag „tag:yaml.org,2002:python/object:collections.OrderedDict“ ist nicht erlaubt.",
            id="python-object",
        ),
        pytest.param(
            "n: !!int 3\n", "x.yml:1:4: Der YAML-Tag „tag:yaml.org,2002:int“ ist nicht erlaubt.", id="int-tag"
        ),
        pytest.param("x: !geheim wert\n", "x.yml:1:4: Der YAML-Tag „!geheim“ ist nicht erlaubt.", id="local-tag"),
    ],
)
def test_explicit_tags_are_rejected(text: str, expected: str) -> None:
    assert load_problems(text) == [expected + " Entfernen Sie das Ausrufezeichen-Wort vor dem Wert."]


def test_explicit_string_tag_is_harmless() -> None:
    assert load_yaml_text("postcode: !!str 01067\n", "x.yml").data == {"postcode": "01067"}


_INVALID = "Die Datei ist kein gültiges YAML. "
_TAB_HINT = "Tabulatorzeichen sind in YAML nicht erlaubt. Rücken Sie nur mit Leerzeichen ein."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "title: Fest\nlocation:\n\tname: Garten\n",
            f"x.yml:3:1: {_INVALID}{_TAB_HINT}",
            id="tab-indentation",
        ),
        pytest.param(
            "title: Fest\n\tcategory: fest\n",
            f"x.yml:2:1: {_INVALID}{_TAB_HINT}",
            id="tab-before-key",
        ),
        pytest.param(
            "title: Straßenfest\n\tcategory: fest\n",
            f"x.yml:2:1: {_INVALID}{_TAB_HINT}",
            id="tab-after-umlaut-line",
        ),
        pytest.param(
            'title: "Sommerfest\ncategory: fest\n',
            f"x.yml:1:8: {_INVALID}Ein Anführungszeichen wurde geöffnet, aber nicht geschlossen.",
            id="unclosed-quote",
        ),
        pytest.param(
            "title: Treffen: Gartenarbeit\n",
            f"x.yml:1:15: {_INVALID}Unerwarteter Doppelpunkt. Enthält ein Text einen Doppelpunkt, setzen Sie ihn "
            'in Anführungszeichen, z. B. title: "Treffen: Gartenarbeit".',
            id="colon-in-text",
        ),
        pytest.param(
            "title: Fest\ncontact: @verein\n",
            f"x.yml:2:10: {_INVALID}Ein Wert darf nicht mit @ beginnen. Setzen Sie ihn in Anführungszeichen, "
            'z. B. "@verein".',
            id="at-sign",
        ),
        pytest.param(
            "title: `make`\n",
            f"x.yml:1:8: {_INVALID}Ein Wert darf nicht mit ` beginnen. Setzen Sie ihn in Anführungszeichen.",
            id="backtick",
        ),
        pytest.param(
            "tags: [a, b\ntitle: x\n",
            f"x.yml:2:6: {_INVALID}Eine eckige Klammer [ wurde nicht geschlossen, oder ein Komma fehlt.",
            id="unclosed-bracket",
        ),
        pytest.param(
            "title: a\n---\ntitle: b\n",
            f"x.yml:2:1: {_INVALID}Die Datei enthält mehr als einen Eintrag (---). Legen Sie für jeden Eintrag eine "
            "eigene Datei an.",
            id="two-documents",
        ),
    ],
)
def test_syntax_errors_get_a_german_hint(text: str, expected: str) -> None:
    assert load_problems(text) == [expected]


def test_bad_escape_in_quoted_text_points_at_the_backslash() -> None:
    (problem,) = load_problems('title: Fest\nnote: "Preis \\€ 5"\n')
    position, message = problem.split(": ", 1)
    assert position == "x.yml:2:14"
    assert message.startswith(_INVALID)


def test_empty_and_comment_only_documents_have_no_data() -> None:
    assert load_yaml_text("", "x.yml").data is None
    assert load_yaml_text("# nur ein Kommentar\n", "x.yml").data is None


def test_top_level_list_is_loaded_as_list() -> None:
    # the loader accepts any YAML; validate_model() rejects documents that are not mappings
    assert load_yaml_text("- a\n- b\n", "x.yml").data == ["a", "b"]


def test_non_mapping_key_is_rejected() -> None:
    assert load_problems("? [a, b]\n: wert\n") == ["x.yml:1:3: Ein Feldname muss einfacher Text sein."]


# --- reading files ---------------------------------------------------------------------------


def test_non_utf8_file_is_located_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yml"
    path.write_bytes("title: Fest\nort: Straße\n".encode("latin-1"))
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_file(path, "content/events/latin1.yml")
    assert [str(p) for p in caught.value.problems] == [
        "content/events/latin1.yml:2:10: Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Ihrem "
        "Editor mit der Kodierung „UTF-8“."
    ]


@pytest.mark.parametrize(
    ("raw", "position"),
    [
        pytest.param(b"\xef\xbb\xbftitle: Stra\xdfe\n", "1:12", id="first-line"),
        pytest.param(b"\xef\xbb\xbftitle: x\n\xdf\n", "2:1", id="start-of-second-line"),
        pytest.param(b"\xef\xbb\xbftitle: x\nort: Stra\xdfe\n", "2:10", id="second-line"),
    ],
)
def test_non_utf8_byte_after_a_byte_order_mark_is_located(tmp_path: Path, raw: bytes, position: str) -> None:
    path = tmp_path / "bom.yml"
    path.write_bytes(raw)
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_file(path, "bom.yml")
    assert [str(p) for p in caught.value.problems] == [
        f"bom.yml:{position}: Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Ihrem "
        "Editor mit der Kodierung „UTF-8“."
    ]


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "gross.yml"
    # not even valid YAML: the size check must come first
    path.write_bytes(b"title: [" + b"x" * MAX_FILE_BYTES)
    with pytest.raises(YamlLoadError) as caught:
        load_yaml_file(path, "gross.yml")
    assert [str(p) for p in caught.value.problems] == [
        "gross.yml:1:1: Die Datei ist 1,0 MB groß; erlaubt ist höchstens 1 MB. Teilen Sie den Inhalt auf "
        "mehrere Dateien auf."
    ]


def test_file_of_exactly_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "grenze.yml"
    head = b"title: Fest\n"
    path.write_bytes(head + b"#" * (MAX_FILE_BYTES - len(head)))
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_yaml_file(path, "grenze.yml").data == {"title": "Fest"}
