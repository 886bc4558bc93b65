"""Pictures for the demo articles, drawn here: the project owns them outright.

Flat illustrations made with Pillow from shapes, the same on every run, so that
the demo shows lead pictures, captions and credits with no file of anyone
else's. They are released with the code (CC0), as their credit says.
"""

import io
import math
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
CREDIT = "Illustration: Newsroom-Demo (CC0)"


def _canvas(top, bottom):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / HEIGHT
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(
                round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)
            ),
        )
    return image, draw


def kursk(draw_random):
    image, draw = _canvas((222, 226, 214), (196, 204, 186))
    # Two countries on a map, the border between them, a region marked.
    draw.polygon([(0, 0), (980, 0), (880, 300), (1010, 520), (900, 900), (0, 900)],
                 fill=(214, 206, 180))  # fmt: skip
    draw.line([(980, 0), (880, 300), (1010, 520), (900, 900)], fill=(120, 40, 40),
              width=10)  # fmt: skip
    draw.ellipse([(560, 220), (860, 470)], fill=(164, 22, 26), outline=(90, 10, 12),
                 width=6)  # fmt: skip
    for x in range(0, WIDTH, 160):
        draw.line([(x, 0), (x, HEIGHT)], fill=(255, 255, 255), width=1)
    for y in range(0, HEIGHT, 160):
        draw.line([(0, y), (WIDTH, y)], fill=(255, 255, 255), width=1)
    return image


def cycle_lane(draw_random):
    image, draw = _canvas((178, 214, 236), (236, 240, 232))
    draw.polygon([(500, 380), (1100, 380), (1600, 900), (0, 900)], fill=(88, 92, 98))
    draw.polygon(
        [(930, 380), (1020, 380), (1500, 900), (1180, 900)], fill=(176, 58, 46)
    )
    for n in range(8):
        y = 400 + n * 65
        x = 800 + (y - 380) * 0.05
        draw.rectangle([(x - 6, y), (x + 6, y + 35)], fill=(245, 245, 245))
    cx, cy = 1260, 760
    for dx in (-70, 70):
        draw.ellipse([(cx + dx - 50, cy - 50), (cx + dx + 50, cy + 50)],
                     outline=(250, 250, 250), width=8)  # fmt: skip
    draw.line([(cx - 70, cy), (cx, cy - 80), (cx + 70, cy), (cx - 10, cy)],
              fill=(250, 250, 250), width=8)  # fmt: skip
    return image


def bank(draw_random):
    image, draw = _canvas((236, 231, 218), (214, 205, 186))
    draw.polygon([(420, 300), (800, 130), (1180, 300)], fill=(120, 110, 96))
    draw.rectangle([(440, 300), (1160, 340)], fill=(150, 138, 120))
    for n in range(6):
        x = 480 + n * 128
        draw.rectangle([(x, 360), (x + 60, 700)], fill=(244, 240, 230))
    draw.rectangle([(420, 700), (1180, 760)], fill=(150, 138, 120))
    for n, radius in enumerate((46, 34, 24)):
        x = 260 + n * 20
        y = 820 - n * 30
        draw.ellipse([(x - radius, y - radius), (x + radius, y + radius)],
                     fill=(204, 160, 40))  # fmt: skip
    return image


def heat(draw_random):
    image, draw = _canvas((250, 226, 196), (246, 246, 240))
    draw.rectangle(
        [(300, 420), (900, 820)], fill=(236, 236, 236), outline=(80, 80, 80), width=6
    )
    draw.polygon([(260, 430), (600, 180), (940, 430)], fill=(164, 22, 26))
    draw.rectangle([(520, 600), (640, 820)], fill=(110, 80, 60))
    draw.rectangle(
        [(1050, 600), (1300, 820)], fill=(200, 205, 210), outline=(80, 80, 80), width=6
    )
    for n in range(5):
        draw.ellipse(
            [(1100 + n * 30, 660), (1160 + n * 30, 720)], outline=(90, 90, 90), width=4
        )
    for n in range(4):
        y = 300 + n * 60
        points = [(1000 + x, y + 20 * math.sin(x / 40)) for x in range(0, 360, 10)]
        draw.line(points, fill=(226, 110, 40), width=8)
    return image


def birds(draw_random):
    image, draw = _canvas((120, 170, 220), (250, 210, 160))
    draw.ellipse([(1180, 560), (1420, 800)], fill=(252, 230, 160))
    draw.rectangle([(0, 780), (WIDTH, HEIGHT)], fill=(70, 96, 70))
    for n in range(11):
        side = -1 if n % 2 else 1
        x, y = (
            520 + side * (n // 2 + 1) * 70 * (n > 0),
            260 + (n // 2 + 1) * 45 * (n > 0),
        )
        draw.line(
            [(x - 30, y - 12), (x, y), (x + 30, y - 12)], fill=(30, 30, 40), width=6
        )
    return image


def fact_check(draw_random):
    image, draw = _canvas((240, 242, 245), (220, 226, 232))
    draw.rectangle(
        [(420, 140), (980, 820)], fill=(255, 255, 255), outline=(180, 180, 180), width=4
    )
    for n in range(12):
        y = 200 + n * 48
        length = draw_random.randrange(300, 480)
        colour = (220, 60, 60) if n == 5 else (120, 120, 130)
        draw.line([(470, y), (470 + length, y)], fill=colour, width=14)
    draw.ellipse([(780, 330), (1130, 680)], outline=(40, 40, 50), width=28)
    draw.line([(1090, 650), (1300, 860)], fill=(40, 40, 50), width=44)
    return image


def library(draw_random):
    image, draw = _canvas((245, 236, 220), (226, 214, 192))
    for shelf in range(4):
        y = 150 + shelf * 180
        draw.rectangle([(200, y + 150), (1400, y + 165)], fill=(120, 80, 50))
        x = 220
        while x < 1380:
            width = draw_random.randrange(26, 60)
            height = draw_random.randrange(100, 148)
            colour = draw_random.choice(
                [
                    (164, 22, 26),
                    (38, 70, 120),
                    (60, 120, 80),
                    (200, 150, 40),
                    (90, 60, 110),
                ]
            )
            draw.rectangle(
                [(x, y + 150 - height), (x + width - 4, y + 150)], fill=colour
            )
            x += width
    return image


def radio_play(draw_random):
    image, draw = _canvas((30, 40, 80), (90, 60, 110))
    for _ in range(120):
        x, y = draw_random.randrange(WIDTH), draw_random.randrange(500)
        draw.ellipse([(x, y), (x + 4, y + 4)], fill=(250, 250, 220))
    draw.arc(
        [(560, 220), (1040, 700)], start=180, end=360, fill=(240, 240, 240), width=36
    )
    draw.rounded_rectangle([(520, 440), (640, 640)], radius=30, fill=(240, 240, 240))
    draw.rounded_rectangle([(960, 440), (1080, 640)], radius=30, fill=(240, 240, 240))
    for n in range(1, 4):
        box = [(1100 - n * 40, 440 - n * 40), (1180 + n * 40, 640 + n * 40)]
        draw.arc(box, start=-40, end=40, fill=(250, 200, 120), width=10)
    draw.rectangle([(0, 800), (WIDTH, HEIGHT)], fill=(40, 60, 40))
    return image


# By the demo file's number: how to draw it, its alt text and its caption.
DEMO_PICTURES = {
    "01": (kursk, "Vereinfachte Karte: zwei Länder, zwischen ihnen eine Grenzlinie, "
           "auf der einen Seite ein rot markiertes Gebiet.",
           "Die russische Grenzregion Kursk (rot) liegt unmittelbar an der Grenze "
           "zur Ukraine."),
    "02": (cycle_lane, "Eine Straße mit einem rot markierten Radweg am rechten Rand, "
           "darauf ein Fahrrad-Symbol.",
           "So sollen die neuen Radwege in Lindenfeld aussehen: rot markiert und "
           "von der Fahrbahn getrennt."),
    "03": (bank, "Ein Bankgebäude mit sechs Säulen, davor ein Stapel Münzen.",
           "Genossenschaftsbanken gehören ihren Mitgliedern."),
    "04": (heat, "Ein Einfamilienhaus neben dem Außengerät einer Wärmepumpe, "
           "von dem Wärmewellen aufsteigen.",
           "Wärmepumpe oder Anschluss ans Fernwärmenetz: Die Rechnung hängt vom "
           "Haus ab."),
    "05": (birds, "Ein Schwarm Vögel in V-Formation vor einem Abendhimmel.",
           "Zugvögel fliegen in Formation, um Kraft zu sparen."),
    "06": (fact_check, "Ein Textblatt unter einer Lupe, eine Zeile ist rot markiert.",
           "Jede Angabe wird vor der Veröffentlichung geprüft."),
    "07": (library, "Bücherregale mit bunten Buchrücken.",
           "Die Stadtbibliothek Lindenfeld öffnet nun auch sonntags."),
    "08": (radio_play, "Ein Kopfhörer unter einem Sternenhimmel, daneben Schallwellen.",
           "Beim Hörspielfestival wird unter freiem Himmel zugehört."),
}  # fmt: skip


def demo_picture(number: str):
    """The demo picture for an article file's number, made once; or None."""
    from .models import Picture
    from .services import picture_save

    if number not in DEMO_PICTURES:
        return None
    draw, alt_text, caption = DEMO_PICTURES[number]
    existing = Picture.objects.filter(alt_text=alt_text, credit=CREDIT).first()
    if existing is not None:
        return existing
    out = io.BytesIO()
    draw(random.Random(int(number))).save(out, "PNG")
    picture = Picture(
        image=ContentFile(out.getvalue(), name=f"demo-{number}.png"),
        alt_text=alt_text,
        caption=caption,
        credit=CREDIT,
    )
    picture_save(picture, render_now=True)  # the demo is ready when load_demo ends
    return picture
