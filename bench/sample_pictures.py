"""Draw the sample's pictures: club logos (PNG with transparency) and event illustrations (JPEG).

The bundled sample needs pictures that may be published freely and show no real person, so they
are drawn here with Pillow instead of downloaded: four club logos (simple shapes and initials) and
four event "photos" as illustrations at phone size (3000×2000), so that the build's picture
processing has real work to do. Every random choice comes from a seeded generator: running this
again writes the same pictures (for the same Pillow and FreeType).

    .venv/bin/python -m bench.sample_pictures [content/images]

The credit of every picture in the sample records is „Zeichnung: engagiert-Beispieldaten“.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

PHOTO = (3000, 2000)
LOGO = 800
SUPERSAMPLE = 3
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

Color = tuple[int, int, int]


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans Bold where the system has it, else Pillow's own font."""
    if FONT.is_file():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size=size)


def mix(a: Color, b: Color, t: float) -> Color:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def vertical_gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    """A sky: one column drawn, then stretched (fast at 3000 pixels)."""
    column = Image.new("RGB", (1, size[1]))
    for y in range(size[1]):
        column.putpixel((0, y), mix(top, bottom, y / (size[1] - 1)))
    return column.resize(size)


def glow(base: Image.Image, spots: list[tuple[int, int, int, Color]], blur: int) -> Image.Image:
    """Soft lights (string lights, lanterns): discs blurred on a layer, added to the picture."""
    layer = Image.new("RGB", base.size, (0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for x, y, r, color in spots:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=color)
    layer = layer.filter(ImageFilter.GaussianBlur(blur))
    return ImageChops.add(base, layer)


def grain(image: Image.Image, rng: random.Random, amount: int = 6) -> Image.Image:
    """A little noise, as a camera would leave it (and so that JPEG encoding has something to do)."""
    noise = Image.effect_noise((image.width // 4, image.height // 4), amount + rng.random()).resize(image.size)
    return Image.blend(image, Image.merge("RGB", (noise, noise, noise)), 0.04)


def houses(draw: ImageDraw.ImageDraw, rng: random.Random, ground: int, colors: list[Color], window: Color) -> None:
    """A row of gabled town houses along the back of a market square."""
    x = -40
    while x < PHOTO[0]:
        w = rng.randint(300, 440)
        h = rng.randint(520, 760)
        wall = rng.choice(colors)
        draw.rectangle((x, ground - h, x + w, ground), fill=wall)
        draw.polygon(
            [(x - 10, ground - h), (x + w // 2, ground - h - rng.randint(180, 260)), (x + w + 10, ground - h)],
            fill=(120, 62, 50),
        )
        for row in range(3):
            for col in range(3):
                wx = x + 40 + col * (w - 80) // 3
                wy = ground - h + 60 + row * 170
                if wy + 100 < ground - 40:
                    draw.rectangle((wx, wy, wx + 60, wy + 100), fill=window)
        x += w + rng.randint(0, 20)


def weihnachtsmarkt(rng: random.Random) -> Image.Image:
    """Market square at night: stalls with lit counters, a tree with lights, the church, snow."""
    image = vertical_gradient(PHOTO, (10, 16, 48), (40, 44, 90))
    draw = ImageDraw.Draw(image)
    for _ in range(160):
        x, y = rng.randrange(PHOTO[0]), rng.randrange(700)
        r = rng.choice((2, 3, 4))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(230, 230, 250))
    # church tower on the left, houses behind the stalls
    draw.rectangle((300, 520, 560, 1400), fill=(28, 30, 58))
    draw.polygon([(280, 520), (430, 120), (580, 520)], fill=(24, 26, 52))
    houses(draw, rng, 1400, [(36, 38, 70), (44, 40, 72), (32, 36, 64)], (240, 190, 90))
    draw.rectangle((0, 1400, PHOTO[0], PHOTO[1]), fill=(205, 212, 230))  # snow on the square
    # Christmas tree in the middle
    cx = 1500
    for i, (top, bottom, half) in enumerate(((700, 1000, 260), (880, 1200, 340), (1060, 1420, 430))):
        draw.polygon([(cx, top), (cx - half, bottom), (cx + half, bottom)], fill=(18, 78 - i * 6, 48))
    draw.rectangle((cx - 40, 1420, cx + 40, 1500), fill=(70, 45, 30))
    lights: list[tuple[int, int, int, Color]] = []
    for _ in range(70):
        y = rng.randint(760, 1400)
        half = 430 * (y - 700) / 720
        lights.append((cx + rng.randint(-int(half * 0.85), int(half * 0.85)), y, 12, (255, 210, 110)))
    lights.append((cx, 690, 40, (255, 235, 150)))
    # wooden stalls with lit counters, left and right of the tree
    for x0 in (120, 660, 2040, 2560):
        w = 420
        draw.rectangle((x0, 1260, x0 + w, 1620), fill=(96, 60, 36))
        draw.polygon([(x0 - 40, 1270), (x0 + w // 2, 1080), (x0 + w + 40, 1270)], fill=(240, 244, 250))
        draw.rectangle((x0 + 30, 1320, x0 + w - 30, 1480), fill=(250, 196, 100))
        draw.rectangle((x0 + 30, 1470, x0 + w - 30, 1510), fill=(150, 40, 40))
        for k in range(8):
            lights.append((x0 - 20 + k * (w + 40) // 7, 1280 - abs(k - 3.5) * 6, 10, (255, 200, 90)))
        lights.append((x0 + w // 2, 1400, 140, (90, 60, 20)))
    # garlands across the square
    for row, height in ((0, 560), (1, 640)):
        for k in range(40):
            t = k / 39
            x = int(t * PHOTO[0])
            y = int(height + 120 * math.sin(t * math.pi * 3 + row))
            lights.append((x, y, 9, (255, 190 + 30 * (k % 2), 100)))
    image = glow(image, lights, 14)
    draw = ImageDraw.Draw(image)
    for _ in range(500):  # falling snow
        x, y = rng.randrange(PHOTO[0]), rng.randrange(PHOTO[1])
        r = rng.choice((3, 4, 6))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(240, 242, 255))
    return grain(image, rng)


def person(draw: ImageDraw.ImageDraw, x: int, ground: int, scale: float, color: Color, skin: Color) -> None:
    """A figure as a child would draw it: a round head and a rounded body, no face."""
    body_h, body_w, head = int(230 * scale), int(110 * scale), int(44 * scale)
    draw.rounded_rectangle(
        (x - body_w // 2, ground - body_h, x + body_w // 2, ground), radius=int(40 * scale), fill=color
    )
    draw.ellipse((x - head, ground - body_h - 2 * head - 6, x + head, ground - body_h - 6), fill=skin)


def vereinsmeile(rng: random.Random) -> Image.Image:
    """A sunny market square with a row of club pavilions, bunting and visitors."""
    image = vertical_gradient(PHOTO, (120, 180, 235), (205, 228, 245))
    draw = ImageDraw.Draw(image)
    for _ in range(6):  # clouds
        x, y = rng.randint(0, PHOTO[0]), rng.randint(80, 450)
        for k in range(5):
            r = rng.randint(70, 130)
            draw.ellipse((x + k * 90 - r, y - r // 2, x + k * 90 + r, y + r // 2 + 20), fill=(250, 252, 255))
    houses(draw, rng, 1150, [(236, 210, 160), (220, 170, 140), (240, 230, 200), (190, 200, 170)], (80, 100, 120))
    draw.rectangle((0, 1150, PHOTO[0], PHOTO[1]), fill=(190, 180, 165))  # paving
    for y in range(1200, PHOTO[1], 90):
        draw.line((0, y, PHOTO[0], y + 40), fill=(175, 165, 150), width=6)
    palette = [(214, 60, 60), (40, 110, 190), (240, 190, 40), (60, 150, 90), (150, 80, 170), (240, 130, 40)]
    for i, x0 in enumerate(range(60, PHOTO[0] - 300, 580)):
        color = palette[i % len(palette)]
        draw.polygon([(x0, 1050), (x0 + 250, 860), (x0 + 500, 1050)], fill=color)
        draw.rectangle((x0, 1050, x0 + 500, 1110), fill=mix(color, (255, 255, 255), 0.35))
        for px in (x0 + 10, x0 + 480):
            draw.rectangle((px, 1050, px + 10, 1500), fill=(90, 90, 90))
        draw.rectangle((x0 + 40, 1330, x0 + 460, 1500), fill=(245, 245, 240))
        draw.rectangle((x0 + 40, 1330, x0 + 460, 1360), fill=color)
    for k in range(60):  # bunting
        t = k / 59
        x = int(t * PHOTO[0])
        y = int(760 + 60 * math.sin(t * math.pi * 4))
        draw.polygon([(x, y), (x + 50, y), (x + 25, y + 70)], fill=palette[k % len(palette)])
    draw.line(
        [(int(k / 59 * PHOTO[0]), int(760 + 60 * math.sin(k / 59 * math.pi * 4))) for k in range(60)],
        fill=(80, 80, 80),
        width=4,
    )
    skins = [(240, 200, 170), (200, 150, 110), (150, 100, 70), (250, 220, 190)]
    for _ in range(22):
        x = rng.randint(40, PHOTO[0] - 40)
        scale = rng.uniform(1.4, 2.1)
        person(draw, x, rng.randint(1650, 1950), scale, rng.choice(palette), rng.choice(skins))
    return grain(image, rng)


def tag_der_nachbarn(rng: random.Random) -> Image.Image:
    """A long laid table on the square in afternoon light: cups, cakes, flowers, garlands."""
    image = vertical_gradient(PHOTO, (250, 210, 150), (250, 236, 205))
    draw = ImageDraw.Draw(image)
    houses(draw, rng, 1000, [(230, 190, 150), (210, 160, 130), (236, 220, 180)], (110, 90, 80))
    draw.rectangle((0, 1000, PHOTO[0], PHOTO[1]), fill=(200, 175, 140))
    # the table in perspective: wide at the front, narrow at the back
    draw.polygon([(1250, 1060), (1750, 1060), (2900, 2000), (100, 2000)], fill=(252, 250, 244))
    draw.polygon([(100, 2000), (2900, 2000), (2900, 1960), (100, 1960)], fill=(225, 222, 214))
    for _ in range(26):  # cups and plates, smaller towards the back
        t = rng.random()
        y = int(1100 + t * 820)
        half = 250 + t * 1150
        x = int(1500 + rng.uniform(-half * 0.85, half * 0.85))
        s = 0.4 + t * 1.0
        draw.ellipse(
            (x - 90 * s, y - 30 * s, x + 90 * s, y + 30 * s), fill=(235, 235, 235), outline=(200, 200, 200), width=3
        )
        if rng.random() < 0.5:
            draw.polygon([(x - 50 * s, y - 10 * s), (x + 50 * s, y - 10 * s), (x, y - 80 * s)], fill=(200, 140, 80))
            draw.line((x - 50 * s, y - 10 * s, x + 50 * s, y - 10 * s), fill=(250, 240, 230), width=max(2, int(8 * s)))
        else:
            draw.rounded_rectangle(
                (x - 35 * s, y - 90 * s, x + 35 * s, y - 10 * s),
                radius=int(10 * s),
                fill=rng.choice([(60, 120, 180), (200, 70, 70), (240, 200, 60)]),
            )
    for x, y, s in ((1500, 1250, 0.6), (1500, 1600, 1.0)):  # flowers in jars
        draw.rectangle((x - 40 * s, y - 120 * s, x + 40 * s, y), fill=(180, 210, 220))
        for k in range(7):
            fx = x + (k - 3) * 35 * s
            fy = y - 180 * s - (k % 3) * 40 * s
            draw.line((x, y - 110 * s, fx, fy), fill=(60, 120, 50), width=6)
            draw.ellipse(
                (fx - 30 * s, fy - 30 * s, fx + 30 * s, fy + 30 * s),
                fill=[(230, 80, 110), (250, 200, 60), (250, 250, 250)][k % 3],
            )
    lights = []
    for row in range(2):
        for k in range(34):
            t = k / 33
            lights.append((int(t * PHOTO[0]), int(600 + row * 140 + 90 * math.sin(t * math.pi * 2)), 12, (120, 90, 30)))
    image = glow(image, lights, 10)
    return grain(image, rng)


def elster(rng: random.Random) -> Image.Image:
    """The Schwarze Elster in the evening: a winding river, meadows, willows, a heron."""
    image = vertical_gradient(PHOTO, (90, 120, 180), (250, 200, 150))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2200, 620, 2400, 820), fill=(255, 230, 170))
    image = glow(image, [(2300, 720, 150, (60, 40, 10))], 80)
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [(0, 980)] + [(x, 940 - int(40 * math.sin(x / 300))) for x in range(0, 3001, 100)] + [(3000, 2000), (0, 2000)],
        fill=(70, 110, 70),
    )
    for x in range(0, 3001, 60):  # distant tree line
        h = rng.randint(60, 160)
        draw.ellipse((x - 60, 950 - h, x + 60, 1010), fill=(50, 85, 60))
    draw.rectangle((0, 1000, PHOTO[0], PHOTO[1]), fill=(110, 150, 80))
    # the river: a band that widens towards the viewer and swings left and right
    left, right = [], []
    for k in range(41):
        t = k / 40
        y = 1010 + t * 990
        centre = 1600 + 500 * math.sin(t * 3.2) * (0.4 + t)
        half = 40 + t * 700
        left.append((centre - half, y))
        right.append((centre + half, y))
    draw.polygon(left + right[::-1], fill=(120, 150, 190))
    for _ in range(120):  # light on the water
        k = rng.randint(4, 39)
        (lx, y), (rx, _) = left[k], right[k]
        x = rng.uniform(lx + 10, rx - 10)
        w = 20 + k * 4
        draw.line((x - w, y, x + w, y), fill=(240, 220, 190), width=4)
    for x, y, s in ((400, 1250, 1.3), (2700, 1180, 1.0), (900, 1060, 0.6)):  # willows
        draw.rectangle((x - 30 * s, y - 300 * s, x + 30 * s, y), fill=(80, 60, 45))
        for k in range(9):
            dx = (k - 4) * 60 * s
            draw.ellipse(
                (x + dx - 140 * s, y - 560 * s + abs(k - 4) * 30 * s, x + dx + 140 * s, y - 200 * s),
                fill=(90 + k * 4, 130, 70),
            )
    for _ in range(900):  # grass blades in front
        x = rng.randint(0, PHOTO[0])
        y = rng.randint(1500, PHOTO[1])
        h = rng.randint(40, 120)
        draw.line(
            (x, y, x + rng.randint(-20, 20), y - h), fill=mix((70, 120, 50), (160, 190, 90), rng.random()), width=5
        )
    # a grey heron standing in the shallows
    hx, hy = 1250, 1580
    draw.line((hx - 10, hy, hx - 10, hy - 160), fill=(70, 70, 70), width=8)
    draw.line((hx + 20, hy, hx + 20, hy - 160), fill=(70, 70, 70), width=8)
    draw.ellipse((hx - 90, hy - 300, hx + 110, hy - 140), fill=(170, 175, 185))
    draw.line((hx + 80, hy - 260, hx + 130, hy - 400), fill=(170, 175, 185), width=26)
    draw.ellipse((hx + 105, hy - 440, hx + 165, hy - 390), fill=(200, 205, 210))
    draw.polygon([(hx + 160, hy - 420), (hx + 250, hy - 405), (hx + 160, hy - 405)], fill=(230, 180, 60))
    return grain(image, rng)


def logo(draw_it: Callable[[ImageDraw.ImageDraw, int], None]) -> Image.Image:
    """A square logo on a transparent background, drawn large and scaled down (smooth edges)."""
    size = LOGO * SUPERSAMPLE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw_it(ImageDraw.Draw(image), size)
    return image.resize((LOGO, LOGO), Image.Resampling.LANCZOS)


def centred_text(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill: tuple[int, ...]
) -> None:
    draw.text(xy, text, font=font(size), fill=fill, anchor="mm")


def heimatverein(draw: ImageDraw.ImageDraw, s: int) -> None:
    """A green shield with a church tower and the river, „HV“ below."""
    green, cream = (36, 96, 62, 255), (250, 244, 226, 255)
    draw.polygon(
        [(s * 0.12, s * 0.08), (s * 0.88, s * 0.08), (s * 0.88, s * 0.55), (s * 0.5, s * 0.95), (s * 0.12, s * 0.55)],
        fill=green,
    )
    draw.rectangle((s * 0.42, s * 0.30, s * 0.58, s * 0.58), fill=cream)
    draw.polygon([(s * 0.40, s * 0.30), (s * 0.5, s * 0.13), (s * 0.60, s * 0.30)], fill=cream)
    draw.rectangle((s * 0.48, s * 0.36, s * 0.52, s * 0.44), fill=green)
    for k in range(2):
        y = s * (0.62 + k * 0.05)
        draw.line(
            [(s * (0.2 + i * 0.06), y + (s * 0.015 if i % 2 else 0)) for i in range(11)],
            fill=(120, 180, 220, 255),
            width=s // 60,
        )
    centred_text(draw, (s * 0.5, s * 0.78), "HV", s // 7, cream)


def sv_elstertal(draw: ImageDraw.ImageDraw, s: int) -> None:
    """A round blue-and-white badge with a ball and a wave, „SVE“."""
    blue, white = (24, 74, 160, 255), (255, 255, 255, 255)
    draw.ellipse((s * 0.04, s * 0.04, s * 0.96, s * 0.96), fill=blue)
    draw.ellipse((s * 0.10, s * 0.10, s * 0.90, s * 0.90), outline=white, width=s // 40)
    draw.ellipse((s * 0.36, s * 0.18, s * 0.64, s * 0.46), fill=white)
    cx, cy, r = s * 0.5, s * 0.32, s * 0.05
    draw.regular_polygon((cx, cy, r), 5, fill=blue)
    for angle in range(0, 360, 72):
        a = math.radians(angle - 90)
        x, y = cx + math.cos(a) * s * 0.12, cy + math.sin(a) * s * 0.12
        draw.regular_polygon((x, y, s * 0.025), 5, fill=blue)
    draw.line(
        [(s * (0.18 + i * 0.032), s * (0.56 + 0.02 * math.sin(i))) for i in range(21)],
        fill=(120, 200, 240, 255),
        width=s // 45,
    )
    centred_text(draw, (s * 0.5, s * 0.72), "SVE", s // 7, white)


def feuerwehr(draw: ImageDraw.ImageDraw, s: int) -> None:
    """A red disc with a flame, „FF“."""
    red, white, yellow = (200, 30, 35, 255), (255, 255, 255, 255), (255, 200, 40, 255)
    draw.ellipse((s * 0.04, s * 0.04, s * 0.96, s * 0.96), fill=red)
    flame = [
        (s * 0.5, s * 0.14),
        (s * 0.66, s * 0.36),
        (s * 0.62, s * 0.30),
        (s * 0.68, s * 0.52),
        (s * 0.5, s * 0.62),
        (s * 0.32, s * 0.52),
        (s * 0.36, s * 0.34),
        (s * 0.42, s * 0.40),
    ]
    draw.polygon(flame, fill=yellow)
    draw.polygon([(s * 0.5, s * 0.32), (s * 0.58, s * 0.50), (s * 0.5, s * 0.58), (s * 0.42, s * 0.50)], fill=white)
    centred_text(draw, (s * 0.5, s * 0.76), "FF", s // 6, white)


def chor(draw: ImageDraw.ImageDraw, s: int) -> None:
    """Two notes on a purple rounded square, „Chor“."""
    purple, gold = (96, 48, 130, 255), (250, 214, 120, 255)
    draw.rounded_rectangle((s * 0.05, s * 0.05, s * 0.95, s * 0.95), radius=s // 6, fill=purple)
    for x, y in ((0.36, 0.52), (0.62, 0.46)):
        draw.ellipse((s * (x - 0.07), s * (y - 0.05), s * (x + 0.07), s * (y + 0.05)), fill=gold)
        draw.rectangle((s * (x + 0.05), s * (y - 0.32), s * (x + 0.07), s * y), fill=gold)
    draw.polygon([(s * 0.41, s * 0.20), (s * 0.69, s * 0.14), (s * 0.69, s * 0.20), (s * 0.41, s * 0.26)], fill=gold)
    centred_text(draw, (s * 0.5, s * 0.78), "Chor", s // 7, (255, 255, 255, 255))


PHOTOS: dict[str, Callable[[random.Random], Image.Image]] = {
    "beispiel/weihnachtsmarkt.jpg": weihnachtsmarkt,
    "beispiel/vereinsmeile.jpg": vereinsmeile,
    "beispiel/tag-der-nachbarn.jpg": tag_der_nachbarn,
    "beispiel/elster.jpg": elster,
}
LOGOS: dict[str, Callable[[ImageDraw.ImageDraw, int], None]] = {
    "beispiel/logo-heimatverein.png": heimatverein,
    "beispiel/logo-sv-elstertal.png": sv_elstertal,
    "beispiel/logo-feuerwehr.png": feuerwehr,
    "beispiel/logo-chor.png": chor,
}


def write_all(folder: Path) -> dict[str, int]:
    """Draw every picture into `folder` (content/images); returns bytes per file."""
    sizes = {}
    for name, draw_photo in PHOTOS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        draw_photo(random.Random(name)).save(path, "JPEG", quality=72, optimize=True, progressive=True)
        sizes[name] = path.stat().st_size
    for name, draw_logo in LOGOS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        logo(draw_logo).save(path, "PNG", optimize=True)
        sizes[name] = path.stat().st_size
    return sizes


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "content" / "images"
    sizes = write_all(folder)
    for name, size in sizes.items():
        print(f"{name}: {size / 1024:.0f} KB")
    print(f"zusammen: {sum(sizes.values()) / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
