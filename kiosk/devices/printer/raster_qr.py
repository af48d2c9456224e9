"""A QR code as a 1-bit picture, for printers without native QR (``GS ( k``)."""

from __future__ import annotations

from PIL import Image


def render_qr(data: str, module_dots: int, width_dots: int) -> Image.Image:
    """The code centred on a white strip ``width_dots`` wide, two modules of quiet zone above and below."""
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(box_size=module_dots, border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module_dots
    picture = Image.new("1", (width_dots, size), 1)
    left = (width_dots - size) // 2
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                x, y = left + col_index * module_dots, row_index * module_dots
                picture.paste(0, (x, y, x + module_dots, y + module_dots))
    return picture
