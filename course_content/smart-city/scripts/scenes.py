"""Draw the tour's pictures with Pillow: two 360° equirectangular panoramas (2:1) and flat scenes.

    python course_content/smart-city/scripts/scenes.py

writes ``static/*.jpg`` next to this folder. The drawing is deterministic (no randomness, fixed
sizes, default font), so the same Pillow version makes the same files.
"""
import math
from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parents[1] / "static"
PANORAMA = (2048, 1024)
FLAT = (960, 600)
SKY, GROUND, STONE = (158, 205, 235), (120, 150, 110), (222, 205, 170)


def yaw_x(yaw, width):
    """The x of a direction (degrees, -180..180) on an equirectangular picture."""
    return int((yaw + 180) / 360 * width)


def pitch_y(pitch, height):
    return int((90 - pitch) / 180 * height)


def panorama_base():
    image = Image.new("RGB", PANORAMA, SKY)
    draw = ImageDraw.Draw(image)
    width, height = PANORAMA
    for row in range(height // 2):  # the sky gets lighter towards the horizon
        shade = int(40 * row / (height / 2))
        draw.line([(0, row), (width, row)], fill=(158 + shade // 2, 205 + shade // 4, 235))
    draw.rectangle([0, height // 2, width, height], fill=STONE)
    for x in range(0, width, 64):  # paving stones that meet at the horizon
        draw.line([(x, height // 2), (x + (x - width / 2) * 0.6, height)], fill=(200, 185, 150), width=2)
    return image, draw


def building(draw, yaw0, yaw1, top_pitch, colour, width, height, windows=True):
    x0, x1, top = yaw_x(yaw0, width), yaw_x(yaw1, width), pitch_y(top_pitch, height)
    draw.rectangle([x0, top, x1, height // 2], fill=colour, outline=(90, 70, 50), width=3)
    if windows:
        for wx in range(x0 + 20, x1 - 30, 60):
            for wy in range(top + 25, height // 2 - 40, 70):
                draw.rectangle([wx, wy, wx + 24, wy + 38], fill=(60, 80, 110))


def street_lamp(draw, yaw, width, height, lit=True):
    x = yaw_x(yaw, width)
    draw.rectangle([x - 4, pitch_y(25, height), x + 4, pitch_y(-12, height)], fill=(60, 60, 60))
    draw.ellipse([x - 22, pitch_y(30, height), x + 22, pitch_y(22, height)],
                 fill=(255, 230, 120) if lit else (90, 90, 90))
    draw.rectangle([x - 10, pitch_y(18, height), x + 10, pitch_y(14, height)], fill=(40, 160, 90))  # the sensor


def fountain(draw, yaw, width, height):
    x, y = yaw_x(yaw, width), pitch_y(-8, height)
    draw.rectangle([x - 30, y - 90, x + 30, y + 40], fill=(70, 110, 160), outline=(30, 50, 80), width=3)
    draw.arc([x - 60, y - 150, x + 10, y - 60], 200, 330, fill=(40, 120, 230), width=6)
    for radius in (18, 30, 42):  # the Wi-Fi sign on top
        draw.arc([x - radius, y - 140 - radius, x + radius, y - 140 + radius], 225, 315, fill=(20, 20, 120), width=5)


def tram(draw, yaw0, yaw1, width, height):
    x0, x1, y = yaw_x(yaw0, width), yaw_x(yaw1, width), height // 2
    draw.rounded_rectangle([x0, y - 110, x1, y + 30], 20, fill=(230, 60, 50), outline=(90, 20, 20), width=4)
    for wx in range(x0 + 20, x1 - 50, 70):
        draw.rectangle([wx, y - 90, wx + 50, y - 40], fill=(200, 230, 250))
    draw.line([(0, y + 60), (width, y + 60)], fill=(80, 80, 80), width=6)


def bike(draw, yaw, width, height):
    x, y = yaw_x(yaw, width), pitch_y(-20, height)
    for dx in (-30, 30):
        draw.ellipse([x + dx - 22, y - 22, x + dx + 22, y + 22], outline=(20, 20, 20), width=5)
    draw.line([(x - 30, y), (x, y - 35), (x + 30, y), (x - 5, y)], fill=(230, 120, 0), width=5)


def piazza_panorama():
    """Piazza della Repubblica, 360°: lamps with sensors, the fountain with Wi-Fi, fibre under the paving."""
    image, draw = panorama_base()
    width, height = PANORAMA
    building(draw, -180, -120, 35, (214, 170, 120), width, height)
    building(draw, -115, -40, 40, (230, 200, 150), width, height)
    draw.rectangle([yaw_x(-95, width), pitch_y(42, height), yaw_x(-60, width), pitch_y(10, height)],
                   fill=(196, 150, 100), outline=(90, 70, 50), width=4)  # the arch
    building(draw, 40, 120, 38, (205, 160, 110), width, height)
    building(draw, 125, 180, 33, (225, 190, 140), width, height)
    for yaw in (-30, 10, 30):
        street_lamp(draw, yaw, width, height)
    fountain(draw, 60, width, height)
    x0, x1 = yaw_x(-170, width), yaw_x(170, width)  # the fibre duct, drawn as if the paving were glass
    draw.line([(x0, pitch_y(-55, height)), (x1, pitch_y(-55, height))], fill=(255, 140, 0), width=10)
    for x in range(x0, x1, 90):
        draw.line([(x, pitch_y(-55, height)), (x + 40, pitch_y(-55, height))], fill=(255, 220, 120), width=4)
    return image


def station_panorama():
    """The tram stop, 360°: the tram, shared bikes, a charging point and a bus."""
    image, draw = panorama_base()
    width, height = PANORAMA
    building(draw, -180, -100, 30, (220, 215, 200), width, height)
    tram(draw, -90, -10, width, height)
    for yaw in (20, 28, 36):
        bike(draw, yaw, width, height)
    x, y = yaw_x(75, width), pitch_y(-5, height)  # the charging column and a car
    draw.rectangle([x - 20, y - 120, x + 20, y + 40], fill=(40, 140, 80), outline=(10, 60, 30), width=3)
    draw.polygon([(x - 8, y - 90), (x + 6, y - 90), (x - 2, y - 60), (x + 10, y - 60), (x - 10, y - 20),
                  (x - 2, y - 55), (x - 14, y - 55)], fill=(255, 230, 60))
    draw.rounded_rectangle([x + 40, y - 30, x + 200, y + 40], 25, fill=(70, 120, 200))
    building(draw, 100, 180, 36, (210, 180, 140), width, height)
    draw.rounded_rectangle([yaw_x(120, width), height // 2 - 100, yaw_x(170, width), height // 2 + 20], 16,
                           fill=(120, 40, 140))  # the bus
    return image


def flat_base(ground=GROUND):
    image = Image.new("RGB", FLAT, SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 380, FLAT[0], FLAT[1]], fill=ground)
    return image, draw


def phone(draw, x, y, screen, icon):
    draw.rounded_rectangle([x, y, x + 150, y + 270], 18, fill=(30, 30, 40))
    draw.rectangle([x + 12, y + 25, x + 138, y + 240], fill=screen)
    icon(draw, x + 75, y + 130)


def recycle_icon(draw, cx, cy):
    for step in range(3):
        angle = step * 2 * math.pi / 3
        x, y = cx + 40 * math.cos(angle), cy + 40 * math.sin(angle)
        draw.polygon([(x, y - 18), (x + 18, y + 12), (x - 18, y + 12)], fill=(30, 140, 60))


def flat_waste():
    image, draw = flat_base()
    for i, colour in enumerate(((40, 90, 180), (240, 200, 40), (40, 140, 60), (120, 80, 40))):
        draw.rounded_rectangle([80 + i * 130, 260, 190 + i * 130, 460], 12, fill=colour, outline=(30, 30, 30), width=3)
    phone(draw, 700, 180, (235, 245, 235), recycle_icon)
    return image


def flat_open_data():
    image, draw = flat_base((200, 200, 210))
    draw.rectangle([60, 60, 900, 470], fill=(250, 250, 250), outline=(40, 40, 60), width=6)
    for i, value in enumerate((120, 200, 160, 280, 240, 320)):  # a bar chart of the datasets
        draw.rectangle([120 + i * 70, 420 - value, 170 + i * 70, 420], fill=(11, 61, 110))
    for row in range(5):  # a table
        draw.rectangle([600, 110 + row * 60, 860, 150 + row * 60], outline=(11, 61, 110), width=3)
    return image


def flat_control_room():
    image, draw = flat_base((90, 90, 110))
    draw.rectangle([0, 0, FLAT[0], 380], fill=(40, 45, 70))
    for i in range(3):  # the wall of screens: the city map, traffic, the digital twin
        draw.rectangle([60 + i * 290, 60, 320 + i * 290, 260], fill=(15, 25, 45), outline=(120, 200, 255), width=4)
    for x in range(80, 300, 40):
        draw.line([(x, 80), (x, 240)], fill=(60, 120, 180), width=2)
    for k in range(6):
        draw.line([(370, 230 - k * 25), (420 + k * 40, 90 + (k % 3) * 30)], fill=(255, 120, 80), width=4)
    for k in range(5):  # the twin: small blocks of buildings
        draw.rectangle([680 + k * 40, 240 - k * 25, 710 + k * 40, 240], fill=(120, 200, 255))
    draw.rectangle([200, 420, 760, 480], fill=(70, 70, 90))  # the desk
    return image


def flat_registry():
    image, draw = flat_base((190, 180, 160))
    draw.rectangle([0, 0, FLAT[0], 380], fill=(235, 225, 200))
    draw.rectangle([80, 120, 380, 380], fill=(170, 130, 90))  # the desk
    draw.rectangle([520, 80, 760, 330], fill=(30, 30, 40))  # the self-service kiosk
    draw.rectangle([540, 100, 740, 290], fill=(220, 235, 250))
    for row in range(3):
        draw.rounded_rectangle([570, 120 + row * 55, 710, 160 + row * 55], 8, fill=(11, 61, 110))
    draw.ellipse([180, 40, 280, 110], fill=(200, 80, 60))  # a clock over the desk, with no queue
    return image


def flat_fibre():
    image, draw = flat_base((150, 110, 80))
    draw.rectangle([0, 300, FLAT[0], FLAT[1]], fill=(150, 110, 80))
    draw.rectangle([0, 260, FLAT[0], 300], fill=STONE)
    for k in range(8):  # the glass threads, with light running inside them
        y = 380 + k * 22
        draw.line([(0, y), (FLAT[0], y)], fill=(255, 160 + k * 10, 40), width=6)
        for x in range(k * 30, FLAT[0], 160):
            draw.ellipse([x, y - 6, x + 12, y + 6], fill=(255, 255, 220))
    building(draw, -180, -60, 30, (214, 170, 120), FLAT[0] * 3, 520)
    return image


PICTURES = {
    "piazza-360.jpg": piazza_panorama,
    "fermata-360.jpg": station_panorama,
    "fibra.jpg": flat_fibre,
    "rifiuti.jpg": flat_waste,
    "open-data.jpg": flat_open_data,
    "centrale.jpg": flat_control_room,
    "anagrafe.jpg": flat_registry,
}


def main():
    STATIC.mkdir(exist_ok=True)
    for name, draw in PICTURES.items():
        draw().save(STATIC / name, "JPEG", quality=70, optimize=True)
        print(f"{name}: {(STATIC / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
