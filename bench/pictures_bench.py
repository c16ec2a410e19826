"""Pictures (issue 19): what 100 and 1,000 phone photos cost a build, and what a phone loads.

    .venv/bin/python -m bench.pictures_bench [--sizes 100,1000]

For each size: synthetic content with that many events (bench/synthetic.py), each with its own
4000×3000 phone JPEG (bench/synthetic_photos.py: noise in octaves, so it compresses like a photo;
8 different pictures, each copy made distinct by a JPEG comment, so every one is a new file to
the cache; made once and kept in the system's temp folder). Every build runs in a fresh process
(bench/build_child.py) with a cache folder, and prints:

* the same content without pictures: full build, and rebuild with an unchanged cache;
* with pictures: the first build (empty cache: every picture processed), and the rebuild with an
  unchanged cache (target: close to the rebuild without pictures);
* the bytes a 360 px phone loads for the picture of an event page: the WebP the browser picks from
  the page's own ``srcset``/``sizes`` at DPR 2 and 3 (target: ≤ 60 KB), over the 8 pictures.

Figures, never assertions in tests.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

from bench.build_bench import TODAY, run_build
from bench.synthetic import write_synthetic_content
from bench.synthetic_photos import write_phone_photo

BASES = 8
PHOTO_CACHE = Path(tempfile.gettempdir()) / "engagiert-bench-photos"
PHONE_WIDTH = 360
ROOT_EM = 16


def base_photos() -> list[bytes]:
    """8 phone photos (half portrait via EXIF orientation 6), made once."""
    photos = []
    for index in range(BASES):
        path = PHOTO_CACHE / f"foto-{index}.jpg"
        if not path.is_file():
            write_phone_photo(path, seed=index + 1, orientation=6 if index % 2 else 1)
        photos.append(path.read_bytes())
    return photos


def distinct(photo: bytes, number: int) -> bytes:
    """``photo`` with a JPEG comment naming ``number``: other bytes, same pixels, same cost."""
    text = f"Foto {number}".encode()
    return photo[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + photo[2:]


def add_pictures(root: Path, photos: list[bytes]) -> int:
    folder = root / "content" / "images" / "fotos"
    folder.mkdir(parents=True, exist_ok=True)
    events = sorted((root / "content" / "events").rglob("*.yml"))
    for number, path in enumerate(events):
        name = f"foto-{number:05d}.jpg"
        (folder / name).write_bytes(distinct(photos[number % BASES], number))
        text = path.read_text(encoding="utf-8").rstrip("\n")
        path.write_text(
            f"{text}\nimage:\n  src: fotos/{name}\n  alt: Menschen beim Aufbau der Bühne, Nummer {number}\n",
            encoding="utf-8",
        )
    return len(events)


def slot_width(sizes: str, viewport: int) -> float:
    """The CSS width ``sizes`` gives the picture at ``viewport`` px (the forms our templates use:
    ``(min-width: Npx) LENGTH``, ``(max-width: Nem) LENGTH``, ``calc((100vw - Npx) * F)``, ``Nvw``, ``Npx``)."""
    for entry in (part.strip() for part in sizes.split(",")):
        condition = re.match(r"\((min|max)-width:\s*([\d.]+)(em|px)\)\s*(.+)", entry)
        if condition:
            kind, number, unit, length = condition.groups()
            limit = float(number) * (ROOT_EM if unit == "em" else 1)
            if (kind == "min" and viewport < limit) or (kind == "max" and viewport > limit):
                continue
            entry = length
        return _length(entry, viewport)
    return viewport


def _length(value: str, viewport: int) -> float:
    value = value.strip()
    calc = re.fullmatch(r"calc\(\s*\(?\s*100vw\s*-\s*([\d.]+)(rem|px)\s*\)?\s*(?:\*\s*([\d.]+))?\s*\)", value)
    if calc:
        share = float(calc.group(3)) if calc.group(3) else 1.0
        return (viewport - float(calc.group(1)) * (ROOT_EM if calc.group(2) == "rem" else 1)) * share
    number = re.fullmatch(r"([\d.]+)(vw|px|rem|em)", value)
    if number is None:
        return viewport
    amount, unit = float(number.group(1)), number.group(2)
    return amount * viewport / 100 if unit == "vw" else amount * (ROOT_EM if unit in ("rem", "em") else 1)


def phone_bytes(site: Path, event_pages: list[Path], dpr: int) -> list[tuple[int, int]]:
    """(chosen width, bytes) of the WebP a 360 px phone at ``dpr`` loads on each page."""
    chosen = []
    for page in event_pages:
        html = page.read_text(encoding="utf-8")
        source = re.search(r'<source type="image/webp" srcset="([^"]+)"(?: sizes="([^"]+)")?', html)
        if source is None:
            continue
        candidates = sorted((int(width), url) for url, width in re.findall(r"([^\s,]+) (\d+)w", source.group(1)))
        needed = slot_width(source.group(2) or "100vw", PHONE_WIDTH) * dpr
        width, url = next((c for c in candidates if c[0] >= needed), candidates[-1])
        chosen.append((width, (page.parent / url).resolve().stat().st_size))
    return chosen


def bench(size: int, work: Path, photos: list[bytes]) -> None:
    plain = write_synthetic_content(work / f"ohne-{size}", events=size, clubs=max(10, size // 10), venues=20)
    pictured = write_synthetic_content(work / f"mit-{size}", events=size, clubs=max(10, size // 10), venues=20)
    count = add_pictures(pictured, photos)
    megabytes = sum(p.stat().st_size for p in (pictured / "content" / "images").rglob("*.jpg")) / 1e6
    print(f"\n{size} Veranstaltungen, {count} Fotos ({megabytes:.0f} MB Originale)")
    runs = {}
    for label, root in (("ohne Bilder", plain), ("mit Bildern", pictured)):
        cache, out = work / f"cache-{root.name}", work / f"site-{root.name}"
        first = run_build(root, out, TODAY, cache)
        again = run_build(root, out, TODAY, cache)
        runs[label] = (first, again)
        stages = ", ".join(f"{name} {seconds:.1f}" for name, seconds in first["stages"].items() if seconds >= 0.5)
        extra = f" ({stages})"
        print(
            f"  {label:12} erster Build {first['wall']:6.1f} s{extra}, CPU {first['cpu_user']:.0f} s; "
            f"erneut mit unverändertem Cache {again['wall']:5.1f} s"
        )
    (_, plain_again), (_, pictured_again) = runs["ohne Bilder"], runs["mit Bildern"]
    print(f"  Rebuild mit Bildern / ohne: {pictured_again['wall'] / plain_again['wall']:.2f}×")
    site = work / f"site-{pictured.name}"
    pages = sorted((site / "veranstaltungen").glob("*/index.html"))[: BASES * 3]
    published = sum(p.stat().st_size for p in (site / "bilder").iterdir()) / 1e6
    print(f"  veröffentlicht: {published:.0f} MB in bilder/ ({len(list((site / 'bilder').iterdir()))} Dateien)")
    for dpr in (2, 3):
        chosen = phone_bytes(site, pages, dpr)
        widths = sorted({width for width, _ in chosen})
        sizes = [size for _, size in chosen]
        print(
            f"  360-px-Handy, DPR {dpr}: lädt {widths} px breit, {statistics.mean(sizes) / 1024:.0f} KB im Mittel, "
            f"höchstens {max(sizes) / 1024:.0f} KB (Ziel ≤ 60 KB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    args = parser.parse_args()
    photos = base_photos()
    with tempfile.TemporaryDirectory(prefix="engagiert-pictures-") as folder:
        for size in (int(value) for value in args.sizes.split(",")):
            bench(size, Path(folder), photos)


if __name__ == "__main__":
    main()
