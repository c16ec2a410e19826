"""Write 20 real Leipzig clubs as a town's spreadsheet: `tests/data/import/leipzig-vereine.csv`.

The clubs come from the real club directory (`../shared/data/real-events/leipzig-data/Vereine.ttl`,
Leipzig Open Data, CC0; contacts there are already placeholders, see its README). They are
written the way Excel's „CSV (Trennzeichen-getrennt)“ saves a German table: Windows-1252,
semicolons, CRLF, German headers, dates as 03.05.2017, several categories in one cell, street
names spelled out from the address IRI („NeueLeipzigerStrasse.39“ → „Neue Leipziger Straße 39“).
Every 16th club with categories and an address is taken, so the sample spans the alphabet.

    python -m bench.leipzig_clubs_csv [--corpus DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import FOAF, RDF, RDFS

from bench.synthetic import DEFAULT_CORPUS

LD = Namespace("http://leipzig-data.de/Data/Model/")
DCT = Namespace("http://purl.org/dc/terms/")
ADDRESS = re.compile(r"http://leipzig-data\.de/Data/(\d{5})\.([^.]+)\.([^.]+)\.?(.*)")
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "import" / "leipzig-vereine.csv"
HEADER = ["Nr.", "Vereinsname", "Rubrik", "Straße", "PLZ", "Ort", "Ortsteil", "E-Mail", "Telefon", "Homepage", "Stand"]
COUNT = 20
STEP = 16


def street(name: str, number: str) -> str:
    """„NeueLeipzigerStrasse“, „39“ → „Neue Leipziger Straße 39“."""
    spaced = re.sub(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])", " ", name).replace("strasse", "straße").replace("Strasse", "Straße")
    return f"{spaced} {number}".strip()


def rows(corpus: Path) -> list[list[str]]:
    graph = Graph()
    graph.parse(corpus / "leipzig-data" / "Vereine.ttl", format="turtle", publicID="http://leipzig-data.de/Data/")
    clubs = []
    for club in sorted(set(graph.subjects(RDF.type, LD.Verein))):
        addresses = sorted(str(a) for a in graph.objects(club, LD.hasAddress))
        categories = sorted({str(c).strip() for c in graph.objects(club, LD.hasCategories)})
        if addresses and categories and ADDRESS.match(addresses[0]):
            clubs.append((club, addresses[0], categories))
    table = []
    for club, address, categories in clubs[::STEP][:COUNT]:
        postcode, city, street_name, number = ADDRESS.match(address).groups()  # type: ignore[union-attr]
        district = next((str(d).rsplit("/", 1)[-1] for d in graph.objects(club, LD.hasOrtsteil)), "")
        modified = next((str(m) for m in graph.objects(club, DCT.modified)), "")
        german_date = ".".join(reversed(modified.split("-"))) if modified else ""
        table.append(
            [
                min(str(i) for i in graph.objects(club, LD.hasStadtId)),
                min(str(label) for label in graph.objects(club, RDFS.label)),
                ", ".join(categories),
                street(street_name, number.replace(".", " ")),
                postcode,
                city,
                district,
                _first(graph, club, FOAF.mbox),
                _first(graph, club, FOAF.phone),
                _first(graph, club, FOAF.homepage),
                german_date,
            ]
        )
    return table


def _first(graph: Graph, club: URIRef, predicate: URIRef) -> str:
    return min((str(value) for value in graph.objects(club, predicate)), default="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(args.corpus))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(buffer.getvalue().encode("cp1252"))
    print(f"{args.out}: {COUNT} Vereine")


if __name__ == "__main__":
    main()
