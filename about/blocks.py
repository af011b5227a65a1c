"""Blocks of the about section: numbered statements (V2–V4) and the building directory (HI2)."""

from wagtail import blocks


class StatementBlock(blocks.TextBlock):
    """One item of a numbered list: a strategy, a mission or a development goal."""

    class Meta:
        icon = "list-ol"
        label = "ข้อ (Item)"
        template = "about/blocks/statement_block.html"
        description = "One numbered item, e.g. a development strategy or a mission"
        preview_value = "ด้านการสาธารณสุขและสิ่งแวดล้อม"


class RoomBlock(blocks.StructBlock):
    unit = blocks.CharBlock(
        label="หน่วยงานหรือห้อง (Unit or room)",
        max_length=200,
        help_text="เช่น สำนักงานคลัง หรือ ห้องประชุมสภาเทศบาล "
        "(e.g. Finance Office, or the council chamber)",
    )
    room = blocks.CharBlock(
        label="เลขห้อง / รายละเอียด (Room number / details)",
        max_length=200,
        required=False,
        help_text="เช่น ห้อง 101 หรือ ปีกซ้ายของอาคาร (e.g. room 101, or the left wing)",
    )

    class Meta:
        icon = "home"
        label = "ห้อง (Room)"


class FloorBlock(blocks.StructBlock):
    """One floor of the municipal office building and the units found on it."""

    floor = blocks.CharBlock(label="ชั้น (Floor)", max_length=50, help_text="เช่น ชั้น 1 (e.g. Floor 1)")
    rooms = blocks.ListBlock(RoomBlock(), label="หน่วยงานและห้อง (Units and rooms)", min_num=1)

    class Meta:
        icon = "order"
        label = "ชั้น (Floor)"
        template = "about/blocks/floor_block.html"
        description = "A floor of the office building, shown as a table of units and rooms"
        preview_value = {
            "floor": "ชั้น 1",
            "rooms": [
                {"unit": "ศูนย์บริการประชาชน (One Stop Service)", "room": "โถงชั้น 1"},
                {"unit": "สำนักงานคลัง", "room": "ห้อง 102"},
            ],
        }
