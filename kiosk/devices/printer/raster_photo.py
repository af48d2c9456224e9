"""The visitor's photo as a small dithered picture; a broken JPEG leaves the badge without one."""

from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError

# A third of the paper wide, portrait 3:4: recognisable, and ~2 KB per 100 rows on 80 mm.
_PHOTO_WIDTH_FRACTION = 3


def render_photo(jpeg: bytes, width_dots: int) -> Image.Image | None:
    """The photo centred on a white strip ``width_dots`` wide, or None if it cannot be read."""
    box_width = width_dots // _PHOTO_WIDTH_FRACTION
    box = (box_width, box_width * 4 // 3)
    try:
        with Image.open(io.BytesIO(jpeg)) as source:
            source.draft("L", box)  # let the JPEG decoder skip detail we would throw away
            photo = ImageOps.exif_transpose(source).convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    photo = ImageOps.autocontrast(ImageOps.fit(photo, box))
    strip = Image.new("L", (width_dots, box[1]), 255)
    strip.paste(photo, ((width_dots - box[0]) // 2, 0))
    # Floyd-Steinberg dithering keeps a face recognisable in black and white.
    return strip.convert("1")
