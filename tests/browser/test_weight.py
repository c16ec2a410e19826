"""Weight: an event page's own HTML stays at or under 20 KB (shared CSS and JavaScript not counted).

Run with ``-s`` (or ``-rP``) to see the measured sizes.
"""

from __future__ import annotations

from pathlib import Path

from generator import urls

EVENT_PAGE_LIMIT = 20_000  # bytes


def test_event_pages_weigh_at_most_20_kb(built_site: Path) -> None:
    folder = built_site / urls.events()
    sizes = {page.parent.name: page.stat().st_size for page in folder.glob("*/index.html")}
    assert len(sizes) > 50, "die Beispielseite hat weit mehr als 50 Veranstaltungen"
    heaviest = max(sizes, key=sizes.__getitem__)
    average = sum(sizes.values()) / len(sizes)
    print(
        f"\nVeranstaltungsseiten: {len(sizes)}, Durchschnitt {average / 1000:.1f} kB, "
        f"größte {sizes[heaviest] / 1000:.1f} kB ({heaviest}), Grenze {EVENT_PAGE_LIMIT / 1000:.0f} kB"
    )
    too_heavy = {name: size for name, size in sizes.items() if size > EVENT_PAGE_LIMIT}
    assert not too_heavy, "Veranstaltungsseiten über 20 kB: " + ", ".join(
        f"{name} ({size / 1000:.1f} kB)" for name, size in sorted(too_heavy.items(), key=lambda item: -item[1])
    )
