"""How many real one-off places find their Ortsteil by themselves, and what the validator says.

Converts the places of the real Leipzig events (`../shared/data/real-events`, Leipzig Open Data,
CC0; see its README) into `location:` entries of a throw-away project whose town is Leipzig,
with the Ortsteile and postcodes the real club directory (`Vereine.ttl`, `Buergervereine.ttl`)
names: a postcode goes to a district only when every club at that postcode lies in the same one
and lists each postcode under every district a club there lies in (a postcode of one district
decides, one of several narrows the choice the message offers). Prints how each place's district
was found (city, name, postcode, the town's name) or that the validator asks for `district:`,
with sample messages.

    python -m bench.districts_real [--corpus DIR] [--show 5]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from bench.synthetic import DEFAULT_CORPUS, PROJECT
from generator.content import load_site
from generator.load.yaml_loader import load_yaml_file
from generator.models.districts import words
from generator.models.town import Town
from generator.project import Project

ADDRESS = re.compile(r"<http://leipzig-data\.de/Data/(\d{5})\.([^.>]+)\.([^.>]+)\.?([^>]*)>")
PLACE = re.compile(r"(?:ldo:|<http://leipzig-data\.de/Data/Ort/)([^\s;,>]+)>?")


def _blocks(path: Path) -> list[str]:
    return re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace"))


def _spaced(camel: str) -> str:
    """`BornaischeStrasse` → `Bornaische Strasse`: the address IRIs drop the spaces."""
    return re.sub(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])", " ", camel.replace("_", " "))


def read_corpus(corpus: Path) -> tuple[dict[str, dict], dict[str, set[str]], list[str]]:
    """(places by IRI name, postcode → Ortsteile of the clubs there, place of each event)."""
    data = corpus / "leipzig-data"
    places: dict[str, dict] = {}
    for block in _blocks(data / "Orte.ttl"):
        subject = PLACE.match(block.strip())
        label = re.search(r'rdfs:label "([^"]+)"', block)
        if subject and label:
            address = ADDRESS.search(block)
            place = {"name": label.group(1)}
            if address:
                postcode, city, street, number = address.groups()
                place |= {"postcode": postcode, "city": city, "street": f"{_spaced(street)} {number}".strip()}
            places[subject.group(1)] = place
    postcodes: dict[str, set[str]] = defaultdict(set)
    for name in ("Vereine.ttl", "Buergervereine.ttl"):
        for block in _blocks(data / name):
            district = re.search(r"ld:hasOrtsteil ldot:(\S+)", block)
            for address in ADDRESS.finditer(block) if district else ():
                postcodes[address.group(1)].add(district.group(1))  # type: ignore[union-attr]
    events: dict[str, str] = {}
    for path in sorted((data / "events").glob("*.ttl")):
        for block in _blocks(path):
            location = re.search(r"ical:location\s+(\S+)", block)
            subject = block.strip().split(None, 1)[0] if block.strip() else ""
            if location and subject:
                found = PLACE.match(location.group(1))
                if found:
                    events.setdefault(subject, found.group(1))
    return places, postcodes, list(events.values())


def _slug(name: str) -> str:
    return "-".join(words(name)) or "x"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_project(root: Path, places: dict[str, dict], postcodes: dict[str, set[str]], event_places: list[str]) -> None:
    Project(PROJECT).copy_to(root, content=False)
    content = root / "content"
    (content / "events").mkdir(parents=True)
    by_slug = {_slug(d): d for found in postcodes.values() for d in found}  # "Gruenau-Mitte", "GruenauMitte"
    districts = sorted(by_slug)
    codes = {slug: sorted(p for p, found in postcodes.items() if slug in {_slug(d) for d in found}) for slug in by_slug}
    town = (PROJECT / "content" / "town.yml").read_text(encoding="utf-8")
    head, rest = town.split("\ndistricts:\n", 1)
    tail = rest[rest.index("\naudiences:") :]
    lines = [
        f"  - {{id: {slug}, label: {_quoted(by_slug[slug])}"
        + (f", postcodes: [{', '.join(codes[slug])}]" if codes[slug] else "")
        + "}"
        for slug in districts
    ]
    town = head.replace("name: Herzberg (Elster)", "name: Leipzig", 1) + "\ndistricts:\n" + "\n".join(lines) + tail
    (content / "town.yml").write_text(town.replace("  venue: haus-zwei\n", ""), encoding="utf-8")
    for index, key in enumerate(event_places):
        place = places.get(key, {"name": _spaced(key).replace("-", " ")})  # not in Orte.ttl: the IRI's name
        fields = "".join(f"\n  {k}: {_quoted(v)}" for k, v in place.items())
        (content / "events" / f"termin-{index:04d}.yml").write_text(
            f"title: Termin {index}\ncategory: kultur\nstart: 2027-05-{index % 28 + 1:02d} 19:00\nlocation:{fields}\n",
            encoding="utf-8",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=5, help="sample messages to print")
    args = parser.parse_args()
    places, postcodes, event_places = read_corpus(args.corpus)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "leipzig"
        write_project(root, places, postcodes, event_places)
        _site, report = load_site(Project(root))
        problems = report.sorted()
        town = Town.model_validate(load_yaml_file(root / "content" / "town.yml", "content/town.yml").data)
    district_problems = [p for p in problems if p.field.endswith("district")]
    other = [p for p in problems if not p.field.endswith("district")]
    print(f"{len(event_places)} Termine an {len(set(event_places))} Orten; {len(places)} Orte in Orte.ttl")
    print(f"{len(town.districts)} Ortsteile aus dem Vereinsverzeichnis, ", end="")
    print(f"{sum(len(f) == 1 for f in postcodes.values())} von {len(postcodes)} Postleitzahlen eindeutig")
    print(f"Meldungen zum Ortsteil: {len(district_problems)}; andere Meldungen: {len(other)}")
    for problem in other[: args.show]:
        print("  ", problem)
    kinds = Counter("mehrere" if "passen mehrere" in p.message else "keiner" for p in district_problems)
    print(f"  davon kein Ortsteil erkennbar: {kinds['keiner']}, mehrere möglich: {kinds['mehrere']}")
    for problem in district_problems[: args.show]:
        print("  ", str(problem)[:400])
    how: Counter[str] = Counter()
    for key in event_places:
        place = places.get(key, {"name": key})
        found = town.district_finder.find(name=place["name"], city=place.get("city"), postcode=place.get("postcode"))
        how[found.how or "nichts"] += 1
    print("Ortsteil gefunden über:", ", ".join(f"{k} {v}" for k, v in how.most_common()))
    print("Termine pro Ort ohne Ortsteil (Orte mit eigener Datei und district: sparen die Angabe je Termin):")
    missing = Counter(key for key in event_places if how and not _found(town, places.get(key, {"name": key})))
    print(f"  {len(missing)} Orte für {sum(missing.values())} Termine")


def _found(town: Town, place: dict) -> bool:
    return (
        town.district_finder.find(name=place["name"], city=place.get("city"), postcode=place.get("postcode")).district
        is not None
    )


if __name__ == "__main__":
    main()
